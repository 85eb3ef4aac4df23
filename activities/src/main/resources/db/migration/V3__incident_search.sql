-- Full-text search behind the list's q filter. The title weighs more than the description.
-- A generated column can only read its own row; folding in status updates and decisions from
-- timeline_events later means replacing it with a trigger-maintained column.
ALTER TABLE incidents
    ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(description, '')), 'B')
    ) STORED;

CREATE INDEX incidents_search_idx ON incidents USING gin (search);
