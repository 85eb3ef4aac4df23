-- V12's trigger refreshed an incident's search vector on every UPDATE that lists title or
-- description, and every save of a running incident's state lists both (unchanged), so each save
-- re-ran to_tsvector over the title, the description and all status updates and decisions. Now it
-- runs on insert and when either text really changes; status updates and decisions still refresh
-- it through timeline_events' triggers.

DROP TRIGGER incidents_search_refresh ON incidents;

CREATE TRIGGER incidents_search_refresh
    BEFORE INSERT ON incidents
    FOR EACH ROW EXECUTE FUNCTION incidents_search_refresh();

CREATE TRIGGER incidents_search_refresh_on_change
    BEFORE UPDATE OF title, description ON incidents
    FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description)
    EXECUTE FUNCTION incidents_search_refresh();
