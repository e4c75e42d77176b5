-- Cross-article merge: a catalog entry gathers the mentions of one initiative from many articles.
-- A mention is now identified by the extracted initiative it came from (ingest's id), so one
-- article may report an entry more than once and a redelivered extraction finds its mention.

ALTER TABLE mention ADD COLUMN extracted_id uuid;
-- Before merging, an entry's id was its first extraction's id; later copies get a derived id.
WITH numbered AS (
    SELECT initiative_id, article_id,
           row_number() OVER (PARTITION BY initiative_id ORDER BY mentioned_at, article_id) AS n
    FROM mention
)
UPDATE mention m
SET extracted_id = CASE WHEN numbered.n = 1 THEN m.initiative_id
                        ELSE md5(m.initiative_id::text || '|' || m.article_id::text)::uuid END
FROM numbered
WHERE numbered.initiative_id = m.initiative_id AND numbered.article_id = m.article_id;
ALTER TABLE mention ALTER COLUMN extracted_id SET NOT NULL;
ALTER TABLE mention DROP CONSTRAINT mention_pkey;
ALTER TABLE mention ADD PRIMARY KEY (extracted_id);
CREATE INDEX mention_initiative ON mention (initiative_id, mentioned_at);

-- What the mention's article said, kept as reported, and what the merge compares.
ALTER TABLE mention
    ADD COLUMN source        text,
    ADD COLUMN title         text,
    ADD COLUMN countries     text[] NOT NULL DEFAULT '{}',
    ADD COLUMN organisations text[] NOT NULL DEFAULT '{}',
    -- Normalised party keys ("US", "org:nasa"): two mentions merge only when they share one.
    ADD COLUMN party_keys    text[] NOT NULL DEFAULT '{}',
    -- Normalised word stems of the title, and of title plus evidence.
    ADD COLUMN title_terms   text[] NOT NULL DEFAULT '{}',
    ADD COLUMN terms         text[] NOT NULL DEFAULT '{}';
UPDATE mention m SET title = i.title, countries = i.countries, organisations = i.organisations
FROM initiative i WHERE i.id = m.initiative_id;
UPDATE mention m SET source = a.source FROM article a WHERE a.id = m.article_id;
ALTER TABLE mention ALTER COLUMN title SET NOT NULL;
CREATE INDEX mention_party_keys ON mention USING gin (party_keys);
CREATE INDEX mention_time ON mention (mentioned_at);

-- Every stage an entry has been at, with the mention that moved it there.
CREATE TABLE stage_history (
    id              bigserial PRIMARY KEY,
    initiative_id   uuid        NOT NULL REFERENCES initiative (id),
    stage           text        NOT NULL,
    previous_stage  text,
    extracted_id    uuid,
    article_id      uuid,
    changed_at      timestamptz NOT NULL
);
CREATE INDEX stage_history_initiative ON stage_history (initiative_id, id);
INSERT INTO stage_history (initiative_id, stage, changed_at)
SELECT id, stage, first_seen_at FROM initiative;
