package vn.smsgw.dispatch.blocklist;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.number.Carrier;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.number.Msisdn;
import vn.smsgw.parser.report.Command;

/**
 * The carrier blocklists' voting rules: a source moves from CANDIDATE to LISTED on a list when the distinct reporters
 * of one command within that command's window reach its {@link Threshold}. Thread-safe.
 *
 * <p>The state machine is CANDIDATE → LISTED (votes) → DELISTED (operator) → LISTED (operator relist). Delisting is
 * sticky: votes keep being recorded and counted for a DELISTED entry but never relist it, since an operator decided
 * against listing; only {@link BlocklistAdmin#relist} does. An allowlisted source is never listed, even if a vote
 * for it arrives (intake asks {@link #isAllowlisted} first, but another process may have just allowlisted it).
 *
 * <p>A reporter counts once per list, source and command within a window: a repeat inside the window is stored
 * nowhere and does not count; a repeat after the earlier vote left the window refreshes it and counts again, so a
 * number that keeps offending can be listed by the same steady reporters. Intake has already applied the daily quota
 * and dropped self-reports.
 *
 * <p>Concurrency. Votes of a batch are written in one fixed order (list, source, command, reporter), so two
 * processes voting on the same sources take their row locks in the same order instead of deadlocking; listings come
 * after all votes of the batch, and the entries of every source the batch lists (on every list: a ported number has
 * entries on two) are locked at once, in (list, source) order, before the feed lock (see {@link JdbcBlocklistStore}),
 * so a transaction holding the feed lock waits on no vote or entry row. Listing is a conditional update from
 * CANDIDATE, so when several processes reach the threshold at once exactly one lists the entry and appends the event.
 */
public final class Blocklist implements Blocklists {
    private static final Logger log = LoggerFactory.getLogger(Blocklist.class);
    private static final Comparator<Vote> LOCK_ORDER = Comparator.comparing(Vote::list)
            .thenComparing(v -> v.source().value())
            .thenComparing(Vote::command)
            .thenComparing(Vote::reporterHash);

    private final BlocklistStore store;
    private final AllowlistStore allowlistStore;
    private final Allowlist allowlist;
    private final Thresholds thresholds;
    private final Clock clock;
    private final Function<Source, Carrier> carriers;

    /** A blocklist that takes carriers from prefix allocation only. */
    public Blocklist(BlocklistStores stores, Allowlist allowlist, Thresholds thresholds, Clock clock) {
        this(stores, allowlist, Source::carrier, thresholds, clock);
    }

    /** A blocklist that takes carriers from the portability overrides, else the prefix allocation. */
    public Blocklist(BlocklistStores stores, Allowlist allowlist, PortabilityOverrides portability,
                     Thresholds thresholds, Clock clock) {
        this(stores, allowlist, portability::carrierOf, thresholds, clock);
    }

    private Blocklist(BlocklistStores stores, Allowlist allowlist, Function<Source, Carrier> carriers,
                      Thresholds thresholds, Clock clock) {
        this.carriers = carriers;
        this.store = stores.entries();
        this.allowlistStore = stores.allowlist();
        this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<VoteOutcome> vote(Tx tx, List<Vote> votes) {
        if (votes.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<Command, Instant> windowStart = new EnumMap<>(Command.class);
        for (Command c : Command.values()) {
            windowStart.put(c, now.minus(thresholds.of(c).window()));
        }
        Integer[] order = new Integer[votes.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(votes::get, LOCK_ORDER));
        List<Vote> sorted = new ArrayList<>(order.length);
        for (Integer i : order) {
            sorted.add(votes.get(i));
        }
        List<VoteTally> tallies = store.record(tx, sorted, windowStart, now);
        // every source to list, locked at once before the first listing: one source's entries on other lists, or
        // another source's, waited for while holding the listing lock could deadlock with their holder
        Set<String> toList = new LinkedHashSet<>();
        for (int k = 0; k < order.length; k++) {
            if (reachesThreshold(sorted.get(k), tallies.get(k))) {
                toList.add(sorted.get(k).source().value());
            }
        }
        store.lockListing(tx, toList);
        VoteOutcome[] out = new VoteOutcome[votes.size()];
        for (int k = 0; k < order.length; k++) {
            Vote v = sorted.get(k);
            VoteTally t = tallies.get(k);
            boolean listedNow = reachesThreshold(v, t) && list(tx, v, t, now);
            out[order[k]] = new VoteOutcome(t.counted(), t.sourceReporters(), listedNow);
        }
        return List.of(out);
    }

    private boolean reachesThreshold(Vote v, VoteTally t) {
        return t.counted() && t.candidate() && t.windowReporters() >= thresholds.of(v.command()).reporters();
    }

    /** Lists the source of {@code v}, whose entries {@link #vote} has locked, unless it is allowlisted. */
    private boolean list(Tx tx, Vote v, VoteTally t, Instant now) {
        String source = v.source().value();
        if (Allowlist.isDefault(source) || allowlistStore.contains(tx, source)) {
            return false;
        }
        Threshold th = thresholds.of(v.command());
        String reason = "threshold " + v.command() + " " + th.reporters() + " in " + th.windowText();
        boolean listed = store.transition(tx,
                new Transition(v.list(), source, EntryState.CANDIDATE, EntryState.LISTED, reason, now));
        if (listed) {
            log.info("listed {} on {}: {} reporters of {} within {}", forLog(source), v.list(), t.windowReporters(),
                    v.command(), th.window());
        }
        return listed;
    }

    @Override
    public int reporters(Tx tx, String list, Source source) {
        return store.entries(tx, source.value()).stream().filter(e -> e.list().equals(list))
                .mapToInt(BlocklistEntry::reporters).findFirst().orElse(0);
    }

    @Override
    public Carrier carrierOf(Source source) {
        return carriers.apply(source);
    }

    @Override
    public boolean isAllowlisted(String source) {
        return allowlist.contains(source);
    }

    /** A source as it may appear in logs: subscriber numbers masked, short codes and brandnames as they are. */
    static String forLog(String source) {
        return source.startsWith("+") ? Msisdn.mask(source.substring(1)) : source;
    }
}
