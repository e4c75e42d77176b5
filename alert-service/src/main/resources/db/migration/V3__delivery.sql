-- Reliable webhook delivery: why a subscription was disabled, how long its endpoint has been failing,
-- the previous signing secret during a rotation's overlap, and a log of every delivery attempt.

-- active | unconfirmed | unsubscribed | disabled; a disabled subscription matches nothing and sends nothing
-- until its owner enables it again.
ALTER TABLE subscription ADD COLUMN disabled_reason text;
ALTER TABLE subscription ADD COLUMN disabled_at timestamptz;
-- Start of the current run of failed attempts (null after a success): the endpoint is disabled when it
-- has failed without a break for accord.alert.delivery.disable-after.
ALTER TABLE subscription ADD COLUMN failing_since timestamptz;
-- After a rotation both secrets sign until the overlap ends, so receivers can switch at their own pace.
ALTER TABLE subscription ADD COLUMN previous_webhook_secret text;
ALTER TABLE subscription ADD COLUMN previous_secret_expires_at timestamptz;

-- A manual retry or replay is one attempt: if it fails, the delivery is dead again.
ALTER TABLE delivery ADD COLUMN final_attempt boolean NOT NULL DEFAULT false;

CREATE TABLE delivery_attempt (
    id            bigserial PRIMARY KEY,
    delivery_id   uuid        NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempted_at  timestamptz NOT NULL,
    -- null when no HTTP answer came back (timeout, refused connection, blocked address)
    status_code   integer,
    latency_ms    integer     NOT NULL,
    error         text
);
CREATE INDEX delivery_attempt_by_delivery ON delivery_attempt (delivery_id, id);
