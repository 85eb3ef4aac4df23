-- Events that workflows other than the incident's own (its postmortem, its action items) add to
-- the incident's timeline. The incident workflow numbers its events 1, 2, 3, ... in its state; the
-- others take numbers from 1000000000 up, allocated by the database under a lock on the incident
-- row, so neither side can take the other's numbers. Each such event carries the key of the
-- workflow step that made it, which makes appending it again (a retry, a replay) a no-op.
ALTER TABLE timeline_events ADD COLUMN idempotency_key text;

CREATE UNIQUE INDEX timeline_events_idempotency_idx
    ON timeline_events (incident_number, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
