-- Draining the outbound queue: claims with leases, the SMSC message id of every submitted part, the keys a delivery
-- receipt finds a part by, and receipts that arrived before the submission they report on was recorded.

-- A CLAIMED message belongs to claim_owner until lease_until; parts is how many parts the message was sent in.
ALTER TABLE outbound ADD COLUMN claim_owner TEXT;
ALTER TABLE outbound ADD COLUMN lease_until BIGINT;
ALTER TABLE outbound ADD COLUMN parts INTEGER;

-- One row per part accepted by the SMSC; state SUBMITTED until its final receipt (DELIVERED, UNDELIVERABLE, ...).
CREATE TABLE outbound_part (
  outbound_id BIGINT NOT NULL,
  part INTEGER NOT NULL,
  smsc_message_id TEXT NOT NULL,
  state TEXT NOT NULL,
  error TEXT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (outbound_id, part)
);

-- Canonical forms of each part's SMSC message id (hex and decimal readings); exact = 1 for the normalised id itself.
CREATE TABLE outbound_key (
  match_key TEXT NOT NULL,
  outbound_id BIGINT NOT NULL,
  part INTEGER NOT NULL,
  exact INTEGER NOT NULL,
  PRIMARY KEY (match_key, outbound_id, part)
);

-- Receipts that matched no part yet (they may overtake the commit of their own submission); kept a few minutes.
CREATE TABLE outbound_early_receipt (
  match_key TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  error TEXT NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX outbound_early_receipt_age ON outbound_early_receipt (received_at);
