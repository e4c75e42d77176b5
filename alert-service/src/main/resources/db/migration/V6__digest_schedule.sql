-- Daily and weekly digests at a delivery time of the subscriber's choosing, in their time zone
-- (e.g. daily at 08:00 Europe/Berlin; weekly on Monday). Null: windows aligned in UTC as before.
ALTER TABLE subscription ADD COLUMN digest_at time;
ALTER TABLE subscription ADD COLUMN digest_zone text;
ALTER TABLE subscription ADD COLUMN digest_day text;
