-- smsgw schema, version 12: final outcomes of campaign messages are captured as they happen.
-- The campaign runner copies each campaign message's final state onto its recipient. It used to find them by
-- walking every QUEUED recipient and its outbound row at each pass: the queued recipients include every message
-- waiting for its receipt, so at 10,000 submit_sm/s the walk took a tenth of the process's CPU (async-profiler,
-- `smsgw bench campaign --tps 0`). A trigger now records the message in campaign_outcome in the transaction that
-- makes its state final, whichever path does it (submit response, receipt, in-doubt settlement); the runner reads
-- that table and deletes what it has copied, so each pass costs what it copies.
CREATE TABLE campaign_outcome (
  case_id TEXT NOT NULL,
  outbound_id BIGINT NOT NULL,
  PRIMARY KEY (case_id, outbound_id)
);

-- sqlite-only
CREATE TRIGGER outbound_campaign_outcome AFTER UPDATE OF state ON outbound FOR EACH ROW WHEN NEW.lane = 1 AND NEW.case_id IS NOT NULL AND NEW.state IN ('DELIVERED', 'UNDELIVERABLE', 'EXPIRED', 'REJECTED', 'FAILED') AND OLD.state <> NEW.state BEGIN INSERT OR IGNORE INTO campaign_outcome (case_id, outbound_id) VALUES (NEW.case_id, NEW.id); END;

-- postgres-only
CREATE FUNCTION campaign_outcome_capture() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO campaign_outcome (case_id, outbound_id) VALUES (NEW.case_id, NEW.id) ON CONFLICT DO NOTHING; RETURN NULL; END $$;
-- postgres-only
CREATE TRIGGER outbound_campaign_outcome AFTER UPDATE OF state ON outbound FOR EACH ROW WHEN (NEW.lane = 1 AND NEW.case_id IS NOT NULL AND NEW.state IN ('DELIVERED', 'UNDELIVERABLE', 'EXPIRED', 'REJECTED', 'FAILED') AND OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION campaign_outcome_capture();

-- outcomes reached before this version and not copied yet
INSERT INTO campaign_outcome (case_id, outbound_id)
  SELECT o.case_id, o.id FROM campaign_recipient r JOIN outbound o ON o.id = r.outbound_id
  WHERE r.state = 'QUEUED' AND o.lane = 1 AND o.case_id IS NOT NULL
    AND o.state IN ('DELIVERED', 'UNDELIVERABLE', 'EXPIRED', 'REJECTED', 'FAILED');

-- The recipients' state index also holds the resent flag, so counting a campaign's recipients by state (metrics,
-- status, every second or so while it runs) reads the index alone instead of every recipient row.
DROP INDEX campaign_recipient_state;
CREATE INDEX campaign_recipient_state ON campaign_recipient (campaign_id, state, resent);

-- The campaign index by case id holds unsubmitted messages only (what its queries ask for: the unclaimed backlog,
-- whether anything is left to submit), so submit responses and receipts no longer rewrite it; with lane among its
-- columns SQLite counts the backlog from the index alone. Its queries say lane = 1 and name the states with '=' (an
-- IN list does not let SQLite use a partial index).
DROP INDEX outbound_case;
CREATE INDEX outbound_case ON outbound (case_id, state, lane) WHERE lane = 1 AND (state = 'PENDING' OR state = 'CLAIMED');
