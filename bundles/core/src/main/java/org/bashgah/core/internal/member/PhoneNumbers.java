package org.bashgah.core.internal.member;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers in the one form members are stored by: E.164 ({@code +989121234567}). Parsing is
 * libphonenumber's, so {@code 09121234567}, {@code +98 912 123 4567}, {@code 00989121234567} and Persian
 * digits ({@code ۰۹۱۲۱۲۳۴۵۶۷}) all name the same member.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * The E.164 form, or empty when the text is not a valid number.
     *
     * @param defaultRegion the region (ISO 3166, e.g. {@code IR}) of numbers written without a country code
     */
    public static Optional<String> normalise(String text, String defaultRegion) {
        if (text == null || text.isBlank() || text.length() > 40) return Optional.empty();
        try {
            PhoneNumber number = UTIL.parse(text, defaultRegion);
            if (!UTIL.isValidNumber(number)) return Optional.empty();
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
