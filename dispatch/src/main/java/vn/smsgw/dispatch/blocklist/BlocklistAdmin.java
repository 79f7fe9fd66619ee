package vn.smsgw.dispatch.blocklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.Transactions;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.number.Carrier;
import vn.smsgw.parser.number.NumberPlan;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.number.SourceType;
import vn.smsgw.parser.report.Senders;

/**
 * Operator actions on the blocklists, each in one transaction with its audit record: delist, relist, allowlist
 * changes and the allowlist and portability files. Blank reasons, notes and actors are rejected with
 * {@link IllegalArgumentException}. Thread-safe.
 *
 * <p>Allowlisting a source delists it (reason {@code allowlisted}) on every list where it is LISTED, so the carriers
 * see a DELISTED event. File rows are normalised with {@link NumberPlan#reported(CharSequence, boolean)} (short codes
 * allowed); a portability row must be a mobile number. Bad rows are reported by line number and skipped.
 */
public final class BlocklistAdmin {
    private static final Logger log = LoggerFactory.getLogger(BlocklistAdmin.class);
    static final String ALLOWLISTED = "allowlisted";

    private final Transactions transactions;
    private final BlocklistStores stores;
    private final Allowlist allowlist;
    private final PortabilityOverrides portability;
    private final Clock clock;
    private final Function<String, Optional<Source>> numbers;

    public BlocklistAdmin(BlocklistStores stores, Allowlist allowlist, PortabilityOverrides portability, Clock clock) {
        this(stores, new AdminParts(allowlist, portability, clock), text -> NumberPlan.reported(text, true));
    }

    /** With another number normaliser (tests that must not depend on the numbering plan's state). */
    BlocklistAdmin(BlocklistStores stores, AdminParts parts, Function<String, Optional<Source>> numbers) {
        this.transactions = stores.transactions();
        this.stores = stores;
        this.allowlist = parts.allowlist();
        this.portability = parts.portability();
        this.clock = parts.clock();
        this.numbers = numbers;
    }

    /** The collaborators of an admin besides its stores. */
    record AdminParts(Allowlist allowlist, PortabilityOverrides portability, Clock clock) {
    }

    /** Stores the built-in allowlist entries (origin {@code default}) that are not stored yet; idempotent. */
    public void seedDefaults() {
        transactions.inTransaction(tx -> {
            var stored = stores.allowlist().all(tx);
            for (String s : Allowlist.DEFAULTS) {
                if (!stored.containsKey(s)) {
                    stores.allowlist().put(tx, new AllowlistEntry(s, "built-in", AllowlistEntry.DEFAULT,
                            clock.instant()));
                }
            }
            return null;
        });
        allowlist.changed();
    }

    /** Moves a LISTED entry to DELISTED, with a DELISTED feed event. */
    public AdminOutcome delist(String list, String source, String reason, String actor) {
        return change(new Transition(requireList(list), entryKey(source), EntryState.LISTED, EntryState.DELISTED,
                requireText(reason, "reason"), clock.instant()), actor, AuditRecord.Action.DELIST);
    }

    /** Moves a DELISTED entry back to LISTED, with a LISTED feed event; refused for an allowlisted source. */
    public AdminOutcome relist(String list, String source, String reason, String actor) {
        return change(new Transition(requireList(list), entryKey(source), EntryState.DELISTED, EntryState.LISTED,
                requireText(reason, "reason"), clock.instant()), actor, AuditRecord.Action.RELIST);
    }

    private AdminOutcome change(Transition t, String actor, AuditRecord.Action action) {
        requireText(actor, "actor");
        AdminOutcome outcome = transactions.inTransaction(tx -> {
            Optional<BlocklistEntry> entry = stores.entries().entries(tx, t.source()).stream()
                    .filter(e -> e.list().equals(t.list())).findFirst();
            if (entry.isEmpty()) {
                return new AdminOutcome.UnknownEntry();
            }
            if (t.to() == EntryState.LISTED) {
                stores.entries().lockListing(tx, t.source());
            }
            if (t.to() == EntryState.LISTED
                    && (Allowlist.isDefault(t.source()) || stores.allowlist().contains(tx, t.source()))) {
                return new AdminOutcome.Allowlisted();
            }
            if (!stores.entries().transition(tx, t)) {
                return new AdminOutcome.WrongState(entry.get().state());
            }
            stores.entries().audit(tx, new AuditRecord(t.at(), actor, action, t.list(), t.source(), t.reason()));
            return new AdminOutcome.Applied();
        });
        log.info("{} {} on {} by {}: {}", action, Blocklist.forLog(t.source()), t.list(), actor,
                outcome.getClass().getSimpleName());
        return outcome;
    }

    /** Allowlists {@code source} and delists it wherever it is LISTED; returns how many lists it was delisted from. */
    public int allow(String source, String note, String actor) {
        requireText(source, "source");
        requireText(note, "note");
        requireText(actor, "actor");
        // what an allowlist file takes, no more: an entry no sender can match would hide the mistake
        String key = allowlistKey(source).orElseThrow(() -> new IllegalArgumentException("source is not a valid "
                + "number, short code or brandname (2-11 letters, digits, inner spaces, '.', '_', '&' or '-', with a "
                + "letter): '" + source + "'"));
        int delisted = transactions.inTransaction(tx ->
                allowIn(tx, new AllowlistEntry(Blocklists.entryKey(key), note, AllowlistEntry.OPERATOR,
                        clock.instant()), actor, true));
        allowlist.changed();
        return delisted;
    }

    /** Allowlists and delists; {@code lock}: take its listing lock first (else the caller took it). */
    private int allowIn(Tx tx, AllowlistEntry entry, String actor, boolean lock) {
        Instant now = entry.addedAt();
        if (lock) {
            stores.entries().lockListing(tx, entry.source()); // then the entries read below include a listing in flight
        }
        AllowlistStore.Put put = stores.allowlist().put(tx, entry);
        if (put != AllowlistStore.Put.UNCHANGED) { // a new note or origin is a change to account for too
            stores.entries().audit(tx, new AuditRecord(now, actor, AuditRecord.Action.ALLOW, AuditRecord.ALLOWLIST,
                    entry.source(), put == AllowlistStore.Put.ADDED ? entry.note()
                            : "changed (" + entry.origin() + "): " + entry.note()));
        }
        int delisted = 0;
        for (BlocklistEntry e : stores.entries().entries(tx, entry.source())) {
            Transition t = new Transition(e.list(), e.source(), EntryState.LISTED, EntryState.DELISTED, ALLOWLISTED,
                    now);
            if (e.state() == EntryState.LISTED && stores.entries().transition(tx, t)) {
                stores.entries().audit(tx, new AuditRecord(now, actor, AuditRecord.Action.DELIST, e.list(),
                        e.source(), ALLOWLISTED));
                delisted++;
            }
        }
        return delisted;
    }

    /** Removes an operator allowlist entry; false when it was not there. The built-in entries cannot be removed. */
    public boolean disallow(String typed, String actor) {
        requireText(actor, "actor");
        // read as allow reads it, so that the form an entry was added in also removes it; anything else as written
        String source = Blocklists.entryKey(allowlistKey(typed).orElse(typed));
        // an entry stored under an earlier rule for brandnames (VCB. kept its dot) is reached as typed
        String asTyped = Blocklists.entryKey(typed.strip());
        if (Allowlist.isDefault(source)) {
            throw new IllegalArgumentException("built-in allowlist entry cannot be removed: " + source);
        }
        boolean removed = transactions.inTransaction(tx -> {
            String key = source;
            boolean r = stores.allowlist().remove(tx, key);
            if (!r && !asTyped.equals(source) && !Allowlist.isDefault(asTyped)) {
                key = asTyped;
                r = stores.allowlist().remove(tx, key);
            }
            if (r) {
                stores.entries().audit(tx, new AuditRecord(clock.instant(), actor, AuditRecord.Action.DISALLOW,
                        AuditRecord.ALLOWLIST, key, "removed"));
            }
            return r;
        });
        allowlist.changed();
        return removed;
    }

    /**
     * Loads an allowlist file (one number per line, or CSV {@code number,note}) in one transaction: every valid row
     * is allowlisted as by {@link #allow} with origin {@code file}, and an entry of origin {@code file} that the file
     * no longer has is removed (audited as DISALLOW).
     */
    public LoadReport loadAllowlist(Path file, String actor) {
        requireText(actor, "actor");
        List<LoadReport.RowProblem> problems = new ArrayList<>();
        // one entry a source: two rows that name it (0981234567 and +84981234567, VCB and VCB.) would otherwise write
        // it twice at every load
        LaterRowWins<AllowlistEntry> bySource = new LaterRowWins<>("source", problems);
        Instant now = clock.instant();
        for (OperatorFile.Row row : read(file)) {
            Optional<String> source = allowlistKey(row.first());
            if (source.isEmpty()) {
                problems.add(new LoadReport.RowProblem(row.line(), "not a valid number, short code or brandname"));
                continue;
            }
            String note = row.rest().isEmpty() ? "operator file" : row.rest();
            bySource.put(source.get(), row.line(), new AllowlistEntry(source.get(), note, AllowlistEntry.FILE, now));
        }
        List<AllowlistEntry> entries = bySource.values();
        int rejected = problems.size();
        List<LoadReport.RowProblem> keptOtherwise = transactions.inTransaction(tx -> {
            // the file is the list of its own entries: it neither takes over an operator's or a built-in entry (which
            // it would then remove once it no longer had it) nor keeps one of its own that it no longer has. A file
            // with no valid row (empty, cut short, all rejected) removes nothing.
            Map<String, AllowlistEntry> before = stores.allowlist().all(tx);
            // the entries of every source the file allows, locked at once, before any is allowed: locking them one by
            // one, each after the listing lock the one before took, could deadlock with intake listing another
            stores.entries().lockListing(tx, entries.stream().map(AllowlistEntry::source)
                    .filter(source -> before.get(source) == null
                            || AllowlistEntry.FILE.equals(before.get(source).origin()))
                    .toList());
            Set<String> listed = new HashSet<>();
            List<LoadReport.RowProblem> others = new ArrayList<>();
            for (AllowlistEntry e : entries) {
                listed.add(e.source());
                AllowlistEntry was = before.get(e.source());
                if (was == null || AllowlistEntry.FILE.equals(was.origin())) {
                    allowIn(tx, e, actor, false);
                } else { // said, so that the operator knows the file's row is not what keeps the source allowed
                    others.add(new LoadReport.RowProblem(bySource.lineOf(e.source()), "already allowlisted ("
                            + was.origin() + "): that entry is kept, and removing it leaves the source not "
                            + "allowlisted until the file is loaded again"));
                }
            }
            for (AllowlistEntry was : entries.isEmpty() ? List.<AllowlistEntry>of() : before.values()) {
                if (AllowlistEntry.FILE.equals(was.origin()) && !listed.contains(was.source())
                        && stores.allowlist().remove(tx, was.source())) {
                    stores.entries().audit(tx, new AuditRecord(now, actor, AuditRecord.Action.DISALLOW,
                            AuditRecord.ALLOWLIST, was.source(), "no longer in allowlist file " + fileName(file)));
                }
            }
            stores.entries().audit(tx, new AuditRecord(now, actor, AuditRecord.Action.LOAD_ALLOWLIST,
                    AuditRecord.ALLOWLIST, fileName(file), (entries.size() - others.size()) + " rows, " + rejected
                            + " rejected, " + others.size() + " already allowlisted otherwise"));
            return others;
        });
        allowlist.changed();
        int loaded = entries.size() - keptOtherwise.size();
        log.info("allowlist file {} loaded by {}: {} rows, {} rejected, {} already allowlisted otherwise",
                fileName(file), actor, loaded, rejected, keptOtherwise.size());
        problems.addAll(keptOtherwise);
        problems.sort(Comparator.comparingInt(LoadReport.RowProblem::line));
        return new LoadReport(loaded, problems);
    }

    /**
     * An allowlist entry's key for a source as typed: a number in any form, or a brandname as the report grammar takes
     * a sender ({@link Senders}: {@code A&T_Shop} included, trailing dots and dashes trimmed, as a report of it would
     * carry it), upper-cased; empty for neither.
     */
    private Optional<String> allowlistKey(String text) {
        return numbers.apply(text).map(Source::value).or(() -> Senders.name(text).map(Blocklists::entryKey));
    }

    /**
     * The key of a blocklist entry or audit record for a source as typed: a number in any form as its entries are
     * keyed, a brandname as a report of it would carry it; the text itself, upper-cased, for neither.
     */
    private String entryKey(String source) {
        return allowlistKey(source).orElseGet(() -> Blocklists.entryKey(source));
    }

    /**
     * Loads a portability file (CSV {@code msisdn,carrier}; carrier as {@code VIETTEL} or {@code Viettel}). A number
     * listed twice (in any form) is one override: the later row wins, the earlier is reported.
     */
    public LoadReport loadPortability(Path file, String actor) {
        requireText(actor, "actor");
        List<LoadReport.RowProblem> problems = new ArrayList<>();
        LaterRowWins<PortabilityOverride> byNumber = new LaterRowWins<>("number", problems);
        for (OperatorFile.Row row : read(file)) {
            Optional<Source> source = numbers.apply(row.first()).filter(s -> s.type() == SourceType.MOBILE);
            Optional<Carrier> carrier = PortabilityOverride.carrierNamed(row.rest());
            if (source.isEmpty()) {
                problems.add(new LoadReport.RowProblem(row.line(), "not a valid mobile number"));
            } else if (carrier.isEmpty()) {
                problems.add(new LoadReport.RowProblem(row.line(), "unknown carrier"));
            } else {
                String number = source.get().value();
                byNumber.put(number, row.line(), new PortabilityOverride(number, carrier.get()));
            }
        }
        problems.sort(Comparator.comparingInt(LoadReport.RowProblem::line));
        List<PortabilityOverride> overrides = byNumber.values();
        Instant now = clock.instant();
        if (overrides.isEmpty()) { // empty, cut short or all rejected: not the list of the numbers ported now
            log.warn("portability file {}: no valid row ({} rejected); the overrides loaded before are kept",
                    fileName(file), problems.size());
            transactions.inTransaction(tx -> {
                stores.entries().audit(tx, new AuditRecord(now, actor, AuditRecord.Action.LOAD_PORTABILITY,
                        AuditRecord.PORTABILITY, fileName(file), "0 rows, " + problems.size()
                                + " rejected: no valid row, the overrides loaded before are kept"));
                return null;
            });
            return new LoadReport(0, problems);
        }
        int removed = transactions.inTransaction(tx -> {
            int gone = stores.portability().replace(tx, overrides, now);
            stores.entries().audit(tx, new AuditRecord(now, actor, AuditRecord.Action.LOAD_PORTABILITY,
                    AuditRecord.PORTABILITY, fileName(file), overrides.size() + " rows, " + problems.size()
                            + " rejected, " + gone + " overrides no longer listed removed"));
            return gone;
        });
        portability.changed();
        log.info("portability file {} loaded by {}: {} rows, {} rejected, {} overrides no longer listed removed",
                fileName(file), actor, overrides.size(), problems.size(), removed);
        return new LoadReport(overrides.size(), problems);
    }

    /**
     * The audit trail of a source (or a loaded file's name), oldest first; a brandname's under every spelling (its
     * actions are recorded under its upper-case key).
     */
    public List<AuditRecord> auditTrail(String source) {
        // as typed (a file's name), as an entry key (a brandname upper-cased) and normalised (a number in any form)
        Set<String> keys = new LinkedHashSet<>(List.of(source, Blocklists.entryKey(source), entryKey(source)));
        return transactions.read(tx -> {
            List<AuditRecord> records = new ArrayList<>();
            for (String key : keys) {
                records.addAll(stores.entries().auditTrail(tx, key));
            }
            if (keys.size() > 1) {
                records.sort(Comparator.comparing(AuditRecord::at));
            }
            return records;
        });
    }

    /**
     * An operator file's rows by what they name: of two rows that name the same key (in any of its forms), the later
     * is taken and the earlier reported.
     */
    private static final class LaterRowWins<V> {
        private final String what;
        private final List<LoadReport.RowProblem> problems;
        private final Map<String, V> byKey = new LinkedHashMap<>();
        private final Map<String, Integer> lineOf = new HashMap<>();

        LaterRowWins(String what, List<LoadReport.RowProblem> problems) {
            this.what = what;
            this.problems = problems;
        }

        void put(String key, int line, V value) {
            Integer earlier = lineOf.put(key, line);
            if (earlier != null) {
                problems.add(new LoadReport.RowProblem(earlier, "the same " + what + " as line " + line
                        + ", which is taken instead"));
            }
            byKey.put(key, value);
        }

        int lineOf(String key) {
            return lineOf.get(key);
        }

        List<V> values() {
            return List.copyOf(byKey.values());
        }
    }

    private static List<OperatorFile.Row> read(Path file) {
        try {
            return OperatorFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    static String requireList(String list) {
        if (!BlocklistName.isValid(list)) {
            throw new IllegalArgumentException("unknown blocklist: " + list);
        }
        return list;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }
}
