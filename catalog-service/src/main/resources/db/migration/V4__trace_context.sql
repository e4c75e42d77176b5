-- The W3C traceparent of the consumed event that caused each change, so that the relay, which runs
-- later and on any replica, publishes the change in the same trace. Null for rows written before.
ALTER TABLE outbox ADD COLUMN traceparent text;
