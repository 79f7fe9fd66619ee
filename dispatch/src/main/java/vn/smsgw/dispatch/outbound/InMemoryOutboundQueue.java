package vn.smsgw.dispatch.outbound;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.smsgw.dispatch.store.Tx;

/**
 * Both sides of the outbound queue in memory, with the semantics of {@link JdbcOutboundQueue}; for tests and fakes.
 * Thread-safe.
 */
public final class InMemoryOutboundQueue implements Outbox, OutboundQueue {

    private static final class Row {
        final long id;
        final OutboundSms sms;
        OutboundState state = OutboundState.PENDING;
        long notBefore;
        int attempts;
        String owner;
        long leaseUntil;
        int parts;
        String error;
        final TreeMap<Integer, OutboundState> partStates = new TreeMap<>();
        final Map<Integer, String> partErrors = new HashMap<>();
        final Map<Integer, String> partIds = new HashMap<>();

        Row(long id, OutboundSms sms) {
            this.id = id;
            this.sms = sms;
            this.notBefore = sms.notBefore().toEpochMilli();
        }

        boolean due(long now) {
            return state == OutboundState.PENDING && notBefore <= now
                    || state == OutboundState.CLAIMED && leaseUntil <= now;
        }

        /** Within {@code scope}, as of the time the message was queued (its first due time, as created_at). */
        boolean within(SmscScope scope, long now) {
            return scope.takes(sms.smsc(), sms.notBefore().toEpochMilli(), now);
        }
    }

    private record Key(long id, int part, boolean exact) {
    }

    private record Early(OutboundState state, String error, long at) {
    }

    private final Clock clock;
    private final TreeMap<Long, Row> rows = new TreeMap<>();
    /**
     * The rows a claim can take, PENDING or CLAIMED (a lease can expire), in id order. A row leaves when its message
     * is settled to any other state, which it never leaves for these, so a claim does not walk every message sent.
     */
    private final TreeMap<Long, Row> open = new TreeMap<>();
    private final Map<String, List<Key>> keys = new HashMap<>();
    private final Map<String, Early> early = new HashMap<>();
    private long nextId = 1;

    /** An empty queue reading time from {@code clock}. */
    public InMemoryOutboundQueue(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void enqueue(Tx tx, List<OutboundSms> messages) {
        for (OutboundSms m : messages) {
            Row r = new Row(nextId, m);
            rows.put(nextId, r);
            open.put(nextId, r);
            nextId++;
        }
    }

    @Override
    public synchronized List<QueuedSms> claim(Lane lane, SmscScope scope, int max, String owner, Duration lease) {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(owner, "owner");
        checkClaim(max, lease);
        long now = clock.millis();
        List<QueuedSms> out = new ArrayList<>();
        for (Row r : open.values()) {
            if (out.size() == max) {
                break;
            }
            if (r.sms.lane() == lane && r.due(now) && r.within(scope, now)) {
                r.state = OutboundState.CLAIMED;
                r.owner = owner;
                r.leaseUntil = now + lease.toMillis();
                r.attempts++;
                out.add(new QueuedSms(r.id, lane, r.sms.destination(), r.sms.sender(), r.sms.body(), r.sms.kind(),
                        r.sms.caseId(), r.attempts, r.leaseUntil, 0));
            }
        }
        return out;
    }

    @Override
    public synchronized boolean anyDue(Lane lane, SmscScope scope) {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(scope, "scope");
        long now = clock.millis();
        return open.values().stream().anyMatch(r -> r.sms.lane() == lane && r.due(now) && r.within(scope, now));
    }

    @Override
    public synchronized Set<Long> renew(Collection<Long> ids, String owner, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        checkClaim(1, lease);
        long until = clock.millis() + lease.toMillis();
        Set<Long> renewed = new TreeSet<>();
        for (long id : ids) {
            Row r = rows.get(id);
            if (r != null && r.state == OutboundState.CLAIMED && owner.equals(r.owner)) {
                r.leaseUntil = until;
                renewed.add(id);
            }
        }
        return renewed;
    }

    @Override
    public synchronized int settle(List<Settlement> settlements) {
        int counted = 0;
        for (Settlement s : settlements) {
            Row r = rows.get(s.id());
            if (r == null || r.state != OutboundState.CLAIMED || !s.owner().equals(r.owner) || !s.settles(r.attempts)) {
                continue;
            }
            counted++;
            r.owner = null;
            SubmitOutcome outcome = s.outcome();
            if (!(outcome instanceof SubmitOutcome.RetryLater)) {
                open.remove(r.id);
            }
            if (outcome instanceof SubmitOutcome.RetryLater retry) {
                r.state = OutboundState.PENDING;
                r.notBefore = retry.notBefore().toEpochMilli();
                r.error = retry.error();
                r.attempts -= retry.countsAsAttempt() ? 0 : 1;
            } else if (outcome instanceof SubmitOutcome.Failed f) {
                r.state = OutboundState.FAILED;
                r.error = f.error();
                addParts(r, f.accepted());
            } else if (outcome instanceof SubmitOutcome.Unknown u) {
                r.state = OutboundState.UNKNOWN;
                r.error = u.reason();
                r.parts = u.accepted().size() + 1;
                addParts(r, u.accepted());
                applyEarly(r, u.accepted());
            } else if (outcome instanceof SubmitOutcome.Submitted sub) {
                r.state = OutboundState.SUBMITTED;
                r.error = null;
                r.parts = sub.parts().size();
                addParts(r, sub.parts());
                applyEarly(r, sub.parts());
            }
        }
        return counted;
    }

    @Override
    public synchronized int recordLateParts(List<LatePart> parts) {
        int recorded = 0;
        for (LatePart late : parts) {
            Row r = rows.get(late.id());
            if (r == null || r.state != OutboundState.UNKNOWN || r.parts != late.part().part()
                    || r.partStates.containsKey(late.part().part())) {
                continue;
            }
            addParts(r, List.of(late.part()));
            applyEarly(r, List.of(late.part()));
            recorded++;
        }
        return recorded;
    }

    @Override
    public synchronized List<OptionalLong> applyReceipts(List<ReceiptUpdate> receipts) {
        List<OptionalLong> matched = new ArrayList<>(receipts.size());
        for (ReceiptUpdate receipt : receipts) {
            matched.add(apply(receipt));
        }
        return matched;
    }

    private OptionalLong apply(ReceiptUpdate receipt) {
        long now = clock.millis();
        Key best = null;
        for (Key k : keys.getOrDefault(receipt.matchKey(), List.of())) {
            boolean waiting = rows.get(k.id()).partStates.get(k.part()) == OutboundState.SUBMITTED;
            if (!k.exact() && !waiting) {
                continue; // another reading of the id of a part that is over: not this receipt's (see PartTable)
            }
            if (best == null || k.exact() && !best.exact() || k.exact() == best.exact() && k.id() > best.id()) {
                best = k;
            }
        }
        if (best != null && !best.exact()
                && !PartTable.mayBeFor(receipt.subscriber(), rows.get(best.id()).sms.destination())) {
            best = null;
        }
        if (best == null) {
            Early old = early.get(receipt.matchKey());
            if (old == null || old.state() == OutboundState.SUBMITTED || receipt.isFinal()) {
                early.put(receipt.matchKey(), new Early(receipt.state(), receipt.error(), receipt.at().toEpochMilli()));
            }
            early.values().removeIf(e -> e.at() < now - PartTable.EARLY_RECEIPT_TTL.toMillis());
            return OptionalLong.empty();
        }
        Row r = rows.get(best.id());
        applyToPart(r, best.part(), receipt.state(), receipt.error());
        return OptionalLong.of(r.id);
    }

    @Override
    public synchronized QueueDepth depth() {
        return count(true);
    }

    @Override
    public synchronized QueueDepth countByState() {
        return count(false);
    }

    private QueueDepth count(boolean queuedOnly) {
        Map<Lane, Map<OutboundState, Long>> counts = new EnumMap<>(Lane.class);
        for (Row r : rows.values()) {
            if (!queuedOnly || QueueDepth.QUEUED.contains(r.state)) {
                counts.computeIfAbsent(r.sms.lane(), l -> new EnumMap<>(OutboundState.class))
                        .merge(r.state, 1L, Long::sum);
            }
        }
        return new QueueDepth(counts);
    }

    @Override
    public synchronized Optional<OutboundStatus> status(long id) {
        Row r = rows.get(id);
        if (r == null) {
            return Optional.empty();
        }
        List<OutboundStatus.PartStatus> parts = new ArrayList<>();
        r.partStates.forEach((part, state) -> parts.add(
                new OutboundStatus.PartStatus(part, r.partIds.get(part), state)));
        return Optional.of(new OutboundStatus(r.id, r.sms.lane(), r.state, r.attempts,
                r.error == null ? "" : r.error, parts));
    }

    private void addParts(Row r, List<PartId> parts) {
        for (PartId p : parts) {
            r.partStates.putIfAbsent(p.part(), OutboundState.SUBMITTED);
            r.partIds.putIfAbsent(p.part(), p.messageId());
            for (int i = 0; i < p.matchKeys().size(); i++) {
                keys.computeIfAbsent(p.matchKeys().get(i), k -> new ArrayList<>())
                        .add(new Key(r.id, p.part(), i == 0));
            }
        }
    }

    private void applyEarly(Row r, List<PartId> parts) {
        long oldest = clock.millis() - PartTable.EARLY_RECEIPT_TTL.toMillis();
        for (PartId p : parts) {
            for (String key : p.matchKeys()) {
                Early e = early.get(key);
                if (e != null && e.at() >= oldest) {
                    early.remove(key);
                    applyToPart(r, p.part(), e.state(), e.error());
                    break;
                }
            }
        }
        settleMessage(r);
    }

    private void applyToPart(Row r, int part, OutboundState state, String error) {
        if (state != OutboundState.SUBMITTED && r.partStates.get(part) == OutboundState.SUBMITTED) {
            r.partStates.put(part, state);
            r.partErrors.put(part, error);
        }
        settleMessage(r);
    }

    private static void settleMessage(Row r) {
        if (r.state != OutboundState.SUBMITTED && r.state != OutboundState.UNKNOWN) {
            return;
        }
        int delivered = 0;
        for (Map.Entry<Integer, OutboundState> e : r.partStates.entrySet()) {
            if (e.getValue().isDeliveryFailure()) {
                String error = r.partErrors.get(e.getKey());
                r.state = e.getValue();
                r.error = error == null || error.isEmpty() ? e.getValue().name() : error;
                return;
            }
            delivered += e.getValue() == OutboundState.DELIVERED ? 1 : 0;
        }
        if (delivered == r.parts) {
            r.state = OutboundState.DELIVERED;
            r.error = null;
        }
    }

    static void checkClaim(int max, Duration lease) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1: " + max);
        }
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive: " + lease);
        }
    }
}
