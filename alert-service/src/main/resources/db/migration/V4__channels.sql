-- Channels beyond webhooks: e-mail with double opt-in, stored notifications (live streams and
-- digests), and the digest windows already cut.

-- none | hourly | daily: whether a subscription's notifications are sent one by one or in windows.
ALTER TABLE subscription ADD COLUMN digest text NOT NULL DEFAULT 'none';

CREATE TABLE email_channel (
    subscription_id    uuid PRIMARY KEY REFERENCES subscription (id) ON DELETE CASCADE,
    address            text        NOT NULL,
    -- Random, unguessable link tokens; the unsubscribe token goes into every mail, so it is kept readable.
    confirm_token      text        NOT NULL UNIQUE,
    unsubscribe_token  text        NOT NULL UNIQUE,
    created_at         timestamptz NOT NULL,
    confirmed_at       timestamptz,
    unsubscribed_at    timestamptz
);

-- Notifications kept for live streams (resumable by id) and for digests still waiting for their window.
CREATE TABLE notification (
    id                  bigserial PRIMARY KEY,
    subscription_id     uuid        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    event_id            text        NOT NULL,
    event_type          text        NOT NULL,
    payload             text        NOT NULL,
    created_at          timestamptz NOT NULL,
    digest_pending      boolean     NOT NULL DEFAULT false,
    -- The digest delivery that carried it, once its window was cut.
    digest_delivery_id  uuid,
    CONSTRAINT notification_once UNIQUE (subscription_id, event_id)
);
CREATE INDEX notification_stream ON notification (subscription_id, id);
CREATE INDEX notification_digest_pending ON notification (subscription_id, created_at) WHERE digest_pending;
CREATE INDEX notification_age ON notification (created_at) WHERE NOT digest_pending;

-- One digest per subscription and window: the key that makes a window impossible to send twice.
CREATE TABLE digest_window (
    subscription_id  uuid        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    window_start     timestamptz NOT NULL,
    window_end       timestamptz NOT NULL,
    delivery_id      uuid        NOT NULL,
    notifications    integer     NOT NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (subscription_id, window_start)
);
