package dev.incidentflow.activities.store;

/** The SQL behind {@link IncidentLibrary}, shared with the metrics where the rules are the same. */
final class IncidentLibrarySql {

  /**
   * Past incidents of the same service or sharing a word with the title, best first. The title
   * becomes a web-search query of its words joined by {@code or}; punctuation is dropped first, so
   * nothing in a title acts as an operator, and websearch_to_tsquery never fails on its input.
   * {@code this} is materialized so that the query is computed once, not once per candidate.
   */
  static final String SIMILAR =
      """
      WITH this AS MATERIALIZED (
          SELECT number, service, triggered_at,
                 websearch_to_tsquery('english', array_to_string(regexp_split_to_array(
                     trim(regexp_replace(title, '[^[:alnum:]]+', ' ', 'g')), ' '), ' or ')) AS terms
          FROM incidents
          WHERE number = :number
      )
      SELECT p.number, p.title, p.status, p.resolved_at
      FROM this
      JOIN incidents p
        ON p.number <> this.number
       AND p.triggered_at < this.triggered_at
       AND (p.service = this.service OR p.search @@ this.terms)
      ORDER BY p.service = this.service DESC,
               ts_rank(p.search, this.terms) DESC,
               p.triggered_at DESC,
               p.number DESC
      LIMIT :limit
      """;

  /** The same repeat rule as {@link IncidentMetricsSql#GROUPS}, using the same V10 indexes. */
  static final String REPEAT_OF =
      """
      SELECT earlier.number
      FROM incidents i
      JOIN incidents earlier
        ON (i.dedup_key IS NOT NULL
            AND md5(earlier.dedup_key) = md5(i.dedup_key)
            AND earlier.dedup_key = i.dedup_key)
        OR (earlier.service = i.service
            AND md5(earlier.title) = md5(i.title)
            AND earlier.title = i.title)
      WHERE i.number = :number
        AND earlier.closed_at >= i.triggered_at - interval '30 days'
        AND earlier.closed_at < i.triggered_at
      ORDER BY earlier.closed_at DESC, earlier.number DESC
      LIMIT 1
      """;

  private IncidentLibrarySql() {}
}
