package vn.smsgw.dispatch.blocklist;

import java.util.List;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.number.Carrier;
import vn.smsgw.parser.number.Source;

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

    /** The {@link BlocklistName} a report against {@code source} counts on. */
    /** The distinct reporters counted on {@code source} in {@code list} so far, as {@code tx} sees it; 0 if none. */
    int reporters(Tx tx, String list, Source source);

    default String listOf(Source source) {
        return BlocklistName.of(source.type(), carrierOf(source));
    }
}
