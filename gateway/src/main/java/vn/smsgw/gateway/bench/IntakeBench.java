package vn.smsgw.gateway.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import vn.smsgw.dispatch.Dispatch;
import vn.smsgw.dispatch.DispatchSettings;
import vn.smsgw.dispatch.intake.InboundSms;
import vn.smsgw.dispatch.intake.Intake;
import vn.smsgw.dispatch.intake.IntakeResult;
import vn.smsgw.dispatch.store.Database;

/**
 * Intake throughput and latency with many concurrent callers over a real store, with full durability and all of
 * intake's work (parse, dedupe, routing, quota, blocklist votes, police outbox and reply rows). Each caller submits
 * realistic messages ({@link ReportMix}: distinct reporters, a pool of reported numbers with Zipf popularity) and
 * waits for its commit, like an SMPP listener thread does. A warm-up precedes the measured interval.
 */
final class IntakeBench {

    /** What one run measured. */
    record Result(String store, int callers, long accepted, double seconds, double perSecond, double p50, double p99,
                  double p999, double max, long batches, long unavailable) {
        @Override
        public String toString() {
            return String.format("intake %-8s callers=%d accepted=%d in %.1fs: %,.0f reports/s, "
                            + "latency p50=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.1f ms, avg group=%.1f, unavailable=%d",
                    store, callers, accepted, seconds, perSecond, p50, p99, p999, max,
                    batches == 0 ? 0.0 : (double) accepted / batches, unavailable);
        }
    }

    private IntakeBench() {
    }

    /** {@code writers}: intake's writer threads, 0 for the store's choice. */
    static Result run(String storeName, Database db, int callers, int writers, Duration warmup, Duration measure)
            throws InterruptedException {
        DispatchSettings defaults = DispatchSettings.defaults("bench-reporter-hash-key");
        DispatchSettings settings = defaults.withIntake(defaults.intake().withWriters(writers));
        try (Dispatch dispatch = Dispatch.open(db, settings, Clock.systemUTC())) {
            Intake intake = dispatch.intake();
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong unavailable = new AtomicLong();
            List<Latencies> perThread = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(callers);
            for (int t = 0; t < callers; t++) {
                Latencies lat = new Latencies();
                perThread.add(lat);
                ReportMix mix = new ReportMix(1000 + t, 20_000);
                int id = t;
                Thread th = new Thread(() -> {
                    try {
                        long n = 0;
                        while (!stop.get()) {
                            String text = mix.next();
                            String reporter = "849" + ReportMix.zeroPadded(id, 2)
                                    + ReportMix.zeroPadded(n++ % 1_000_000, 6);
                            long start = System.nanoTime();
                            IntakeResult r = intake.accept(InboundSms.text(reporter, (n & 1) == 0 ? "156" : "5656",
                                    text, "bench", Instant.now()));
                            long took = System.nanoTime() - start;
                            if (r instanceof IntakeResult.Unavailable) {
                                unavailable.incrementAndGet();
                            } else if (measuring.get()) {
                                lat.add(took);
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                }, "bench-caller-" + t);
                th.setDaemon(true);
                th.start();
            }
            Thread.sleep(warmup.toMillis());
            long batches0 = intake.batchCount();
            long t0 = System.nanoTime();
            measuring.set(true);
            Thread.sleep(measure.toMillis());
            measuring.set(false);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long batches = intake.batchCount() - batches0;
            stop.set(true);
            done.await();
            Latencies all = new Latencies();
            perThread.forEach(all::addAll);
            long n = all.count();
            return new Result(storeName, callers, n, seconds, n / seconds, all.percentileMillis(50),
                    all.percentileMillis(99), all.percentileMillis(99.9), all.percentileMillis(100), batches,
                    unavailable.get());
        }
    }
}
