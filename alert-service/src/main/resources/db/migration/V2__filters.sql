-- Subscription filters beyond the lists: an optional query, and which kinds of catalog change notify.

ALTER TABLE subscription ADD COLUMN query text;
ALTER TABLE subscription ADD COLUMN events text[] NOT NULL DEFAULT '{initiative.cataloged}';

-- Every replica refreshes its in-memory subscription index from the rows changed since its last look.
CREATE INDEX subscription_changed ON subscription (updated_at);
