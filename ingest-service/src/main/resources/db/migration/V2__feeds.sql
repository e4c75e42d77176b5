-- RSS/Atom feeds ingest polls, and the entries it has seen in each.
CREATE TABLE feed (
    id                     uuid PRIMARY KEY,
    url                    text        NOT NULL,
    -- The same feed registered twice (tracking parameters, host case, ...) is one feed.
    canonical_url          text        NOT NULL UNIQUE,
    title                  text,
    status                 text        NOT NULL,  -- active | failing | disabled
    created_at             timestamptz NOT NULL,
    -- Validators of the last document read, sent back for a conditional GET.
    etag                   text,
    last_modified          text,
    last_polled_at         timestamptz,
    last_success_at        timestamptz,
    last_http_status       integer,
    -- The adaptive interval between successful polls; errors back off from the minimum instead.
    poll_interval_seconds  bigint      NOT NULL,
    next_poll_at           timestamptz,           -- null while disabled
    error_count            integer     NOT NULL DEFAULT 0,  -- consecutive failed polls
    last_error             text,
    last_error_at          timestamptz,
    entries_seen           integer     NOT NULL DEFAULT 0,
    entries_failed         integer     NOT NULL DEFAULT 0,
    -- A replica polling the feed holds it until then; an expired lease (dead replica) frees it.
    leased_until           timestamptz,
    lease_owner            text
);
CREATE INDEX feed_due ON feed (next_poll_at) WHERE status <> 'disabled';
CREATE INDEX feed_by_created ON feed (created_at DESC, id DESC);

-- One row per entry of a feed ever seen, by its identity (GUID, else link, else content hash), so a
-- later poll ingests only what is new. Failed entries are retried up to a limit.
CREATE TABLE feed_entry (
    id               uuid PRIMARY KEY,
    feed_id          uuid        NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
    entry_key        text        NOT NULL,
    link             text,
    title            text,
    status           text        NOT NULL,  -- ingested | duplicate | failed
    article_id       uuid,
    error            text,
    attempts         integer     NOT NULL,
    first_seen_at    timestamptz NOT NULL,
    last_attempt_at  timestamptz NOT NULL,
    CONSTRAINT feed_entry_once UNIQUE (feed_id, entry_key)
);
CREATE INDEX feed_entry_by_feed ON feed_entry (feed_id, first_seen_at DESC, id DESC);
