-- One postmortem per incident, written by its PostmortemWorkflow; the Jira webhook finds the
-- workflow of an issue through jira_key.
CREATE TABLE postmortems (
    incident_number bigint      PRIMARY KEY REFERENCES incidents (number) ON DELETE CASCADE,
    workflow_id     text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('scheduled', 'overdue', 'published')),
    due_at          timestamptz NOT NULL,
    jira_key        text,
    jira_url        text,
    published_url   text,
    summary         text,
    published_by    text,
    published_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX postmortems_jira_key_idx ON postmortems (jira_key) WHERE jira_key IS NOT NULL;

-- Postmortem action items (AI-<number>), one ActionItemWorkflow each. workflow_id is the
-- idempotency key of recording one: a retry, or the run that chases a reopened item, finds its row.
CREATE SEQUENCE action_item_number_seq AS bigint START WITH 1;

CREATE TABLE action_items (
    number          bigint      PRIMARY KEY DEFAULT nextval('action_item_number_seq'),
    workflow_id     text        NOT NULL UNIQUE,
    incident_number bigint      NOT NULL REFERENCES incidents (number) ON DELETE CASCADE,
    title           text        NOT NULL,
    owner           text        NOT NULL,
    due             date        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('root_cause', 'improvement')),
    status          text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'overdue', 'done')),
    jira_key        text,
    jira_url        text,
    -- 0 when added, one more each time Jira reopens the item after it was done.
    round           int         NOT NULL DEFAULT 0 CHECK (round >= 0),
    created_by      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    done_at         timestamptz
);

-- Owned by the column so that TRUNCATE ... RESTART IDENTITY restarts it too (tests rely on it).
ALTER SEQUENCE action_item_number_seq OWNED BY action_items.number;

-- GET /v1/action-items?status=&owner= lists soonest due first.
CREATE INDEX action_items_status_idx ON action_items (status, due, number);
CREATE INDEX action_items_owner_idx ON action_items (owner, due, number);
CREATE INDEX action_items_incident_idx ON action_items (incident_number);
CREATE INDEX action_items_jira_key_idx ON action_items (jira_key) WHERE jira_key IS NOT NULL;
