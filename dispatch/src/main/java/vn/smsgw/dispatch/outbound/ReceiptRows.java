package vn.smsgw.dispatch.outbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;

/**
 * The outbound queue's delivery receipts on table {@code outbound} ({@link JdbcOutboundQueue}): each receipt matched
 * to its part by key and applied to the part and its message, or parked until its part is known. Runs in the caller's
 * write transaction. Stateless.
 */
final class ReceiptRows {

    private ReceiptRows() {
    }

    /** Applies {@code receipts} (see {@link OutboundQueue#applyReceipts}); the message each matched, in order. */
    static List<OptionalLong> apply(JdbcTx tx, List<ReceiptUpdate> receipts, long now) throws SQLException {
        PartTable parts = new PartTable(tx, now);
        TreeSet<String> keys = new TreeSet<>();
        receipts.forEach(r -> keys.add(r.matchKey()));
        parts.lockKeys(keys);
        Map<Long, PartTable.Message> locked = lockRows(tx, parts.readParts(keys));
        if (tx.dialect() == Dialect.POSTGRES) {
            return applyBatched(tx, parts, receipts, locked);
        }
        List<OptionalLong> matched = new ArrayList<>(receipts.size());
        for (ReceiptUpdate receipt : receipts) {
            matched.add(applyOne(tx, parts, receipt));
        }
        return matched;
    }

    /**
     * The receipts of a batch as {@link #applyOne} would apply them one by one, with fewer statements (PostgreSQL,
     * where each is a round trip taken while holding the batch's key and row locks): the final receipts of messages
     * that no other receipt of the batch touches go first, their parts in one statement and, of the one-part messages
     * among them, the messages in another; the rest (receipts that matched nothing, intermediate ones, and every
     * receipt of a message that has several in the batch) then go one by one in their order. The two groups touch
     * different messages, so the order between them changes nothing.
     */
    private static List<OptionalLong> applyBatched(JdbcTx tx, PartTable parts, List<ReceiptUpdate> receipts,
            Map<Long, PartTable.Message> locked) throws SQLException {
        int n = receipts.size();
        List<Optional<PartTable.PartRef>> matches = new ArrayList<>(n);
        Map<Long, Integer> receiptsPerMessage = new HashMap<>();
        for (ReceiptUpdate r : receipts) {
            Optional<PartTable.PartRef> match = parts.find(r.matchKey(), r.subscriber());
            matches.add(match);
            match.ifPresent(m -> receiptsPerMessage.merge(m.outboundId(), 1, Integer::sum));
        }
        List<Integer> together = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Optional<PartTable.PartRef> match = matches.get(i);
            if (match.isPresent() && receipts.get(i).state() != OutboundState.SUBMITTED
                    && receiptsPerMessage.get(match.get().outboundId()) == 1) {
                together.add(i);
            }
        }
        List<PartTable.PartReceipt> batch = new ArrayList<>(together.size());
        for (int i : together) {
            ReceiptUpdate r = receipts.get(i);
            batch.add(new PartTable.PartReceipt(matches.get(i).orElseThrow(), r.state(), r.error()));
        }
        for (long id : parts.applyAll(batch, locked)) {
            parts.settleMessage(id);
        }
        OptionalLong[] result = new OptionalLong[n];
        together.forEach(i -> result[i] = OptionalLong.of(matches.get(i).orElseThrow().outboundId()));
        for (int i = 0; i < n; i++) {
            if (result[i] == null) {
                result[i] = applyOne(tx, parts, receipts.get(i));
            }
        }
        return List.of(result);
    }

    private static OptionalLong applyOne(JdbcTx tx, PartTable parts, ReceiptUpdate receipt)
            throws SQLException {
        Optional<PartTable.PartRef> match = parts.find(receipt.matchKey(), receipt.subscriber());
        if (match.isEmpty()) {
            parts.park(receipt);
            return OptionalLong.empty();
        }
        long id = match.get().outboundId();
        boolean changed = parts.apply(match.get(), receipt.state(), receipt.error());
        if (!changed || !parts.settleOnePart(id, receipt.state(), receipt.error())) {
            parts.settleMessage(id);
        }
        return OptionalLong.of(id);
    }

    /**
     * Locks these messages' rows in id order, in one statement, and returns their state and part count as locked:
     * transactions that lock rows only after the keys (receipts for different parts of one message hold different
     * keys) then never wait on each other in a cycle. Only PostgreSQL needs it; SQLite has one writer at a time.
     */
    private static Map<Long, PartTable.Message> lockRows(JdbcTx tx, Collection<Long> sortedIds)
            throws SQLException {
        if (tx.dialect() != Dialect.POSTGRES || sortedIds.isEmpty()) {
            return Map.of();
        }
        MultiRow ids = new MultiRow(tx.dialect(), "bigint");
        sortedIds.forEach(ids::add);
        Map<Long, PartTable.Message> locked = new HashMap<>();
        ids.forEachChunk(tx, src -> "SELECT o.id, o.state, o.parts FROM outbound o JOIN (" + src + ") AS q(id) "
                + "ON o.id = q.id ORDER BY o.id FOR UPDATE OF o", ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            locked.put(rs.getLong(1), new PartTable.Message(rs.getString(2), rs.getInt(3)));
                        }
                    }
                });
        return locked;
    }
}
