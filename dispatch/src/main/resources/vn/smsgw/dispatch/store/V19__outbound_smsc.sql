-- smsgw schema, version 19: the SMSC a message should leave through. A reply goes back through the SMSC its report
-- came in on; empty for any SMSC (campaigns, and every message queued before this version). A claim filters on it
-- after the outbound_ready walk, which already reads each candidate row for not_before and lease_until.
ALTER TABLE outbound ADD COLUMN smsc TEXT NOT NULL DEFAULT '';
