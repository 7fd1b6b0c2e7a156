package org.bashgah.console.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules for the console's URL paths and files: which paths are served at all, and as what. */
final class ConsoleFiles {
    /** Extension ids name a URL folder: keep them to what needs no escaping anywhere. */
    static final Pattern EXTENSION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** Relative file paths of plain segments; no "..", no empty segment, no backslash or control characters. */
    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*)(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final Map<String, String> TYPES = Map.ofEntries(
        Map.entry("html", "text/html; charset=utf-8"),
        Map.entry("js", "text/javascript; charset=utf-8"),
        Map.entry("mjs", "text/javascript; charset=utf-8"),
        Map.entry("css", "text/css; charset=utf-8"),
        Map.entry("json", "application/json; charset=utf-8"),
        Map.entry("svg", "image/svg+xml"),
        Map.entry("png", "image/png"),
        Map.entry("ico", "image/x-icon"),
        Map.entry("woff2", "font/woff2"),
        Map.entry("woff", "font/woff"),
        Map.entry("txt", "text/plain; charset=utf-8"));

    private ConsoleFiles() {
    }

    /** A relative path that may be looked up as a file, or empty (then: 404). */
    static Optional<String> safe(String path) {
        if (path == null || path.length() > 200 || !SAFE_PATH.matcher(path).matches()) return Optional.empty();
        for (String segment : path.split("/")) {
            if (segment.startsWith(".")) return Optional.empty();
        }
        return Optional.of(path);
    }

    /** The content type of a file by its extension, or empty for a kind the console does not serve. */
    static Optional<String> contentType(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        return Optional.ofNullable(TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
