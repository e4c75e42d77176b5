-- Each replica keeps every mention's merge features in memory (MergeIndex) and, before placing a batch,
-- reads only the mentions written since its last read: the rows whose writer its old snapshot could
-- not see. Mentions are inserted once and what the merge compares of them never changes, so the
-- inserting transaction is the only writer to record.
ALTER TABLE mention ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX mention_written_by ON mention (written_by);
