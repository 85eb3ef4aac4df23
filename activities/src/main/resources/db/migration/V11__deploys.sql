-- Deploy events (POST /v1/deploys), for correlating incidents with what changed just before.
-- A deploy is identified by (service, version, deployed_at): a CI job that posts twice makes one row.
CREATE TABLE deploys (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service     text        NOT NULL,
    version     text        NOT NULL,
    commit_ref  text,
    url         text,
    deployed_at timestamptz NOT NULL,
    author      text,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deploys_service_version_time_key UNIQUE (service, version, deployed_at)
);

-- "Deploys to these services in the two hours before the incident started", newest first.
CREATE INDEX deploys_service_time_idx ON deploys (service, deployed_at DESC);
