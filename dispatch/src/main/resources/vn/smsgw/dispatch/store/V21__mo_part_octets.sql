-- smsgw schema, version 21: concatenated MO parts keep their user-data octets and text coding, and the message is
-- decoded once its parts' octets are joined (a character can span two parts: a surrogate pair, a UCS-2 unit split on
-- an odd octet, a GSM-7 escape and its code). octets is lowercase hex, coding a TextCoding name; both are NULL for a
-- binary part (body holds its hex, as before) and for parts stored before this version, whose decoded body is used.
-- body still holds the part decoded on its own, as evidence.
-- Group keys name the concatenation scheme from this version on; keys stored before keep their form and still join.
ALTER TABLE mo_part ADD COLUMN octets TEXT;
ALTER TABLE mo_part ADD COLUMN coding TEXT;

-- The case each stored message became, with the parts it had: a part it lacked that arrives later is a late part of
-- that case. NULL for messages stored before this version.
ALTER TABLE mo_part_done ADD COLUMN case_id TEXT;

-- Late parts, kept as evidence of the case of the message that was stored without them. Never expired.
CREATE TABLE mo_late_part (
  group_key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  text_hash TEXT NOT NULL,
  case_id TEXT NOT NULL,
  total INTEGER NOT NULL,
  ref INTEGER NOT NULL,
  reporter TEXT NOT NULL,
  short_code TEXT NOT NULL,
  smsc_id TEXT NOT NULL,
  body TEXT NOT NULL,
  is_binary INTEGER NOT NULL,
  octets TEXT,
  coding TEXT,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (group_key, seq, text_hash)
);
CREATE INDEX mo_late_part_case ON mo_late_part (case_id);
