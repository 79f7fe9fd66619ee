package vn.smsgw.dispatch.campaign;

import java.util.Locale;
import vn.smsgw.parser.text.GsmAlphabet;
import vn.smsgw.parser.text.SmsEncoding;
import vn.smsgw.parser.text.SmsLength;
import vn.smsgw.parser.text.VietnameseFolding;

/**
 * How a campaign text is encoded: {@link #AUTO} GSM-7 when every character fits, else UCS-2; {@link #UNACCENTED}
 * folded to "không dấu" (domain reference §4.4), curly quotes, dashes and ellipses mapped, then GSM-7;
 * {@link #UCS2} always UCS-2.
 */
public enum EncodingMode {
    AUTO,
    UNACCENTED,
    UCS2;

    /** The mode named {@code auto}, {@code unaccented} or {@code ucs2} (any case). */
    public static EncodingMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encoding must be auto, unaccented or ucs2, not '" + name + "'", e);
        }
    }

    /** The text as it is sent in this mode: folded and GSM-mapped for {@link #UNACCENTED}, else unchanged. */
    public String prepare(String text) {
        return this == UNACCENTED ? unaccented(text) : text;
    }

    /**
     * The cost of {@code text} in this mode.
     *
     * @throws IllegalArgumentException when the unaccented text still has characters outside GSM 03.38
     */
    public SmsLength length(String text) {
        String sent = prepare(text);
        return switch (this) {
            case AUTO -> SmsLength.of(sent);
            case UCS2 -> SmsLength.of(sent, SmsEncoding.UCS2);
            case UNACCENTED -> {
                if (!GsmAlphabet.canEncode(sent)) {
                    throw new IllegalArgumentException("the unaccented text still has characters outside the GSM "
                            + "alphabet: " + outsideGsm(sent));
                }
                yield SmsLength.of(sent, SmsEncoding.GSM7);
            }
        };
    }

    /** §4.4 folding, then the optional punctuation mapping of its step 5 (quotes, dashes, ellipsis, spaces). */
    static String unaccented(String text) {
        String folded = VietnameseFolding.fold(text);
        StringBuilder b = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            switch (c) {
                case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> b.append('"');
                case '\u2018', '\u2019', '\u201A', '\u2032' -> b.append('\'');
                case '\u2013', '\u2014', '\u2212', '\u2010', '\u2011' -> b.append('-');
                case '\u2026' -> b.append("...");
                case '\u00A0', '\u2009', '\u202F' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String outsideGsm(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().filter(cp -> GsmAlphabet.septets(cp) == 0).distinct()
                .limit(5).forEach(cp -> b.append(String.format("U+%04X ", cp)));
        return b.toString().trim();
    }
}
