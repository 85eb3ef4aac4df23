-- Who marked each done action item done: the person's handle, or jira when its Jira issue was
-- closed. Until now only the item's action_item_done timeline event said it, so the action-item
-- list could say when an item was done but not by whom. Its workflow writes it with every save
-- from now on, and clears it when Jira reopens the item.
--
-- Items done before this get the by_whom of their latest action_item_done event (the events of an
-- item carry its id, AI-<number>, in data.actionItem).
ALTER TABLE action_items ADD COLUMN done_by text;

UPDATE action_items a
SET done_by = (
    SELECT e.by_whom
    FROM timeline_events e
    WHERE e.incident_number = a.incident_number
      AND e.type = 'action_item_done'
      AND e.data ->> 'actionItem' = 'AI-' || a.number
    ORDER BY e.sequence DESC
    LIMIT 1)
WHERE a.status = 'done';
