package org.bashgah.reports.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard's files: the charting library is embedded, and no text is in one language only. */
class ReportsConsolePagesTest {
    private static final Path FILES = Path.of("src/main/resources/console/reports");
    /** t('key') and c.t('key') of main.js; keys made at run time (report.${name}) are checked by the browser test. */
    private static final Pattern KEY = Pattern.compile("(?<![A-Za-z.])(?:c\\.)?t\\('([A-Za-z0-9.-]+)'");

    private final ReportsConsolePages pages = new ReportsConsolePages();

    @SuppressWarnings("unchecked")
    private static Map<String, String> dictionary(String lang) throws IOException {
        return new ObjectMapper().readValue(FILES.resolve("i18n/" + lang + ".json").toFile(), Map.class);
    }

    @Test
    void theModuleTextsStyleAndEchartsAreServedFromTheBundle() throws IOException {
        for (String file : new String[] {"main.js", "i18n/en.json", "i18n/fa.json", "reports.css"}) {
            assertTrue(pages.resource(file).isPresent(), file);
        }
        URL echarts = pages.resource("vendor/echarts/echarts.esm.min.js").orElseThrow();
        try (InputStream in = echarts.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.length() > 500_000, "the whole ES module build");
            assertTrue(text.contains("export{"), "an ES module the page can import");
        }
        assertTrue(pages.resource("vendor/echarts/NOTICE").isPresent(), "Apache ECharts' NOTICE ships with it");
    }

    @Test
    void persianAndEnglishHaveTheSameKeysAndEveryKeyOfThePage() throws IOException {
        Set<String> en = new TreeSet<>(dictionary("en").keySet());
        assertEquals(en, new TreeSet<>(dictionary("fa").keySet()));
        // the console's own texts that the page borrows (its dictionary is looked up after this one)
        Set<String> console = Set.of("account.points", "account.shared", "account.branch");
        Set<String> missing = new TreeSet<>();
        Matcher m = KEY.matcher(Files.readString(FILES.resolve("main.js")));
        while (m.find()) {
            if (!en.contains(m.group(1)) && !console.contains(m.group(1))) missing.add(m.group(1));
        }
        assertTrue(missing.isEmpty(), "texts missing from i18n/*.json: " + missing);
    }
}
