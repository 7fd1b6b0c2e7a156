package org.bashgah.partners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrawTest {
    private static final String SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final List<Draw.Entry> ENTRIES = List.of(new Draw.Entry("m-a", 3), new Draw.Entry("m-b", 1),
        new Draw.Entry("m-c", 5));

    @Test
    void theSameSeedAndTicketsGiveTheSameWinners() {
        assertEquals(Draw.winners(SEED, ENTRIES, 2), Draw.winners(SEED, ENTRIES, 2));
    }

    @Test
    void anotherSeedGivesAnotherDrawSomeOfTheTime() {
        List<String> first = Draw.winners(SEED, ENTRIES, 3);
        boolean differs = false;
        for (int i = 0; i < 20 && !differs; i++) {
            String other = Hashes.randomHex(32);
            differs = !Draw.winners(other, ENTRIES, 3).equals(first);
        }
        assertTrue(differs, "twenty random seeds all drew " + first);
    }

    @Test
    void aMemberWinsOncePlacesStopAtTheNumberOfMembers() {
        List<String> all = Draw.winners(SEED, ENTRIES, 10);
        assertEquals(3, all.size());
        assertEquals(3, all.stream().distinct().count());
        assertEquals(List.of(), Draw.winners(SEED, List.of(new Draw.Entry("m-x", 0)), 1));
    }

    @Test
    void ticketsWeighTheChanceOfWinningFirstPlace() {
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < 900; i++) {
            firsts.merge(Draw.winners(Hashes.randomHex(32), ENTRIES, 1).get(0), 1, Integer::sum);
        }
        // expected 300 / 100 / 500; generous bounds so the test does not flake
        assertTrue(firsts.get("m-c") > firsts.get("m-a"), firsts.toString());
        assertTrue(firsts.get("m-a") > firsts.get("m-b"), firsts.toString());
        assertNotEquals(0, firsts.getOrDefault("m-b", 0), firsts.toString());
    }

    @Test
    void thePositionIsTheHashOfSeedPlaceAndAttemptModuloTheTickets() {
        // SHA-256(seed bytes ":0:0") mod 9, computed independently of Draw.position
        byte[] seed = java.util.HexFormat.of().parseHex(SEED);
        byte[] suffix = ":0:0".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] input = new byte[seed.length + suffix.length];
        System.arraycopy(seed, 0, input, 0, seed.length);
        System.arraycopy(suffix, 0, input, seed.length, suffix.length);
        long expected = new java.math.BigInteger(1, Hashes.sha256(input)).mod(java.math.BigInteger.valueOf(9)).longValue();
        assertEquals(expected, Draw.position(seed, 0, 0, 9));
        String first = expected < 3 ? "m-a" : expected < 4 ? "m-b" : "m-c";
        assertEquals(first, Draw.winners(SEED, ENTRIES, 1).get(0));
    }
}
