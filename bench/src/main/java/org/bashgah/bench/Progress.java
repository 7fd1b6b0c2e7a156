package org.bashgah.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** Prints done/total, rate and ETA every few seconds while a phase runs. */
final class Progress implements AutoCloseable {
    final LongAdder done = new LongAdder();
    final LongAdder failed = new LongAdder();
    private final String phase;
    private final long total;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer;
    private long lastDone;
    private long lastAt = started;

    Progress(String phase, long total, int everySeconds, Supplier<String> extra) {
        this.phase = phase;
        this.total = total;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> print(extra), everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    private synchronized void print(Supplier<String> extra) {
        long now = System.nanoTime();
        long d = done.sum();
        double secs = (now - started) / 1e9;
        double rate = (d - lastDone) / Math.max(1e-9, (now - lastAt) / 1e9);
        double avg = d / Math.max(1e-9, secs);
        lastDone = d;
        lastAt = now;
        StringBuilder s = new StringBuilder();
        s.append(String.format("[%s] %6.0fs  done %,d", phase, secs, d));
        if (total > 0) {
            s.append(String.format("/%,d (%.1f%%)", total, 100.0 * d / total));
        }
        s.append(String.format("  %,.0f/s (avg %,.0f/s)", rate, avg));
        if (total > 0 && avg > 0) s.append("  ETA ").append(duration((long) ((total - d) / avg)));
        long f = failed.sum();
        if (f > 0) s.append(String.format("  failed %,d", f));
        if (extra != null) {
            String e = extra.get();
            if (e != null && !e.isEmpty()) s.append("  ").append(e);
        }
        System.out.println(s);
    }

    double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format("%dm%02ds", seconds / 60, seconds % 60);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
