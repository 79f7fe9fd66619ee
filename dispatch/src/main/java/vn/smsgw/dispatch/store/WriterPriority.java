package vn.smsgw.dispatch.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.slf4j.Logger;

/**
 * The scheduling priority of the serial threads of the store's writes: intake's writer, which runs every group commit
 * of the process, the SQLite sync thread, which its commits wait for, and the single threads that claim, hand out
 * and settle outbound messages and apply their receipts.
 */
public final class WriterPriority {

    /*
     * Every report passes through one writer thread, while the rest of the MO path (SMPP readers and PDU threads,
     * submitters, the callers of intake) runs on many threads at once. On a busy machine the writer, once woken,
     * queues for a core behind them: during bench inbound on the 2-core reference machine (its receipt window then of
     * 50, under which receipts fell behind) it ran about half of the time and waited for a core a third of it
     * (/proc/<pid>/task/<tid>/schedstat). A higher priority lets it run
     * first more often: Linux gives a thread at nice -5 about three times the share of a contended core that one at
     * nice 0 gets (it does not run it ahead of them outright). The parallel threads lose little, since each of them
     * waits for the writer's commits anyway. With the writer alone raised, replies fell behind the MO at full load
     * (MO→reply p99 of 0.5 to 1.8 s in bench inbound, same window): the outbound queue's own serial steps (each
     * bind's claim, dispatch and settlement threads, the process's receipts writer) queued behind the parallel
     * threads in turn. With every receipt carried, the priorities measured no difference in the MO rate (README,
     * "Thread priorities").
     *
     * Java thread priorities reach the Linux scheduler only with -XX:ThreadPriorityPolicy=1, and a priority above
     * normal (a negative nice value) only with the CAP_SYS_NICE capability (root has it); otherwise the call is
     * silently ignored. The JVM maps priority 10 to nice -5, and 9 (its own compiler and GC threads) to nice -4,
     * which would put the JIT ahead of the writer: -XX:JavaPriority9_To_OSPriority=0 keeps those at normal. Whether
     * the priority took is read back from /proc/thread-self/stat and logged, so an operator can see it.
     */

    private static final Path OWN_STAT = Path.of("/proc/thread-self/stat");

    private WriterPriority() {
    }

    /** Gives {@code thread}, not yet started, the highest Java priority. */
    public static void raise(Thread thread) {
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /**
     * Gives {@code thread}, not yet started, the normal Java priority: for a thread that a raised one may create (a
     * pool's thread started at its first task), which would otherwise inherit the raised priority.
     */
    public static void keepNormal(Thread thread) {
        thread.setPriority(Thread.NORM_PRIORITY);
    }

    /** Logs, from the calling thread, the nice value it runs at and what to do when its priority did not take. */
    public static void report(Logger log) {
        OptionalInt nice = niceOfCurrentThread();
        String name = Thread.currentThread().getName();
        if (nice.isEmpty()) {
            log.debug("{}: scheduling priority not readable on this system", name);
        } else if (nice.getAsInt() < 0) {
            log.info("{} runs at nice {}", name, nice.getAsInt());
        } else {
            log.info("{} runs at nice {}: for a higher priority start the JVM with -XX:ThreadPriorityPolicy=1 "
                    + "-XX:JavaPriority9_To_OSPriority=0 and the CAP_SYS_NICE capability", name, nice.getAsInt());
        }
    }

    /** The Linux nice value of the calling thread; empty where {@code /proc/thread-self/stat} cannot be read. */
    static OptionalInt niceOfCurrentThread() {
        try {
            return niceOf(Files.readString(OWN_STAT, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * The nice value in a {@code /proc/<pid>/stat} line: its 19th field. The second field, the thread's name in
     * parentheses, may itself hold spaces and parentheses, so the fields are counted after its last ')'.
     */
    static OptionalInt niceOf(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return OptionalInt.empty();
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        // fields[0] is the 3rd field (state), so the 19th field is fields[16]
        if (fields.length < 17) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(fields[16]));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
