package vn.smsgw.gateway.smpp;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical forms of SMSC message ids, for matching the id of a submit_sm_resp with the id in its delivery receipt.
 * Stateless and thread-safe.
 */
public final class MessageIds {

    /*
     * SMSCs disagree on the form of the same id: many answer submit_sm with a hex id and put it in decimal in the
     * receipt text (jsmpp's example simulator does exactly that), some the other way round, some pad with zeros or
     * change the case. The approach:
     *   - the store saves every key of matchKeys(submit_sm_resp id) for the message: the normalised id, its decimal
     *     value when it is all hex, its hex value when it is all decimal;
     *   - a receipt is looked up by normalise(receipt id) alone (the receipted_message_id TLV when present).
     * That matches hex->decimal, decimal->hex and same-form ids with one indexed lookup. The price: an all-digit id
     * is ambiguous, so two messages in flight can share a key (hex "3039" and decimal "12345" are the same number).
     * A store that finds several candidates should prefer the message whose normalised id equals the key, then the
     * most recent; an SMSC link known to use one form can skip the conversions. A converted key is a guess: an old id
     * "10000" owns key "65536" (its hex reading), so the store lets a converted key find only a part still waiting for
     * its receipt, sent to the receipt's subscriber when the receipt names one, and parks any other receipt for the
     * settlement of the message whose own id it is (PartTable).
     */

    private static final int MAX_DIGITS = 64;

    private MessageIds() {
    }

    /** The id trimmed, lower-cased and without leading zeros ("0" stays "0"; "" stays ""). */
    public static String normalise(String id) {
        String value = id.trim().toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < value.length() - 1 && value.charAt(start) == '0') {
            start++;
        }
        return value.substring(start);
    }

    /**
     * The normalised id, then its decimal value if it is all hex digits, then its hex value if it is all decimal
     * digits; in that order, without repeats. Ids longer than 64 characters get no conversions. Immutable.
     */
    public static Set<String> matchKeys(String id) {
        String key = normalise(id);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(key);
        if (!key.isEmpty() && key.length() <= MAX_DIGITS) {
            if (allDigits(key, 16)) {
                keys.add(new BigInteger(key, 16).toString(10));
            }
            if (allDigits(key, 10)) {
                keys.add(new BigInteger(key, 10).toString(16));
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    /**
     * The receipt key of {@code id} from the SMSC named {@code smsc}: its normalised form, scoped by the SMSC. SMSC
     * message ids are unique only within their SMSC (two SMSCs counting from 1 hand out the same ids), so a receipt is
     * matched only with the parts submitted through the SMSC it came from.
     */
    public static String key(String smsc, String id) {
        return scope(smsc) + normalise(id);
    }

    /** {@link #matchKeys(String)} of {@code id}, in order, each scoped by the SMSC named {@code smsc} as {@link #key}. */
    public static List<String> matchKeys(String smsc, String id) {
        String scope = scope(smsc);
        return matchKeys(id).stream().map(k -> scope + k).toList();
    }

    private static String scope(String smsc) {
        if (smsc.isEmpty()) {
            throw new IllegalArgumentException("an SMSC name is required to scope its message ids");
        }
        return smsc + ':';
    }

    private static boolean allDigits(String value, int radix) {
        return value.chars().allMatch(c -> Character.digit(c, radix) >= 0 && c < 0x80);
    }
}
