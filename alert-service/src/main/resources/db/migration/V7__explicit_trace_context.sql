-- The consumer now writes each delivery's traceparent itself, so one transaction can store the
-- deliveries of many events, each continuing its own trace.
ALTER TABLE delivery ALTER COLUMN traceparent DROP DEFAULT;
