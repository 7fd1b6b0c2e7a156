package org.bashgah.partners.internal;

import org.bashgah.core.api.BashgahException.NotFound;

/** Ids in paths: a whole number names a row; anything else names nothing (404), never a 400 or a 500. */
public final class Ids {
    private Ids() {
    }

    public static long parse(String text, String what) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // below
        }
        throw new NotFound("no " + what + " " + abbreviate(text));
    }

    private static String abbreviate(String text) {
        if (text == null) return "";
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
