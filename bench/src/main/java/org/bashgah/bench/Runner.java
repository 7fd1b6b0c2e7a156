package org.bashgah.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed loop: {@code threads} workers each run one operation after the other for a warm-up and then
 * for the measured duration. Latency of every measured operation goes into an HdrHistogram (microseconds);
 * progress (rate and interval percentiles) is printed every few seconds.
 */
final class Runner {

    /** One operation of a worker; returns true when it succeeded. A worker has its own state. */
    interface Operation {
        boolean run() throws Exception;
    }

    interface Worker {
        Operation create(int thread) throws Exception;
    }

    /** {@code loadAverage}: the machine's 1-minute load average at the start and the end of the measured part. */
    record Result(String name, int threads, double seconds, long ok, long errors, Histogram latency, String loadAverage) {
        double throughput() {
            return ok / seconds;
        }

        double ms(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }

        String summary() {
            return String.format("%s: %d threads, %.0fs, %,d ok, %,d errors, %,.1f/s, latency ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f, load average %s",
                    name, threads, seconds, ok, errors, throughput(), ms(50), ms(90), ms(99), ms(99.9),
                    latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0, loadAverage);
        }
    }

    static Result run(String name, int threads, int warmupSeconds, int durationSeconds, int progressSeconds, Worker worker)
            throws Exception {
        List<Operation> ops = new ArrayList<>();
        for (int t = 0; t < threads; t++) ops.add(worker.create(t));

        Recorder recorder = new Recorder(3_600_000_000L, 3);
        Histogram total = new Histogram(3_600_000_000L, 3);
        LongAdder ok = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong firstError = new AtomicLong();

        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Operation op = ops.get(t);
            Thread th = new Thread(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    boolean success;
                    try {
                        success = op.run();
                    } catch (Exception e) {
                        success = false;
                        if (firstError.getAndIncrement() < 3) System.out.println("  [" + name + "] " + e);
                    }
                    long micros = (System.nanoTime() - start) / 1000;
                    if (measuring.get()) {
                        if (success) {
                            recorder.recordValue(Math.min(micros, 3_600_000_000L));
                            ok.increment();
                        } else {
                            errors.increment();
                        }
                    }
                }
            }, name + "-" + t);
            workers.add(th);
        }
        System.out.printf("[%s] %d threads, warm-up %ds, measuring %ds%n", name, threads, warmupSeconds, durationSeconds);
        long begin = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(warmupSeconds * 1000L);
        recorder.getIntervalHistogram(); // drop what the warm-up recorded (nothing: not measuring yet)
        String loadBefore = loadAverage();
        measuring.set(true);
        long measureStart = System.nanoTime();
        long end = measureStart + durationSeconds * 1_000_000_000L;
        Histogram interval = null;
        long lastOk = 0;
        long lastAt = measureStart;
        while (System.nanoTime() < end) {
            long sleep = Math.min(progressSeconds * 1000L, Math.max(1, (end - System.nanoTime()) / 1_000_000));
            Thread.sleep(sleep);
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            long now = System.nanoTime();
            long okNow = ok.sum();
            System.out.printf("[%s] %5.0fs/%ds  %,.0f/s  p50 %.2f p99 %.2f ms  ok %,d errors %,d  load %s%n", name,
                    (now - measureStart) / 1e9, durationSeconds, (okNow - lastOk) / ((now - lastAt) / 1e9),
                    interval.getTotalCount() == 0 ? Double.NaN : interval.getValueAtPercentile(50) / 1000.0,
                    interval.getTotalCount() == 0 ? Double.NaN : interval.getValueAtPercentile(99) / 1000.0,
                    okNow, errors.sum(), loadAverage());
            lastOk = okNow;
            lastAt = now;
        }
        measuring.set(false);
        String loadAfter = loadAverage();
        double seconds = (System.nanoTime() - measureStart) / 1e9;
        long okTotal = ok.sum();
        long errTotal = errors.sum();
        stop.set(true);
        for (Thread th : workers) th.join(120_000);
        total.add(recorder.getIntervalHistogram());
        Result r = new Result(name, threads, seconds, okTotal, errTotal, total, loadBefore + " → " + loadAfter);
        System.out.println(r.summary());
        return r;
    }

    /** The 1-minute load average (Linux /proc/loadavg; the JVM's figure elsewhere), or "?". */
    static String loadAverage() {
        try {
            String s = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"));
            return s.split(" ")[0];
        } catch (Exception e) {
            double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "?" : String.format("%.2f", l);
        }
    }
}
