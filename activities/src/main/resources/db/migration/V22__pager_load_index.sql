-- Pager load (GET /v1/metrics/incidents, pagerLoad): the pages sent in a time range. Every
-- escalation step the incident workflow runs is a `paged` (step 0) or `escalated` (step 1 and on)
-- timeline event whose data names the people notified ({"level": "1", "notified": "alice,bob"}),
-- so the events are the record of who was paged when; this index finds a range's pages without
-- reading the rest of the timeline.
CREATE INDEX timeline_events_pages_idx ON timeline_events (at) WHERE type IN ('paged', 'escalated');
