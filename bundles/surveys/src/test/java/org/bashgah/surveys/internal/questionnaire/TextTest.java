package org.bashgah.surveys.internal.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void aTextIsShownInTheAskedLanguageElseInTheOneItHas() {
        Text both = new Text("چقدر راضی بودید؟", "How satisfied were you?");
        assertEquals("How satisfied were you?", both.in("en"));
        assertEquals("چقدر راضی بودید؟", both.in("fa"));
        assertEquals("چقدر راضی بودید؟", both.preferred());
        assertEquals("Anything else?", new Text(null, "Anything else?").in("fa"));
        assertEquals("کارکنان", new Text("کارکنان", " ").in("en"));
    }
}
