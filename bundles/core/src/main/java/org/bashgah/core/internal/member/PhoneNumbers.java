package org.bashgah.core.internal.member;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phone numbers in the one form members are stored by: E.164 ({@code +989121234567}). Parsing is
 * libphonenumber's, so {@code 09121234567}, {@code +98 912 123 4567}, {@code 00989121234567} and Persian
 * digits ({@code ۰۹۱۲۱۲۳۴۵۶۷}) all name the same member.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Parsing is about 6% of a purchase's CPU, and tills send the same few thousand numbers all day. */
    private static final int REMEMBERED = 10_000;
    private static final Map<String, Optional<String>> NORMALISED = new ConcurrentHashMap<>();

    private PhoneNumbers() {
    }

    /**
     * The E.164 form, or empty when the text is not a valid number.
     *
     * @param defaultRegion the region (ISO 3166, e.g. {@code IR}) of numbers written without a country code
     */
    public static Optional<String> normalise(String text, String defaultRegion) {
        if (text == null || text.isBlank() || text.length() > 40) return Optional.empty();
        String key = defaultRegion + ' ' + text;
        Optional<String> known = NORMALISED.get(key);
        if (known != null) return known;
        if (NORMALISED.size() >= REMEMBERED) NORMALISED.clear(); // simpler than an LRU, and as good for this
        Optional<String> normal = parse(text, defaultRegion);
        NORMALISED.put(key, normal);
        return normal;
    }

    private static Optional<String> parse(String text, String defaultRegion) {
        try {
            PhoneNumber number = UTIL.parse(text, defaultRegion);
            if (!UTIL.isValidNumber(number)) return Optional.empty();
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
