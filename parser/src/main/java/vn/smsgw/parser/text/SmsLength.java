package vn.smsgw.parser.text;

import java.util.Objects;

/**
 * The cost of a text as an SMS: its encoding, its length in that encoding's units (GSM7: septets, an extension
 * char counting 2; UCS2: UTF-16 code units, a non-BMP char counting 2) and the number of SMS it is sent as. Segments
 * are counted by packing whole chars into parts (see {@link SmsSegmenter}), so they can exceed plain division.
 * An empty text is 0 units in 1 segment.
 *
 * @param encoding the alphabet the text is sent in
 * @param units    septets (GSM7) or UTF-16 code units (UCS2), at least 0
 * @param segments SMS sent: 1 when the units fit a single SMS, else at least ceil(units / part units)
 */
public record SmsLength(SmsEncoding encoding, int units, int segments) {

    /** Validates the three values against each other. */
    public SmsLength {
        Objects.requireNonNull(encoding, "encoding");
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0: " + units);
        }
        if (units <= encoding.singleUnits() ? segments != 1 : !plausibleSegments(encoding, units, segments)) {
            throw new IllegalArgumentException(
                    "impossible segment count " + segments + " for " + units + " " + encoding + " units");
        }
    }

    /** The length of the text in GSM7 when every char is in the GSM 03.38 alphabet, else in UCS2. */
    public static SmsLength of(CharSequence text) {
        int septets = GsmAlphabet.septetCount(text);
        if (septets >= 0) {
            return measured(text, SmsEncoding.GSM7, septets);
        }
        return measured(text, SmsEncoding.UCS2, text.length());
    }

    /**
     * The length of the text in the given encoding (UCS2 can be forced on any text).
     *
     * @throws IllegalArgumentException if the encoding is GSM7 and the text is not in the GSM 03.38 alphabet
     */
    public static SmsLength of(CharSequence text, SmsEncoding encoding) {
        if (Objects.requireNonNull(encoding, "encoding") == SmsEncoding.UCS2) {
            return measured(text, SmsEncoding.UCS2, text.length());
        }
        int septets = GsmAlphabet.septetCount(text);
        if (septets < 0) {
            throw new IllegalArgumentException("text is not in the GSM 03.38 alphabet");
        }
        return measured(text, SmsEncoding.GSM7, septets);
    }

    private static SmsLength measured(CharSequence text, SmsEncoding encoding, int units) {
        int segments = units <= encoding.singleUnits() ? 1 : SmsSegmenter.countParts(text, encoding);
        return new SmsLength(encoding, units, segments);
    }

    /** Every part but the last holds at least part - 1 units: a 2-unit char moves on only when 1 unit is left. */
    private static boolean plausibleSegments(SmsEncoding encoding, int units, int segments) {
        int part = encoding.partUnits();
        int fewest = (units + part - 1) / part;
        int most = (units - 1) / (part - 1) + 1;
        return segments >= fewest && segments <= most;
    }
}
