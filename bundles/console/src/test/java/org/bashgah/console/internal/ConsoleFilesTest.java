package org.bashgah.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleFilesTest {
    @Test
    void plainRelativePathsAreServed() {
        assertEquals(Optional.of("pages/cashier.js"), ConsoleFiles.safe("pages/cashier.js"));
        assertEquals(Optional.of("i18n/fa.json"), ConsoleFiles.safe("i18n/fa.json"));
    }

    @Test
    void pathsThatCouldLeaveTheFolderAreNot() {
        for (String bad : new String[] {"../etc/passwd", "a/../../b", "/abs.js", "a//b.js", ".hidden", "a/.b/c.js",
            "a\\b.js", "a%2e%2e/b", "", "a/", "x\u0000.js"}) {
            assertTrue(ConsoleFiles.safe(bad).isEmpty(), bad);
        }
    }

    @Test
    void contentTypesByExtension() {
        assertEquals(Optional.of("text/javascript; charset=utf-8"), ConsoleFiles.contentType("app.js"));
        assertEquals(Optional.of("text/html; charset=utf-8"), ConsoleFiles.contentType("index.html"));
        assertEquals(Optional.of("application/json; charset=utf-8"), ConsoleFiles.contentType("i18n/fa.json"));
        assertTrue(ConsoleFiles.contentType("Secret.class").isEmpty());
        assertTrue(ConsoleFiles.contentType("README").isEmpty());
    }
}
