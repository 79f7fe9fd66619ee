-- smsgw schema, version 20: concatenated MO parts keep their user-data octets and text coding, and the message is
-- decoded once its parts' octets are joined (a character can span two parts: a surrogate pair, a UCS-2 unit split on
-- an odd octet, a GSM-7 escape and its code). octets is lowercase hex, coding a TextCoding name; both are NULL for a
-- binary part (body holds its hex, as before) and for parts stored before this version, whose decoded body is used.
-- body still holds the part decoded on its own, as evidence.
-- Group keys name the concatenation scheme from this version on; keys stored before keep their form and still join.
ALTER TABLE mo_part ADD COLUMN octets TEXT;
ALTER TABLE mo_part ADD COLUMN coding TEXT;
