package org.bashgah.surveys.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bashgah.core.api.ConsolePages.MenuItem;
import org.junit.jupiter.api.Test;

/** The console pages' texts: both languages have every key, and every key a page names is in them. */
class ConsoleTextsTest {
    private static final Path PAGES = Path.of("src/main/resources/console/surveys");
    // t('key' or t("key": a literal key; keys put together from a value (t(`kind.${...}`)) are checked below
    private static final Pattern LITERAL_KEY = Pattern.compile("\\bt\\(\\s*['\"]([\\w.-]+)['\"]");

    @Test
    void persianAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(keys("en"), keys("fa"));
    }

    @Test
    void everyKeyAPageNamesIsThere() throws IOException {
        Set<String> en = keys("en");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(PAGES)) {
            for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(js));
                // error.* and the like are the console's own texts, looked up after the extension's
                while (m.find()) if (!en.contains(m.group(1)) && !m.group(1).startsWith("error.")) missing.add(js.getFileName() + ": " + m.group(1));
            }
        }
        assertEquals(List.of(), missing);
        // the keys made from API values: every kind, outcome, call status and grouping
        for (String kind : List.of("SCALE", "NPS", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "YES_NO", "TEXT")) assertTrue(en.contains("kind." + kind), kind);
        for (String o : List.of("ANSWERED", "NO_ANSWER", "BUSY", "WRONG_NUMBER", "CALL_BACK", "REFUSED", "ABANDONED")) assertTrue(en.contains("outcome." + o), o);
        for (String s : List.of("PENDING", "QUEUED", "CLAIMED", "DONE", "REFUSED", "WRONG_NUMBER", "GAVE_UP", "EXPIRED")) assertTrue(en.contains("callStatus." + s), s);
        for (String by : List.of("branch", "operator", "campaign", "question", "day")) assertTrue(en.contains("by." + by), by);
    }

    @Test
    void everyMenuItemHasItsPageAndATitleInBothLanguages() throws IOException {
        String main = Files.readString(PAGES.resolve("main.js"));
        for (MenuItem item : new SurveysConsolePages().menu()) {
            assertTrue(main.contains("  " + item.id() + ": () => import('./" + item.id() + ".js')"), item.id());
            assertTrue(Files.exists(PAGES.resolve(item.id() + ".js")), item.id());
            assertTrue(!item.titleEn().isBlank() && !item.titleFa().isBlank(), item.id());
        }
    }

    private static Set<String> keys(String lang) throws IOException {
        Set<String> keys = new TreeSet<>();
        new ObjectMapper().readTree(PAGES.resolve("i18n/" + lang + ".json").toFile()).fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
