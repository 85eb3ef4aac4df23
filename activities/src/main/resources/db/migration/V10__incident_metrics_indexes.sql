-- Indexes behind GET /v1/metrics/incidents. The range on triggered_at uses incidents_newest_idx (V1).

-- "Was this incident reopened?" is a probe per incident for the one event type that says so.
CREATE INDEX timeline_events_reopened_idx ON timeline_events (incident_number) WHERE type = 'reopened';

-- "Is this a repeat?": an incident closed in the 30 days before this one started with the same alert
-- dedup key, or the same service and title. Keys and titles are unbounded text and a B-tree entry
-- must fit in about 2.7 kB, so the indexes hold their md5 and the query compares both md5 and text.
CREATE INDEX incidents_repeat_dedup_idx ON incidents (md5(dedup_key), closed_at)
    WHERE dedup_key IS NOT NULL AND closed_at IS NOT NULL;
CREATE INDEX incidents_repeat_title_idx ON incidents (service, md5(title), closed_at)
    WHERE closed_at IS NOT NULL;
