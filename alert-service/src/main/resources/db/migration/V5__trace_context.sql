-- The W3C traceparent of the catalog event a delivery answers, so the webhook sent later (by any
-- replica) continues that trace. The default reads a transaction-local setting that the Kafka
-- consumer sets before matching (DeliveryTraces.bind), so the rows get it whichever code inserts them.
ALTER TABLE delivery ADD COLUMN traceparent text DEFAULT NULLIF(current_setting('accord.traceparent', true), '');
