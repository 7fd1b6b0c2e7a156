-- A branch's own time zone (an IANA id), for a chain whose branches lie in more than one zone: the hours its
-- capabilities keep (e.g. the call hours of bashgah-surveys) are in it. NULL: the organisation's zone, so the
-- branches there before keep theirs.
ALTER TABLE core_branch ADD COLUMN time_zone VARCHAR(64);
