package org.bashgah.core.internal.purchase;

import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the purchases and refunds posted at once. A posting holds a pooled connection for its transaction
 * while its contributors (credit, offers) may take a second one for reads of their own: unbounded, enough
 * postings at once hold every connection and each waits for one more until the pool gives up (30 s). With at
 * most {@code (pool - 2) / 2} in flight, every posting gets its second connection and two stay for the rest.
 */
final class PostingLimit {
    private static final Logger LOG = LoggerFactory.getLogger(PostingLimit.class);
    /** When the pool's size is unknown (not a HikariCP pool). */
    static final int WITHOUT_POOL_SIZE = 8;

    private record Permits(int size, Semaphore semaphore) {}

    private final AtomicReference<Permits> current = new AtomicReference<>();

    /** The bound for {@code configured} (0 or less: as many as the pool allows) and the pool's size. */
    static int bound(int configured, OptionalInt poolSize) {
        if (poolSize.isEmpty()) return configured > 0 ? configured : WITHOUT_POOL_SIZE;
        int safe = Math.max(1, (poolSize.getAsInt() - 2) / 2);
        return configured > 0 ? Math.min(configured, safe) : safe;
    }

    /** Runs {@code work} once one of {@code bound} places is free; a new bound takes effect at once. */
    <T> T run(int bound, Supplier<T> work) {
        Permits permits = current.get();
        if (permits == null || permits.size() != bound) {
            Permits previous = permits;
            permits = current.updateAndGet(p -> p != null && p.size() == bound ? p : new Permits(bound, new Semaphore(bound, true)));
            if (previous != permits) LOG.info("Posting at most {} purchases and refunds at once", bound);
        }
        try {
            permits.semaphore().acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to post", e);
        }
        try {
            return work.get();
        } finally {
            permits.semaphore().release();
        }
    }
}
