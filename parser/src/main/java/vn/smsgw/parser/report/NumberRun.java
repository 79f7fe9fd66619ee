package vn.smsgw.parser.report;

import java.util.Objects;
import vn.smsgw.parser.number.Source;

/** A valid number found in a message: the normalised source and the index just past its last group. */
record NumberRun(Source source, int end) {

    NumberRun {
        Objects.requireNonNull(source, "source");
        if (end < 1) {
            throw new IllegalArgumentException("a number run ends after at least one char: " + end);
        }
    }
}
