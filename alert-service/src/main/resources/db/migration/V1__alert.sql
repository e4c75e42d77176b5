-- Alert schema: subscriptions and the deliveries owed to them, one per (subscription, event).

CREATE TABLE subscription (
    id               uuid PRIMARY KEY,
    name             text,
    topics           text[]      NOT NULL,
    countries        text[]      NOT NULL,
    orgs             text[]      NOT NULL,
    keywords         text[]      NOT NULL,
    channel_type     text        NOT NULL,
    webhook_url      text,
    webhook_secret   text,
    token_hash       text        NOT NULL,
    status           text        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE TABLE delivery (
    id               uuid PRIMARY KEY,
    subscription_id  uuid        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    event_id         text        NOT NULL,
    event_type       text        NOT NULL,
    payload          text        NOT NULL,
    status           text        NOT NULL,
    attempts         integer     NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    claimed_until    timestamptz,
    last_status      integer,
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    -- A redelivered Kafka record finds its row here and creates nothing new.
    CONSTRAINT delivery_once UNIQUE (subscription_id, event_id)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX delivery_claimed ON delivery (claimed_until) WHERE status = 'in_flight';
CREATE INDEX delivery_by_subscription ON delivery (subscription_id, created_at DESC);
