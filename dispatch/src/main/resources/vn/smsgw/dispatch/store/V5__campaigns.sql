-- Awareness campaigns: one row per campaign, one row per recipient. A recipient moves into the outbound queue
-- (lane CAMPAIGN, case_id 'campaign-<id>') in the same transaction that marks it QUEUED with the outbound id, so a
-- crash can neither skip nor duplicate that move.

-- window_from/window_to: minutes after midnight, Asia/Ho_Chi_Minh. start_at 0: as soon as started.
-- next_slot: epoch microseconds of the next free send slot, shared by every process pacing the campaign.
CREATE TABLE campaign (
  id {{AUTO_ID}},
  name TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  encoding_mode TEXT NOT NULL,
  sender TEXT NOT NULL,
  window_from INTEGER NOT NULL,
  window_to INTEGER NOT NULL,
  tps INTEGER NOT NULL,
  validity_ms BIGINT NOT NULL,
  start_at BIGINT NOT NULL,
  max_attempts INTEGER NOT NULL,
  state TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  expires_at BIGINT,
  next_slot BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- msisdn: E.164 digits without '+'. state PENDING | QUEUED (outbound_id set; its fate is the outbound row's) |
-- DELIVERED | FAILED | EXPIRED | CANCELLED. attempts: moves into the outbound queue; resent: 1 when the outbound
-- message was claimed again after its first claim ended without an outcome (the process died mid-submit).
CREATE TABLE campaign_recipient (
  campaign_id BIGINT NOT NULL,
  msisdn TEXT NOT NULL,
  state TEXT NOT NULL,
  outbound_id BIGINT,
  attempts INTEGER NOT NULL,
  resent INTEGER NOT NULL,
  error TEXT,
  PRIMARY KEY (campaign_id, msisdn)
);
CREATE INDEX campaign_recipient_state ON campaign_recipient (campaign_id, state);
CREATE INDEX campaign_recipient_outbound ON campaign_recipient (outbound_id) WHERE outbound_id IS NOT NULL;
CREATE INDEX outbound_case ON outbound (case_id, state);
