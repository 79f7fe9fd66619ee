-- smsgw schema, version 10: the index on outbound.smsc_message_id is dropped.
-- Receipts find a part through outbound_key (every reading of every part's id), and no query looks a message up by
-- the first part's id kept on the row, so the index was written at every settlement and read by nobody.
DROP INDEX outbound_smsc_id;
