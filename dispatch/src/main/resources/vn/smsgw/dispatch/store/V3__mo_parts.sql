-- Concatenated MO parts, stored (and acknowledged) one by one, reassembled in the commit that stores the whole.
-- group_key identifies one concatenated message: SMSC, reporter, short code, reference and total.
CREATE TABLE mo_part (
  group_key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  total INTEGER NOT NULL,
  ref INTEGER NOT NULL,
  reporter TEXT NOT NULL,
  short_code TEXT NOT NULL,
  smsc_id TEXT NOT NULL,
  body TEXT NOT NULL,
  is_binary INTEGER NOT NULL,
  text_hash TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (group_key, seq)
);

-- One row per open group: the distinct parts seen; its row lock serialises processes adding parts of one group.
CREATE TABLE mo_group (
  group_key TEXT PRIMARY KEY,
  parts INTEGER NOT NULL,
  total INTEGER NOT NULL,
  first_received_at BIGINT NOT NULL
);
CREATE INDEX mo_group_age ON mo_group (first_received_at);

-- Parts of groups already reassembled, so that a late redelivery of a part is recognised, not a new message.
CREATE TABLE mo_part_done (
  group_key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  text_hash TEXT NOT NULL,
  done_at BIGINT NOT NULL,
  PRIMARY KEY (group_key, seq, text_hash)
);
CREATE INDEX mo_part_done_age ON mo_part_done (done_at);
