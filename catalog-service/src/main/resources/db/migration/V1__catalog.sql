-- Catalog schema: articles, initiatives (catalog entries), their mentions, the processed-event log
-- that makes consumption idempotent, and the outbox relayed to accord.catalog.

CREATE TABLE article (
    id              uuid PRIMARY KEY,
    url             text        NOT NULL,
    source          text        NOT NULL,
    title           text        NOT NULL,
    published_at    timestamptz,
    ingested_at     timestamptz NOT NULL,
    language        text        NOT NULL,
    body            text        NOT NULL,
    content_hash    text        NOT NULL,
    topics          text[]      NOT NULL,
    countries       text[]      NOT NULL,
    organisations   text[]      NOT NULL,
    people          text[]      NOT NULL,
    initiative_ids  uuid[]      NOT NULL,
    cataloged_at    timestamptz NOT NULL
);
CREATE INDEX article_page_order ON article (cataloged_at DESC, id DESC);

CREATE TABLE initiative (
    id                 uuid PRIMARY KEY,
    title              text             NOT NULL,
    summary            text             NOT NULL,
    evidence           text             NOT NULL,
    evidence_start     integer          NOT NULL,
    evidence_end       integer          NOT NULL,
    countries          text[]           NOT NULL,
    organisations      text[]           NOT NULL,
    topics             text[]           NOT NULL,
    stage              text             NOT NULL,
    confidence         double precision NOT NULL,
    extractor_version  text             NOT NULL,
    first_seen_at      timestamptz      NOT NULL,
    updated_at         timestamptz      NOT NULL
);
CREATE INDEX initiative_page_order ON initiative (first_seen_at DESC, id DESC);
CREATE INDEX initiative_topics ON initiative USING gin (topics);
CREATE INDEX initiative_countries ON initiative USING gin (countries);
CREATE INDEX initiative_organisations ON initiative USING gin (organisations);
CREATE INDEX initiative_stage ON initiative (stage);

-- Every report of an initiative by an article, with what that article claimed.
CREATE TABLE mention (
    initiative_id  uuid        NOT NULL REFERENCES initiative (id),
    article_id     uuid        NOT NULL,
    evidence       text        NOT NULL,
    stage          text        NOT NULL,
    mentioned_at   timestamptz NOT NULL,
    PRIMARY KEY (initiative_id, article_id)
);
CREATE INDEX mention_article ON mention (article_id);

CREATE TABLE processed_event (
    event_id      text PRIMARY KEY,
    processed_at  timestamptz NOT NULL
);

CREATE TABLE outbox (
    id            bigserial PRIMARY KEY,
    event_id      uuid        NOT NULL UNIQUE,
    event_type    text        NOT NULL,
    aggregate_id  uuid        NOT NULL,
    payload       text        NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;
