-- Full-text search. Stored generated tsvector columns (kept current by PostgreSQL on every write, so
-- the recording code needs no change) with GIN indexes; queries use websearch_to_tsquery with the
-- same 'english' configuration. Weights: a match in the title counts most (A), then the summary (B),
-- then the evidence sentence (C).
ALTER TABLE initiative ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A')
    || setweight(to_tsvector('english', summary), 'B')
    || setweight(to_tsvector('english', evidence), 'C')) STORED;
CREATE INDEX initiative_search ON initiative USING gin (search);

-- Articles: title (A) and the start of the cleaned text (C). The text is cut so that a very long
-- article can never exceed PostgreSQL's 1 MB tsvector limit and fail its insert.
ALTER TABLE article ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A')
    || setweight(to_tsvector('english', left(body, 100000)), 'C')) STORED;
CREATE INDEX article_search ON article USING gin (search);

-- Article list filters, as the initiative ones in V1.
CREATE INDEX article_topics ON article USING gin (topics);
CREATE INDEX article_countries ON article USING gin (countries);
CREATE INDEX article_organisations ON article USING gin (organisations);
