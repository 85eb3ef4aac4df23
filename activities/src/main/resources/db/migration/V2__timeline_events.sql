-- The timeline of each incident. The workflow numbers its events from 1, so (incident, sequence)
-- makes writing the same event twice (an activity retry) a no-op.
CREATE TABLE timeline_events (
    incident_number bigint      NOT NULL REFERENCES incidents (number) ON DELETE CASCADE,
    sequence        int         NOT NULL CHECK (sequence >= 1),
    at              timestamptz NOT NULL,
    type            text        NOT NULL,
    by_whom         text        NOT NULL,
    text            text        NOT NULL DEFAULT '',
    data            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (incident_number, sequence)
);
