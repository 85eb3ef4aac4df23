package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.PostmortemRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL over {@code postmortems}. Every value is a bound parameter. */
@RegisterRowMapper(PostmortemRecordMapper.class)
interface PostmortemDao {

  String COLUMNS =
      "incident_number, workflow_id, status, due_at, jira_key, jira_url, published_url, summary, published_by,"
          + " published_at, owner";

  @SqlUpdate(
      """
      INSERT INTO postmortems (incident_number, workflow_id, status, due_at, jira_key, jira_url, published_url,
                               summary, published_by, published_at, owner)
      VALUES (:incidentNumber, :workflowId, :status, :dueAt, :jiraKey, :jiraUrl, :publishedUrl,
              :summary, :publishedBy, :publishedAt, :owner)
      ON CONFLICT (incident_number) DO UPDATE SET
          workflow_id = EXCLUDED.workflow_id,
          status = EXCLUDED.status,
          due_at = EXCLUDED.due_at,
          jira_key = COALESCE(EXCLUDED.jira_key, postmortems.jira_key),
          jira_url = COALESCE(EXCLUDED.jira_url, postmortems.jira_url),
          published_url = EXCLUDED.published_url,
          summary = EXCLUDED.summary,
          published_by = EXCLUDED.published_by,
          published_at = COALESCE(postmortems.published_at, EXCLUDED.published_at),
          -- A worker older than owners saves none: the stored one stays.
          owner = COALESCE(EXCLUDED.owner, postmortems.owner),
          updated_at = now()
      """)
  void upsert(@BindMethods PostmortemRow row);

  @SqlQuery("SELECT " + COLUMNS + " FROM postmortems WHERE incident_number = :number")
  Optional<PostmortemRecord> find(@Bind("number") long incidentNumber);

  @SqlQuery("SELECT " + COLUMNS + " FROM postmortems WHERE jira_key = :key")
  Optional<PostmortemRecord> findByJiraKey(@Bind("key") String jiraKey);

  /**
   * Postmortems with their incidents matching the filters (an empty array, a null {@code q},
   * matches everything), soonest due first, then by incident number, from those that sort above
   * {@code (afterDueAt, afterNumber)} on; a null {@code afterDueAt} starts at the top.
   *
   * <p>The status is judged at {@code :asOf} as the metrics judge it: published once it has a
   * publication, else overdue once its due time has passed, so a postmortem whose workflow has not
   * marked it overdue yet (its worker down or behind) is not listed as scheduled. Action items are
   * counted likewise: overdue once their due day ended in UTC and not done. The counts are an
   * aggregate in a {@code LATERAL}, one probe of {@code action_items_incident_idx} per listed
   * postmortem. With {@code q}, the incidents' text is matched as {@code GET /v1/incidents?q=}
   * matches it ({@link IncidentDao#MATCHES_Q}); the list keeps its due order.
   */
  @SqlQuery(
      """
      SELECT p.incident_number, i.title, i.severity, i.service, judged.status AS judged_status,
             p.due_at, p.owner, p.published_at, p.published_by, p.published_url, p.summary,
             p.jira_key, p.jira_url,
             items.open AS open_items, items.overdue AS overdue_items, items.done AS done_items
      FROM postmortems p
      JOIN incidents i ON i.number = p.incident_number
      CROSS JOIN LATERAL (
          SELECT CASE WHEN p.published_at IS NOT NULL OR p.status = 'published' THEN 'published'
                      WHEN p.due_at <= :asOf THEN 'overdue'
                      ELSE 'scheduled' END AS status) AS judged
      CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE a.status <> 'done' AND item.due_end > :asOf) AS open,
                 count(*) FILTER (WHERE a.status <> 'done' AND item.due_end <= :asOf) AS overdue,
                 count(*) FILTER (WHERE a.status = 'done') AS done
          FROM action_items a
          CROSS JOIN LATERAL (SELECT CAST(a.due + 1 AS timestamp) AT TIME ZONE 'UTC' AS due_end) AS item
          WHERE a.incident_number = i.number) AS items
      WHERE (cardinality(CAST(:statuses AS text[])) = 0
             OR judged.status = ANY(CAST(:statuses AS text[])))
        AND (cardinality(CAST(:owners AS text[])) = 0 OR p.owner = ANY(CAST(:owners AS text[])))
        AND (CAST(:q AS text) IS NULL OR"""
          + IncidentDao.MATCHES_Q
          + ") AND "
          + IncidentDao.SEVERITY_AND_SERVICE
          + """
        AND (p.due_at, p.incident_number)
            > (COALESCE(CAST(:afterDueAt AS timestamptz), '-infinity'), :afterNumber)
      ORDER BY p.due_at, p.incident_number
      LIMIT :limit
      """)
  @RegisterRowMapper(ListedPostmortemMapper.class)
  List<ListedPostmortem> list(
      @Bind("statuses") String[] statuses,
      @Bind("severities") String[] severities,
      @Bind("services") String[] services,
      @Bind("owners") String[] owners,
      @Bind("q") String q,
      @Bind("asOf") Instant asOf,
      @Bind("afterDueAt") Instant afterDueAt,
      @Bind("afterNumber") long afterNumber,
      @Bind("limit") int limit);
}
