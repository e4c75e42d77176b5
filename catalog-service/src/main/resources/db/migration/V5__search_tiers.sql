-- Relevance tiers of catalog entries: a query matching the title alone ranks first, then one matching
-- the summary alone, then any other match. The title and summary parts of the V3 tsvector (weights A
-- and B) get their own GIN indexes on the expressions the queries use, so no column or write changes.
CREATE INDEX initiative_search_title ON initiative USING gin (ts_filter(search, '{a}'));
CREATE INDEX initiative_search_summary ON initiative USING gin (ts_filter(search, '{b}'));
