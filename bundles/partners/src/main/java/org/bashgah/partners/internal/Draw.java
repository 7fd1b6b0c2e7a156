package org.bashgah.partners.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lottery draw, reproducible by anyone from the published seed and ticket list (docs/partners.md):
 * the tickets are the entries in id order, entry {@code e} holding positions {@code [start, start + e.tickets)};
 * for place {@code p} (0, 1, ...) and try {@code k} (0, 1, ...) the position is
 * {@code SHA-256(seed bytes ‖ ":" p ":" k)} read as an unsigned big-endian number, modulo the number of tickets;
 * a member who already won is skipped by trying the next {@code k}. No clock, no {@code Random}: the seed alone
 * decides, and the seed's hash was published before the first entry.
 */
public final class Draw {
    private Draw() {
    }

    /** One entry of the ticket list: a pseudonymous member reference and its tickets. */
    public record Entry(String memberRef, long tickets) {
    }

    /** The winners' references, first place first; fewer than {@code places} when fewer members took part. */
    public static List<String> winners(String seedHex, List<Entry> entries, int places) {
        long total = entries.stream().mapToLong(Entry::tickets).sum();
        Set<String> distinct = new LinkedHashSet<>();
        entries.forEach(e -> {
            if (e.tickets() > 0) distinct.add(e.memberRef());
        });
        List<String> won = new ArrayList<>();
        if (total == 0) return won;
        byte[] seed = HexFormat.of().parseHex(seedHex);
        for (int place = 0; place < places && won.size() < distinct.size(); place++) {
            for (int attempt = 0; ; attempt++) {
                String ref = at(entries, position(seed, place, attempt, total));
                if (!won.contains(ref)) {
                    won.add(ref);
                    break;
                }
            }
        }
        return won;
    }

    static long position(byte[] seed, int place, int attempt, long total) {
        byte[] suffix = (":" + place + ":" + attempt).getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[seed.length + suffix.length];
        System.arraycopy(seed, 0, input, 0, seed.length);
        System.arraycopy(suffix, 0, input, seed.length, suffix.length);
        return new BigInteger(1, Hashes.sha256(input)).mod(BigInteger.valueOf(total)).longValueExact();
    }

    private static String at(List<Entry> entries, long position) {
        long start = 0;
        for (Entry e : entries) {
            if (position < start + e.tickets()) return e.memberRef();
            start += e.tickets();
        }
        throw new IllegalStateException("position " + position + " beyond " + start + " tickets");
    }
}
