-- Incidents, numbered from a sequence so that INC-<n> is short, human and never reused.
CREATE SEQUENCE incident_number_seq AS bigint START WITH 1;

CREATE TABLE incidents (
    number           bigint      PRIMARY KEY DEFAULT nextval('incident_number_seq'),
    workflow_id      text        NOT NULL,
    -- With workflow_id the idempotency key of recordIncident: a retry finds the row it made,
    -- and a new incident on the same alert group (a new run of the same workflow id) gets a new one.
    first_run_id     text        NOT NULL,
    title            text        NOT NULL,
    description      text        NOT NULL DEFAULT '',
    severity         text        NOT NULL CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
    service          text        NOT NULL,
    source           text        NOT NULL,
    dedup_key        text,
    declared_by      text,
    status           text        NOT NULL CHECK (status IN ('triggered', 'acknowledged', 'identified',
                                                            'mitigated', 'resolved', 'closed', 'canceled')),
    commander        text,
    roles            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    channel_id       text,
    channel_name     text,
    escalation_level int         NOT NULL DEFAULT 0 CHECK (escalation_level >= 0),
    next_update_due  timestamptz,
    triggered_at     timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    identified_at    timestamptz,
    mitigated_at     timestamptz,
    resolved_at      timestamptz,
    closed_at        timestamptz,
    canceled_at      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT incidents_workflow_run_key UNIQUE (workflow_id, first_run_id)
);

-- Owned by the column so that TRUNCATE ... RESTART IDENTITY restarts it too (tests rely on it).
ALTER SEQUENCE incident_number_seq OWNED BY incidents.number;

-- The list is newest first; each filter narrows it.
CREATE INDEX incidents_newest_idx ON incidents (triggered_at DESC, number DESC);
CREATE INDEX incidents_status_idx ON incidents (status, triggered_at DESC);
CREATE INDEX incidents_severity_idx ON incidents (severity, triggered_at DESC);
CREATE INDEX incidents_service_idx ON incidents (service, triggered_at DESC);
