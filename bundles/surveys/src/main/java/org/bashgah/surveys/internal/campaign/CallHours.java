package org.bashgah.surveys.internal.campaign;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When calls may be made, in the organisation's local time: from {@code from} (inclusive) to {@code until}
 * (exclusive) on the given days. A window with {@code from} after {@code until} runs over midnight (e.g.
 * 18:00–01:00), and then belongs to the day it starts on: Thursday's 18:00–01:00 window includes Friday 00:30 even
 * when Friday is not a calling day.
 */
public record CallHours(LocalTime from, LocalTime until, Set<DayOfWeek> days) {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
        .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    public CallHours {
        if (from.equals(until)) throw new IllegalArgumentException("call hours must not start and end at the same time");
        days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    public boolean contains(ZonedDateTime local) {
        LocalTime t = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (from.isBefore(until)) return days.contains(day) && !t.isBefore(from) && t.isBefore(until);
        return (!t.isBefore(from) && days.contains(day)) || (t.isBefore(until) && days.contains(day.minus(1)));
    }

    /** "HH:mm", or null when it is not one. */
    public static LocalTime time(String text) {
        if (text == null || !text.matches("\\d\\d:\\d\\d")) return null;
        try {
            return LocalTime.parse(text, HH_MM);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String text(LocalTime time) {
        return time.format(HH_MM);
    }

    /** Day names (MONDAY ... SUNDAY) as a bit set, Monday the lowest bit. */
    public static int bits(List<String> days) {
        int bits = 0;
        for (String d : days) bits |= 1 << (DayOfWeek.valueOf(d).getValue() - 1);
        return bits;
    }

    public static List<String> days(int bits) {
        List<String> names = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) if ((bits & (1 << (d.getValue() - 1))) != 0) names.add(d.name());
        return names;
    }

    static CallHours parse(String from, String until, List<String> days) {
        EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (String d : days) set.add(DayOfWeek.valueOf(d));
        return new CallHours(time(from), time(until), set);
    }
}
