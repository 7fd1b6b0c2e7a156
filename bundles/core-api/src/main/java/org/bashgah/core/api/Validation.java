package org.bashgah.core.api;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects everything wrong with a request so the caller learns of all of it at once, then refuses it
 * with one {@link BashgahException.Invalid} (HTTP 400). Limits are generous but finite, so nothing
 * overflows further down.
 */
public final class Validation {
    /** The largest amount accepted anywhere: 10^15 currency units, far above any real invoice. */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    // compiled once: every purchase checks its codes (String.matches compiles its pattern at every call)
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N} .,'\u2019()&/#%+!?:\\-\u200c]*");
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");
    /** The runtime's zone ids (a new copy at every {@link ZoneId#getAvailableZoneIds()} call). */
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private final List<FieldError> errors = new ArrayList<>();

    public Validation require(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) add(field, "is required");
        return this;
    }

    public Validation text(String field, String value, int maxLength) {
        if (value != null) {
            if (value.length() > maxLength) add(field, "is longer than " + maxLength + " characters");
            else if (value.chars().anyMatch(Character::isISOControl)) add(field, "contains control characters");
        }
        return this;
    }

    /**
     * A human name (of a member, branch, reward ...): letters of any script, digits, spaces and
     * {@code . , ' ’ - ( ) & / # % + ! ? :} (an offer is "20% off + a gift!"), plus the Persian zero-width
     * non-joiner. Markup and statement
     * punctuation ({@code < > ; = " \}) are refused, so a name never smuggles HTML or SQL into a screen
     * or a report export.
     */
    public Validation name(String field, String value, int maxLength) {
        text(field, value, maxLength);
        if (value != null && value.length() <= maxLength
                && !NAME.matcher(value).matches()) {
            add(field, "may hold only letters, digits, spaces and . , ' - ( ) & / # % + ! ? :");
        }
        return this;
    }

    /** A code: letters, digits, dot, dash and underscore, starting with a letter or digit. */
    public Validation code(String field, String value) {
        if (value != null && !CODE.matcher(value).matches()) {
            add(field, "must be 1-64 letters, digits, '.', '-' or '_'");
        }
        return this;
    }

    /** An IANA time zone id the runtime knows, such as {@code Asia/Tehran} (not an offset such as {@code +03:30}). */
    public Validation timeZone(String field, String value) {
        if (value != null && !ZONES.contains(value)) {
            add(field, "is not a time zone id such as Asia/Tehran");
        }
        return this;
    }

    public Validation positive(String field, Long value) {
        if (value != null) {
            if (value <= 0) add(field, "must be positive");
            else if (value > MAX_AMOUNT) add(field, "must be at most " + MAX_AMOUNT);
        }
        return this;
    }

    public Validation notNegative(String field, Long value) {
        if (value != null) {
            if (value < 0) add(field, "must not be negative");
            else if (value > MAX_AMOUNT) add(field, "must be at most " + MAX_AMOUNT);
        }
        return this;
    }

    /**
     * A whole-number query parameter within [min, max], or {@code fallback} when absent. Taken as text so
     * that "?limit=abc" is a 400 naming the parameter, not JAX-RS's bare 404.
     */
    public long number(String field, String text, long fallback, long min, long max) {
        if (text == null || text.isBlank()) return fallback;
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        add(field, "must be a whole number from " + min + " to " + max);
        return fallback;
    }

    public Validation check(boolean ok, String field, String message) {
        if (!ok) add(field, message);
        return this;
    }

    public Validation add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws a 400 naming every field at fault, if there is any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) throw new BashgahException.Invalid(errors);
    }
}
