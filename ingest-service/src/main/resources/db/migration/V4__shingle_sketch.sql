-- A short article keeps only the smallest 64 of its shingle hashes (a bottom-k sketch) instead of all of them,
-- about 400 rows for a 400-word text; sketch_limit is the largest hash it kept (NULL: it kept them all, as
-- every article stored before this did).
ALTER TABLE seen_article ADD COLUMN sketch_limit bigint;
