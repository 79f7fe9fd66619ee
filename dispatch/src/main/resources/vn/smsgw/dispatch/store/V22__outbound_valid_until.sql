-- smsgw schema, version 22: until when the SMSC may try to deliver a message (epoch milliseconds; 0 for the SMSC's
-- own default). A campaign's messages are queued with the end of the campaign's validity and submitted with it as
-- their validity_period, so that an SMSC holding one for an unreachable handset does not deliver it after the
-- campaign ended. Replies keep 0.
ALTER TABLE outbound ADD COLUMN valid_until BIGINT NOT NULL DEFAULT 0;
