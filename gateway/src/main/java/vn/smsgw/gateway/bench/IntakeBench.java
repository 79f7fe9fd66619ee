package vn.smsgw.gateway.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import vn.smsgw.dispatch.Dispatch;
import vn.smsgw.dispatch.DispatchSettings;
import vn.smsgw.dispatch.intake.InboundSms;
import vn.smsgw.dispatch.intake.Intake;
import vn.smsgw.dispatch.intake.IntakeResult;
import vn.smsgw.dispatch.store.Database;

/**
 * Intake throughput and latency with many concurrent callers over a real store, with full durability and all of
 * intake's work (parse, dedupe, routing, quota, blocklist votes, police outbox and reply rows). Each caller submits
 * realistic messages ({@link ReportMix}: distinct reporters, a pool of reported numbers with Zipf popularity) and sends
 * its next one once the last is committed: on a blocking thread of its own, or kept in flight by a few submitting
 * threads, as the gateway's PDU threads hand deliver_sm to intake and answer them when the commit completes. A warm-up
 * precedes the measured interval.
 */
final class IntakeBench {

    /** What one run measured; {@code unanswered}: messages sent and not answered when the run ended (none should be). */
    record Result(String store, int callers, long accepted, double seconds, double perSecond, double p50, double p99,
                  double p999, double max, long batches, long unavailable, long unanswered) {
        @Override
        public String toString() {
            return String.format("intake %-8s callers=%d accepted=%d in %.1fs: %,.0f reports/s, "
                            + "latency p50=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.1f ms, avg group=%.1f, unavailable=%d",
                    store, callers, accepted, seconds, perSecond, p50, p99, p999, max,
                    batches == 0 ? 0.0 : (double) accepted / batches, unavailable)
                    + (unanswered == 0 ? "" : ", UNANSWERED=" + unanswered);
        }
    }

    private IntakeBench() {
    }

    /**
     * {@code writers}: intake's writer threads, 0 for the store's choice. {@code callerThreads}: 0 for one blocking
     * thread per caller ({@link Intake#accept}); otherwise that many threads keep the callers' messages in flight with
     * {@link Intake#submit}, each caller sending its next message once the last one is committed, as the gateway's PDU
     * threads do (they hand each deliver_sm to intake and answer it when its commit completes).
     */
    static Result run(String storeName, Database db, int callers, int callerThreads, int writers, Duration warmup,
                      Duration measure) throws InterruptedException {
        DispatchSettings defaults = DispatchSettings.defaults("bench-reporter-hash-key");
        DispatchSettings settings = defaults.withIntake(defaults.intake().withWriters(writers));
        try (Dispatch dispatch = Dispatch.open(db, settings, Clock.systemUTC())) {
            Intake intake = dispatch.intake();
            Shared shared = new Shared();
            List<Latencies> perThread = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            if (callerThreads == 0) {
                for (int t = 0; t < callers; t++) {
                    Caller c = new Caller(t);
                    Latencies lat = new Latencies();
                    perThread.add(lat);
                    threads.add(new Thread(() -> blocking(intake, c, shared, lat), "bench-caller-" + t));
                }
            } else {
                for (int k = 0; k < callerThreads; k++) {
                    Submitter s = new Submitter(intake, shared);
                    for (int t = k; t < callers; t += callerThreads) {
                        s.ready.add(new Caller(t));
                    }
                    perThread.add(s.latencies);
                    Thread th = new Thread(s::run, "bench-submitter-" + k);
                    s.thread = th;
                    threads.add(th);
                }
            }
            for (Thread th : threads) {
                th.setDaemon(true);
                th.start();
            }
            Thread.sleep(warmup.toMillis());
            long batches0 = intake.batchCount();
            long t0 = System.nanoTime();
            shared.measuring = true;
            Thread.sleep(measure.toMillis());
            shared.measuring = false;
            double seconds = (System.nanoTime() - t0) / 1e9;
            long batches = intake.batchCount() - batches0;
            shared.stop = true;
            for (Thread th : threads) {
                LockSupport.unpark(th);
                th.join();
            }
            Latencies all = new Latencies();
            perThread.forEach(all::addAll);
            long n = all.count();
            String name = callerThreads == 0 ? storeName : storeName + " on " + callerThreads + " submitting threads";
            return new Result(name, callers, n, seconds, n / seconds, all.percentileMillis(50),
                    all.percentileMillis(99), all.percentileMillis(99.9), all.percentileMillis(100), batches,
                    shared.unavailable.get(), shared.sent.get() - shared.answered.get());
        }
    }

    /** What the callers share: the phase of the run and the count of messages intake could not take. */
    private static final class Shared {
        volatile boolean measuring;
        volatile boolean stop;
        final AtomicLong unavailable = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong answered = new AtomicLong();

        /** Counts {@code r} as refused, or its latency when measuring. */
        void record(IntakeResult r, long nanos, Latencies lat) {
            if (r instanceof IntakeResult.Unavailable) {
                unavailable.incrementAndGet();
            } else if (measuring) {
                lat.add(nanos);
            }
        }
    }

    /** One caller: its traffic and the message it has in flight. */
    private static final class Caller {
        final int id;
        final ReportMix mix;
        long n;
        long start;
        long end;
        IntakeResult result;

        Caller(int id) {
            this.id = id;
            this.mix = new ReportMix(1000 + id, 20_000);
        }

        InboundSms next() {
            String text = mix.next();
            String reporter = "849" + ReportMix.zeroPadded(id, 2) + ReportMix.zeroPadded(n++ % 1_000_000, 6);
            return InboundSms.text(reporter, (n & 1) == 0 ? "156" : "5656", text, "bench", Instant.now());
        }
    }

    private static void blocking(Intake intake, Caller c, Shared shared, Latencies lat) {
        while (!shared.stop) {
            InboundSms sms = c.next();
            long start = System.nanoTime();
            shared.sent.incrementAndGet();
            IntakeResult r = intake.accept(sms);
            shared.answered.incrementAndGet();
            shared.record(r, System.nanoTime() - start, lat);
        }
    }

    /**
     * A thread that sends the next message of each of its callers whose last one completed. Completions arrive on
     * intake's threads, which only hand the caller back and wake this thread if it sleeps.
     */
    private static final class Submitter {
        final Intake intake;
        final Shared shared;
        final Latencies latencies = new Latencies();
        final ConcurrentLinkedQueue<Caller> ready = new ConcurrentLinkedQueue<>();
        final AtomicBoolean sleeping = new AtomicBoolean();
        Thread thread;

        Submitter(Intake intake, Shared shared) {
            this.intake = intake;
            this.shared = shared;
        }

        void run() {
            int inFlight = 0;
            while (!shared.stop || inFlight > 0) {
                Caller c = ready.poll();
                if (c == null) {
                    sleeping.set(true);
                    if (ready.isEmpty() && !shared.stop) {
                        LockSupport.park(this);
                    } else if (ready.isEmpty()) {
                        LockSupport.parkNanos(this, 1_000_000);
                    }
                    sleeping.set(false);
                    continue;
                }
                if (c.result != null) { // back from intake (a caller not yet started has none)
                    shared.record(c.result, c.end - c.start, latencies);
                    c.result = null;
                    inFlight--;
                }
                if (shared.stop) {
                    continue;
                }
                // its latency runs from when it could send (its last answer), so that the wait for this thread counts,
                // as a blocking caller's wait for a core does
                c.start = c.end != 0 ? c.end : System.nanoTime();
                InboundSms sms = c.next();
                inFlight++;
                shared.sent.incrementAndGet();
                intake.submit(sms).whenComplete((r, e) -> {
                    shared.answered.incrementAndGet();
                    c.end = System.nanoTime();
                    c.result = r != null ? r : new IntakeResult.Unavailable("failed: " + e, false);
                    ready.add(c);
                    if (sleeping.get()) {
                        LockSupport.unpark(thread);
                    }
                });
            }
        }
    }
}
