-- Articles ingest has published, to recognise the same article when it comes again: by canonical
-- URL, by content hash, or by a near-identical text (simhash within a few bits, found through
-- four 16-bit bands: two hashes within 3 bits of each other agree on at least one band).
CREATE TABLE seen_article (
    article_id     uuid PRIMARY KEY,
    canonical_url  text        NOT NULL UNIQUE,
    content_hash   text        NOT NULL UNIQUE,
    simhash        bigint      NOT NULL,
    band0          integer     NOT NULL,
    band1          integer     NOT NULL,
    band2          integer     NOT NULL,
    band3          integer     NOT NULL,
    seen_at        timestamptz NOT NULL
);
CREATE INDEX seen_article_band0 ON seen_article (band0);
CREATE INDEX seen_article_band1 ON seen_article (band1);
CREATE INDEX seen_article_band2 ON seen_article (band2);
CREATE INDEX seen_article_band3 ON seen_article (band3);
