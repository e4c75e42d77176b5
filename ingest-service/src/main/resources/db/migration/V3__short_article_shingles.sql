-- Short articles are also recognised by their word 3-shingles (hashed), which a one-word edit or a
-- headline line more leaves mostly shared, where a 64-bit simhash of a few dozen words moves too far.
ALTER TABLE seen_article ADD COLUMN shingle_count integer;

CREATE TABLE seen_shingle (
    shingle     bigint NOT NULL,
    article_id  uuid   NOT NULL REFERENCES seen_article (article_id) ON DELETE CASCADE,
    PRIMARY KEY (shingle, article_id)
);
CREATE INDEX seen_shingle_article ON seen_shingle (article_id);
