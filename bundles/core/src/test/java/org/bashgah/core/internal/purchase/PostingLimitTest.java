package org.bashgah.core.internal.purchase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PostingLimitTest {

    @Test
    void theBoundLeavesEveryPostingASecondConnectionAndTwoForTheRest() {
        assertEquals(9, PostingLimit.bound(0, OptionalInt.of(20)));
        assertEquals(4, PostingLimit.bound(0, OptionalInt.of(10)));
        assertEquals(1, PostingLimit.bound(0, OptionalInt.of(5)));
        assertEquals(1, PostingLimit.bound(0, OptionalInt.of(1)));
        assertEquals(3, PostingLimit.bound(3, OptionalInt.of(20)), "a smaller configured bound stands");
        assertEquals(4, PostingLimit.bound(16, OptionalInt.of(10)), "a larger one would starve the pool");
        assertEquals(PostingLimit.WITHOUT_POOL_SIZE, PostingLimit.bound(0, OptionalInt.empty()));
        assertEquals(16, PostingLimit.bound(16, OptionalInt.empty()));
    }

    @Test
    void noMoreThanTheBoundRunAtOnceAndANewBoundTakesEffect() throws Exception {
        PostingLimit limit = new PostingLimit();
        for (int bound : new int[] {2, 5}) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(40);
            ExecutorService pool = Executors.newFixedThreadPool(12);
            for (int i = 0; i < 40; i++) {
                pool.execute(() -> {
                    limit.run(bound, () -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return running.decrementAndGet();
                    });
                    done.countDown();
                });
            }
            assertEquals(true, done.await(30, TimeUnit.SECONDS));
            pool.shutdown();
            assertEquals(bound, most.get(), "12 threads, at most " + bound + " at once");
        }
    }
}
