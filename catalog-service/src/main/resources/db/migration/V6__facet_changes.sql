-- Facet counts are served from a copy of the entries' facet columns that each replica keeps in memory
-- (FacetIndex). Before answering, a replica reads the rows written since its last snapshot: every row
-- records the transaction that last wrote it, and rows whose writer the old snapshot could not see are
-- exactly the changed ones (a 64-bit xid8 never wraps). Entries are never deleted.
ALTER TABLE initiative ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX initiative_written_by ON initiative (written_by);

CREATE FUNCTION initiative_written_by() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.written_by := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER initiative_written_by BEFORE UPDATE ON initiative
    FOR EACH ROW EXECUTE FUNCTION initiative_written_by();
