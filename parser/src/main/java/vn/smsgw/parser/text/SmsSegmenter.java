package vn.smsgw.parser.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into the parts of a concatenated SMS (8-bit reference UDH): one part when it fits a single SMS
 * (160 septets / 70 UTF-16 units), else parts of at most 153 septets / 67 units. An escape sequence or a surrogate
 * pair is never split: it moves whole to the next part, so a text can need one part more than plain division says.
 * The number of parts always equals {@link SmsLength#segments()}. Stateless and thread-safe.
 */
public final class SmsSegmenter {

    private SmsSegmenter() {
    }

    /** The parts of the text in the encoding {@link SmsLength#of(CharSequence)} picks; never empty. */
    public static List<String> split(CharSequence text) {
        return split(text, SmsLength.of(text).encoding());
    }

    /**
     * The parts of the text in the given encoding, in order; never empty (an empty text is one empty part).
     * Immutable.
     *
     * @throws IllegalArgumentException if the encoding is GSM7 and the text is not in the GSM 03.38 alphabet
     */
    public static List<String> split(CharSequence text, SmsEncoding encoding) {
        SmsLength length = SmsLength.of(text, encoding);
        if (length.segments() == 1) {
            return List.of(text.toString());
        }
        List<String> parts = new ArrayList<>(length.segments());
        int start = 0;
        while (start < text.length()) {
            int end = partEnd(text, start, encoding);
            parts.add(text.subSequence(start, end).toString());
            start = end;
        }
        return List.copyOf(parts);
    }

    /** Number of parts of a text whose units exceed a single SMS; the text must be encodable. */
    static int countParts(CharSequence text, SmsEncoding encoding) {
        int parts = 0;
        int start = 0;
        while (start < text.length()) {
            start = partEnd(text, start, encoding);
            parts++;
        }
        return parts;
    }

    /** End (exclusive) of the part starting at {@code start}: as many whole chars as fit in one part. */
    private static int partEnd(CharSequence text, int start, SmsEncoding encoding) {
        int capacity = encoding.partUnits();
        int used = 0;
        int i = start;
        while (i < text.length()) {
            int width = encoding == SmsEncoding.GSM7 ? GsmAlphabet.septets(text.charAt(i)) : utf16Width(text, i);
            if (used + width > capacity) {
                break;
            }
            used += width;
            i += encoding == SmsEncoding.GSM7 ? 1 : width;
        }
        return i;
    }

    /** 2 for a well-formed surrogate pair at {@code i}, else 1 (a lone surrogate is one unit on its own). */
    private static int utf16Width(CharSequence text, int i) {
        if (Character.isHighSurrogate(text.charAt(i))
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1))) {
            return 2;
        }
        return 1;
    }
}
