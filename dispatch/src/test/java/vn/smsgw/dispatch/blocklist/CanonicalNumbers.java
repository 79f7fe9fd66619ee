package vn.smsgw.dispatch.blocklist;

import java.util.Optional;
import vn.smsgw.parser.number.Carrier;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.number.SourceType;

/**
 * A stand-in for the numbering plan in file-loading tests: accepts only values already in normalised form (a
 * Vietnamese mobile {@code +84} + 9 digits, a 3–6 digit short code, or a 1800/1900 service number of 8 or 10
 * digits), so these tests do not depend on the plan.
 */
final class CanonicalNumbers {
    private CanonicalNumbers() {
    }

    static Optional<Source> read(String text) {
        if (text.matches("\\+84[0-9]{9}")) {
            return Optional.of(new Source(text, SourceType.MOBILE, Carrier.UNKNOWN));
        }
        if (text.matches("[0-9]{3,6}")) {
            return Optional.of(new Source(text, SourceType.SHORT_CODE, Carrier.UNKNOWN));
        }
        if (text.matches("1[89]00([0-9]{4}|[0-9]{6})")) {
            return Optional.of(new Source(text, SourceType.SERVICE, Carrier.UNKNOWN));
        }
        return Optional.empty();
    }
}
