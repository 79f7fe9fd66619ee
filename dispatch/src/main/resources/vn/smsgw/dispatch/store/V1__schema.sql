-- smsgw schema, version 1. Times are epoch milliseconds (UTC); booleans are 0/1 integers.

-- Every MO message kept as evidence, accepted or rejected. Ids come from report_id_seq (PostgreSQL) or the single
-- embedded writer (SQLite); case_id is a keyed permutation of the id (found through the id, so not indexed).
-- dedupe_key is cleared once the dedupe window is over.
CREATE TABLE report (
  id {{ID}},
  case_id TEXT NOT NULL,
  dedupe_key TEXT UNIQUE,
  received_at BIGINT NOT NULL,
  committed_at BIGINT NOT NULL,
  reporter TEXT NOT NULL,
  short_code TEXT NOT NULL,
  smsc_id TEXT NOT NULL,
  form TEXT NOT NULL,
  raw_text TEXT NOT NULL,
  command TEXT,
  source TEXT,
  source_type TEXT,
  carrier TEXT,
  content TEXT,
  error TEXT,
  flags INTEGER NOT NULL,
  reporters_so_far INTEGER NOT NULL
);
CREATE INDEX report_received ON report (received_at);
CREATE INDEX report_committed ON report (committed_at);
-- postgres-only
CREATE SEQUENCE report_id_seq;

-- Per reporter and UTC+7 day: reports counted against the daily quota.
CREATE TABLE reporter_day (
  reporter TEXT NOT NULL,
  day INTEGER NOT NULL,
  reports INTEGER NOT NULL,
  PRIMARY KEY (reporter, day)
);

-- Per reporter and hour: replies queued, for the reply rate limit.
CREATE TABLE reporter_hour (
  reporter TEXT NOT NULL,
  hour INTEGER NOT NULL,
  replies INTEGER NOT NULL,
  PRIMARY KEY (reporter, hour)
);

-- Distinct reporters per (list, source, command); reporter is a keyed hash, never the number.
CREATE TABLE blocklist_vote (
  list TEXT NOT NULL,
  source TEXT NOT NULL,
  command TEXT NOT NULL,
  reporter_hash TEXT NOT NULL,
  voted_at BIGINT NOT NULL,
  PRIMARY KEY (list, source, command, reporter_hash)
);

CREATE TABLE blocklist_entry (
  list TEXT NOT NULL,
  source TEXT NOT NULL,
  source_type TEXT NOT NULL,
  state TEXT NOT NULL,
  reporters INTEGER NOT NULL,
  first_reported_at BIGINT NOT NULL,
  last_reported_at BIGINT NOT NULL,
  listed_at BIGINT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (list, source)
);
CREATE INDEX blocklist_entry_state ON blocklist_entry (list, state);

-- The change feed: listed/delisted events per list, consumed after a cursor (seq).
CREATE TABLE blocklist_event (
  seq {{AUTO_ID}},
  list TEXT NOT NULL,
  source TEXT NOT NULL,
  source_type TEXT NOT NULL,
  event TEXT NOT NULL,
  reason TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX blocklist_event_list ON blocklist_event (list, seq);

CREATE TABLE blocklist_audit (
  id {{AUTO_ID}},
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  list TEXT,
  source TEXT NOT NULL,
  reason TEXT NOT NULL
);

CREATE TABLE allowlist (
  source TEXT PRIMARY KEY,
  note TEXT NOT NULL,
  origin TEXT NOT NULL,
  added_at BIGINT NOT NULL
);

-- Number portability overrides: the carrier that serves a number today, loaded by the operator from CSV.
CREATE TABLE portability (
  msisdn TEXT PRIMARY KEY,
  carrier TEXT NOT NULL,
  loaded_at BIGINT NOT NULL
);

-- The police outbox: one row per police case, committed with its report; relayed or pulled, acked by case id.
CREATE TABLE police_outbox (
  id {{AUTO_ID}},
  case_id TEXT NOT NULL UNIQUE,
  payload TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  sent_at BIGINT,
  acked_at BIGINT
);
CREATE INDEX police_outbox_state ON police_outbox (state, next_attempt_at, id);

-- The outbound queue (MT): lane 0 = replies, lane 1 = campaigns; replies always go first.
CREATE TABLE outbound (
  id {{AUTO_ID}},
  lane INTEGER NOT NULL,
  state TEXT NOT NULL,
  destination TEXT NOT NULL,
  sender TEXT NOT NULL,
  body TEXT NOT NULL,
  case_id TEXT,
  kind TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  not_before BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  smsc_message_id TEXT,
  error TEXT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX outbound_ready ON outbound (state, lane, id);
CREATE INDEX outbound_smsc_id ON outbound (smsc_message_id);
