-- A tsvector holds at most 1 MB (1,048,575 bytes), and a text of that size with many distinct
-- words (a pasted log, a stack trace) makes a bigger one: `string is too long for tsvector`. The
-- error failed the statement that wrote the text, the save of an incident whose status update,
-- decision, title or description it was, and so every retry of that save, and the incident stopped
-- taking changes. Now, when the whole text does not fit, the search vector is made from the start
-- of each text (the title, the description, each status update and decision), all cut to one
-- length that is halved until they fit: the incident is still found by its title, its short
-- updates and the first words of a long one, whose rest is left out of search (it stays on the
-- timeline).
--
-- Only the vector's own size limit is caught (program_limit_exceeded): any other error fails the
-- write as before. The block costs a subtransaction that writes nothing, so it takes no
-- transaction id.

CREATE OR REPLACE FUNCTION incident_search_vector(incident bigint, title text, description text)
    RETURNS tsvector
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    kept integer := greatest(
        length(coalesce(title, '')),
        length(coalesce(description, '')),
        (SELECT max(length(e.text))
           FROM timeline_events e
          WHERE e.incident_number = incident
            AND e.type IN ('status_update', 'decision')),
        0);
BEGIN
    LOOP
        BEGIN
            RETURN setweight(to_tsvector('english', left(coalesce(title, ''), kept)), 'A')
                || setweight(to_tsvector('english', left(coalesce(description, ''), kept)), 'B')
                || setweight(to_tsvector('english', coalesce(
                       (SELECT string_agg(left(e.text, kept), E'\n' ORDER BY e.sequence)
                          FROM timeline_events e
                         WHERE e.incident_number = incident
                           AND e.type IN ('status_update', 'decision')), '')), 'C');
        EXCEPTION WHEN program_limit_exceeded THEN
            kept := kept / 2;
        END;
    END LOOP;
END
$$;
