package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.PostmortemRecord;
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
          + " published_at";

  @SqlUpdate(
      """
      INSERT INTO postmortems (incident_number, workflow_id, status, due_at, jira_key, jira_url, published_url,
                               summary, published_by, published_at)
      VALUES (:incidentNumber, :workflowId, :status, :dueAt, :jiraKey, :jiraUrl, :publishedUrl,
              :summary, :publishedBy, :publishedAt)
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
          updated_at = now()
      """)
  void upsert(@BindMethods PostmortemRow row);

  @SqlQuery("SELECT " + COLUMNS + " FROM postmortems WHERE incident_number = :number")
  Optional<PostmortemRecord> find(@Bind("number") long incidentNumber);

  @SqlQuery("SELECT " + COLUMNS + " FROM postmortems WHERE jira_key = :key")
  Optional<PostmortemRecord> findByJiraKey(@Bind("key") String jiraKey);
}
