package vn.smsgw.gateway.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with a carriage return: share done, count, rate and ETA, then any detail.
 * Not thread-safe.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String label;
    private final long startNanos = System.nanoTime();
    private int lastLength;

    ProgressBar(PrintWriter out, String label) {
        this.out = out;
        this.label = label;
    }

    /** Redraws with {@code done} of {@code total} (total 0: unknown) and {@code detail} after the figures. */
    void update(long done, long total, String detail) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        double rate = done / seconds;
        double share = total <= 0 ? 0 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * WIDTH);
        String eta = total <= 0 || rate <= 0 ? "--:--" : clock((long) ((total - done) / rate));
        String line = String.format(Locale.ROOT, "%s [%s%s] %3.0f%% %,d/%,d  %,.0f/s  ETA %s  %s", label,
                "#".repeat(filled), ".".repeat(WIDTH - filled), share * 100, done, total, rate, eta, detail);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    /** Ends the line. */
    void finish() {
        out.println();
        out.flush();
    }

    private static String clock(long s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
