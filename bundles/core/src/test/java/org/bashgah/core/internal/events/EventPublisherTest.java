package org.bashgah.core.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventPublisherTest {

    @Test
    void propertiesComeBackFromTheOutboxAsTheyWereDelivered() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("organisation", "org-1");
        properties.put("amount", EventPublisher.checked("t", "amount", 1_000_000_000_000L));
        properties.put("visits", EventPublisher.checked("t", "visits", 3));
        properties.put("firstVisit", true);
        properties.put("name", "مهسا \"quoted\" \\ \u2028");

        Map<String, Object> decoded = EventPublisher.decode(EventPublisher.encode(properties));

        assertEquals(properties, decoded);
        // a small whole number is still a long, as handlers cast it
        assertEquals(Long.class, decoded.get("visits").getClass());
    }

    @Test
    void onlyTextWholeNumbersAndBooleansCanBeKept() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> EventPublisher.checked("bashgah/x", "amount", new BigDecimal("1.5")));
        assertEquals("event bashgah/x property amount is java.math.BigDecimal, not text, a whole number or a boolean",
            e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EventPublisher.checked("bashgah/x", "tier", null));
    }

    @Test
    void aRowThatIsNotAnObjectOfPlainValuesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventPublisher.decode("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> EventPublisher.decode("{\"a\": {\"b\": 1}}"));
        assertThrows(IllegalArgumentException.class, () -> EventPublisher.decode("{\"a\": 1.5}"));
    }
}
