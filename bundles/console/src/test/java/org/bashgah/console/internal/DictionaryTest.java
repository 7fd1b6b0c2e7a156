package org.bashgah.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No text is in one language only: both dictionaries have the same keys, and every t('key') of the pages is in them. */
class DictionaryTest {
    private static final Path CONSOLE = Path.of("src/main/resources/console");
    private static final Pattern KEY = Pattern.compile("\\bt\\('([A-Za-z0-9.-]+)'");

    @SuppressWarnings("unchecked")
    private static Map<String, String> dictionary(String lang) throws IOException {
        return new ObjectMapper().readValue(CONSOLE.resolve("i18n/" + lang + ".json").toFile(), Map.class);
    }

    @Test
    void persianAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(dictionary("en").keySet()), new TreeSet<>(dictionary("fa").keySet()));
    }

    @Test
    void everyTextThePagesAskForIsInTheDictionaries() throws IOException {
        Set<String> known = dictionary("en").keySet();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = KEY.matcher(Files.readString(js));
                while (m.find()) {
                    if (!known.contains(m.group(1))) missing.add(js.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertTrue(missing.isEmpty(), "texts missing from i18n/*.json: " + missing);
    }
}
