package org.bashgah.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersionSevenUuidsThatSortInTheOrderTheyWereMade() {
        // many within one millisecond, and on until the ids span several milliseconds
        List<String> made = new ArrayList<>();
        Set<String> millis = new HashSet<>();
        while (made.size() < 20_000 || millis.size() < 3) {
            String id = TimeOrderedIds.next();
            made.add(id);
            millis.add(id.substring(0, 13));
        }
        for (String id : made) assertEquals(7, UUID.fromString(id).version(), id);
        assertEquals(made.size(), new HashSet<>(made).size(), "no id twice");
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        // the indexes keyed by these ids take each new one at their right-hand edge
        assertEquals(made, sorted);
    }

    @Test
    void anIdStartsWithTheMillisecondItWasMadeIn() {
        long before = System.currentTimeMillis();
        long millis = Long.parseLong(TimeOrderedIds.next().replace("-", "").substring(0, 12), 16);
        long after = System.currentTimeMillis();
        assertTrue(millis >= before && millis <= after, before + " <= " + millis + " <= " + after);
    }
}
