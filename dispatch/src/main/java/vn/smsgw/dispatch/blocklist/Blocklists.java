package vn.smsgw.dispatch.blocklist;

import java.util.List;
import java.util.Locale;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.number.Carrier;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.number.SourceType;

/**
 * The port intake writes through: counts votes inside the intake transaction and lists an entry when its distinct
 * reporters within the command's window reach the threshold. Implementations are thread-safe.
 */
public interface Blocklists {

    /** Records the votes (in order) and returns one outcome per vote. */
    List<VoteOutcome> vote(Tx tx, List<Vote> votes);

    /** True when the source (E.164 number, short code, service number or brandname) is allowlisted: never listed. */
    boolean isAllowlisted(String source);

    /** The carrier serving {@code source} today: a portability override, else the prefix allocation. */
    Carrier carrierOf(Source source);

    /** The distinct reporters counted on {@code source} in {@code list} so far, as {@code tx} sees it; 0 if none. */
    int reporters(Tx tx, String list, Source source);

    /** The {@link BlocklistName} a report against {@code source} counts on. */
    default String listOf(Source source) {
        return BlocklistName.of(source.type(), carrierOf(source));
    }

    /**
     * The source as blocklists and the allowlist key it: a brandname in upper case, since a sender reported as
     * "Vietcombank", "VIETCOMBANK" or "vietcombank" is one sender, whose reporters must add up on one entry and whose
     * allowlisting must cover every spelling; a number, short code or service number as it is.
     */
    static Source entryKey(Source source) {
        return source.type() == SourceType.BRANDNAME
                ? Source.brandname(source.value().toUpperCase(Locale.ROOT)) : source;
    }

    /** {@link #entryKey(Source)} of a source given as text: a brandname is any text that is not a number. */
    static String entryKey(String source) {
        return source.chars().anyMatch(Character::isLetter) ? source.toUpperCase(Locale.ROOT) : source;
    }
}
