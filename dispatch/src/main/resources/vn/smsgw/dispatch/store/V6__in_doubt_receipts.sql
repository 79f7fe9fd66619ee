-- A receipt that matched no part keeps who it is about (its source_addr, the subscriber) and to whom (its
-- destination_addr, the sender of the message), so that a message left CLAIMED by a process that died mid-submit can
-- be settled by the receipt of the submit_sm that reached the SMSC, instead of being submitted a second time.
ALTER TABLE outbound_early_receipt ADD COLUMN subscriber TEXT NOT NULL DEFAULT '';
ALTER TABLE outbound_early_receipt ADD COLUMN sender TEXT NOT NULL DEFAULT '';
CREATE INDEX outbound_early_receipt_subscriber ON outbound_early_receipt (subscriber);
