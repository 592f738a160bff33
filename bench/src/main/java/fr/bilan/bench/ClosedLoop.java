package fr.bilan.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop: each of {@code threads} workers sends one request, waits for the answer, sends
 * the next, for a fixed time. Latencies are kept whole (no histogram buckets), so percentiles are
 * exact.
 */
final class ClosedLoop {

    /** One request; returns normally on success. */
    interface Operation {
        void run(int worker) throws Exception;
    }

    record Result(long requests, long errors, double seconds, long[] latenciesNanos) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double percentile) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = Math.min(latenciesNanos.length - 1, (int) Math.ceil(percentile / 100 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1e6;
        }
    }

    private ClosedLoop() {
    }

    static Result run(int threads, double seconds, Operation operation) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int worker = 0; worker < threads; worker++) {
            int id = worker;
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int count = 0;
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    try {
                        operation.run(id);
                    } catch (Exception e) {
                        if (errors.getAndIncrement() == 0) {
                            System.err.println("first error: " + e);
                        }
                        continue;
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = System.nanoTime() - before;
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            all.add(worker.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(latencies.length, errors.get(), elapsed, latencies);
    }
}
