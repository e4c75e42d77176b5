-- An entry's events list its first articles: its mentions are read in (time, id) order, a few hundred
-- at most, however many articles have reported it. This index gives that order; it replaces V2's
-- (initiative_id, mentioned_at), of which it is an extension.
CREATE INDEX mention_initiative_order ON mention (initiative_id, mentioned_at, extracted_id);
DROP INDEX mention_initiative;
