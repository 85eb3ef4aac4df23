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
-- The title and the description keep at least their first 1,000 characters, so the incident is
-- still found by its title whatever its updates hold. The lengths are only read once the whole text
-- did not fit: a save whose text fits (nearly every one) costs what it did, plus a subtransaction
-- that writes nothing and so takes no transaction id. Only the vector's own size limit is caught
-- (program_limit_exceeded): any other error fails the write as before, and so does the limit if
-- even the shortest cut does not fit, which two texts of 1,000 characters cannot reach.

CREATE OR REPLACE FUNCTION incident_search_vector(incident bigint, title text, description text)
    RETURNS tsvector
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    kept integer; -- NULL: every text whole
BEGIN
    LOOP
        BEGIN
            RETURN setweight(to_tsvector('english', CASE WHEN kept IS NULL
                       THEN coalesce(title, '')
                       ELSE left(coalesce(title, ''), greatest(kept, 1000)) END), 'A')
                || setweight(to_tsvector('english', CASE WHEN kept IS NULL
                       THEN coalesce(description, '')
                       ELSE left(coalesce(description, ''), greatest(kept, 1000)) END), 'B')
                || setweight(to_tsvector('english', coalesce(
                       (SELECT string_agg(CASE WHEN kept IS NULL THEN e.text ELSE left(e.text, kept) END,
                                          E'\n' ORDER BY e.sequence)
                          FROM timeline_events e
                         WHERE e.incident_number = incident
                           AND e.type IN ('status_update', 'decision')), '')), 'C');
        EXCEPTION WHEN program_limit_exceeded THEN
            IF kept = 0 THEN
                RAISE;
            END IF;
            kept := CASE WHEN kept IS NULL
                THEN greatest(
                    length(coalesce(title, '')),
                    length(coalesce(description, '')),
                    (SELECT max(length(e.text))
                       FROM timeline_events e
                      WHERE e.incident_number = incident
                        AND e.type IN ('status_update', 'decision')),
                    1) / 2
                ELSE kept / 2 END;
        END;
    END LOOP;
END
$$;
