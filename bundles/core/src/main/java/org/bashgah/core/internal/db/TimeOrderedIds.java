package org.bashgah.core.internal.db;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Version 7 UUIDs (RFC 9562): the millisecond first, then random bits. Rows written per purchase under such an id
 * go to the right-hand edge of their indexes, where a random (version 4) id sends each one to a page of its own:
 * on a database larger than memory that is a page read and, after each checkpoint, a full page in the WAL per
 * index and purchase.
 */
public final class TimeOrderedIds {
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private TimeOrderedIds() {
    }

    public static String next() {
        return GENERATOR.generate().toString();
    }
}
