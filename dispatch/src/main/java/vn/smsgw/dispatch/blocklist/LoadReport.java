package vn.smsgw.dispatch.blocklist;

import java.util.List;
import java.util.Objects;

/** The result of loading an operator file: rows stored, and the rejected rows with their line numbers. */
public record LoadReport(int loaded, List<RowProblem> problems) {

    /** A rejected row: its 1-based line number and why (never the row's text, which may be a subscriber number). */
    public record RowProblem(int line, String problem) {
        public RowProblem {
            Objects.requireNonNull(problem, "problem");
            if (line < 1) {
                throw new IllegalArgumentException("line must be >= 1");
            }
        }
    }

    public LoadReport {
        problems = List.copyOf(problems);
        if (loaded < 0) {
            throw new IllegalArgumentException("loaded < 0");
        }
    }
}
