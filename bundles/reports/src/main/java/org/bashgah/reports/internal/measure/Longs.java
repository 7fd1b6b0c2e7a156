package org.bashgah.reports.internal.measure;

import java.util.Arrays;

/** A growable array of longs: a million members' figures without a million boxed objects. */
public final class Longs {
    private long[] values = new long[1024];
    private int size;

    public void add(long value) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    public long get(int i) {
        return values[i];
    }

    public long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** A sorted copy. */
    public long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
