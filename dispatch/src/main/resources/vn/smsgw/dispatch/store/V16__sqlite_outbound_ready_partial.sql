-- smsgw schema, version 16 (SQLite only): outbound_ready holds only the messages a claim can take, PENDING and
-- CLAIMED. It held every message ever queued, and each state change moved the message's entry: claim, settlement and
-- the receipt each deleted one entry and inserted another in the single writer's transaction. Now a message leaves the
-- index when its submit_sm is answered, and its receipt does not touch it. The predicate is spelled with OR because
-- SQLite uses a partial index only when the query's terms match its predicate's terms: the claims ask for
-- state = 'PENDING' and state = 'CLAIMED' separately, and the queue depth asks for the predicate itself.

-- sqlite-only
DROP INDEX outbound_ready;
-- sqlite-only
CREATE INDEX outbound_ready ON outbound (state, lane, id) WHERE state = 'PENDING' OR state = 'CLAIMED';
