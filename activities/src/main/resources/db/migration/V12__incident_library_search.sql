-- The incident library: status updates and decisions become searchable next to the title and the
-- description. A generated column can only read its own row, so `search` (V3) becomes a column that
-- triggers keep up to date: on the incident when its title or description changes, and on every
-- status update or decision written to its timeline. Weights: title A, description B, updates and
-- decisions C, so ts_rank still prefers a title match.

DROP INDEX incidents_search_idx;
ALTER TABLE incidents DROP COLUMN search;
ALTER TABLE incidents ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector;

-- Everything searchable about one incident. Whoever adds searchable text (postmortem summaries)
-- replaces this function and re-runs the backfill at the end of this file.
CREATE FUNCTION incident_search_vector(incident bigint, title text, description text)
    RETURNS tsvector
    LANGUAGE sql STABLE
AS $$
    SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(description, '')), 'B')
        || setweight(to_tsvector('english', coalesce(
               (SELECT string_agg(e.text, E'\n' ORDER BY e.sequence)
                  FROM timeline_events e
                 WHERE e.incident_number = incident
                   AND e.type IN ('status_update', 'decision')), '')), 'C')
$$;

CREATE FUNCTION incidents_search_refresh() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.search := incident_search_vector(NEW.number, NEW.title, NEW.description);
    RETURN NEW;
END
$$;

CREATE TRIGGER incidents_search_refresh
    BEFORE INSERT OR UPDATE OF title, description ON incidents
    FOR EACH ROW EXECUTE FUNCTION incidents_search_refresh();

-- Timeline events are append-only (the store inserts them, skipping duplicates), so inserts and the
-- odd correction by hand are what can change an incident's searchable text.
CREATE FUNCTION timeline_events_search_refresh() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE incidents
       SET search = incident_search_vector(number, title, description)
     WHERE number = NEW.incident_number;
    RETURN NULL;
END
$$;

CREATE TRIGGER timeline_events_search_insert
    AFTER INSERT ON timeline_events
    FOR EACH ROW WHEN (NEW.type IN ('status_update', 'decision'))
    EXECUTE FUNCTION timeline_events_search_refresh();

CREATE TRIGGER timeline_events_search_update
    AFTER UPDATE OF type, text ON timeline_events
    FOR EACH ROW WHEN (NEW.type IN ('status_update', 'decision') OR OLD.type IN ('status_update', 'decision'))
    EXECUTE FUNCTION timeline_events_search_refresh();

UPDATE incidents SET search = incident_search_vector(number, title, description);

CREATE INDEX incidents_search_idx ON incidents USING gin (search);
