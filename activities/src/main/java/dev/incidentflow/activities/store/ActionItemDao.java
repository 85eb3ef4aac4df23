package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.NewActionItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL over {@code action_items}. Every value is a bound parameter. */
@RegisterRowMapper(ActionItemRowMapper.class)
interface ActionItemDao {

  /**
   * The columns {@link ActionItemRowMapper} reads. {@code done_by} is null unless the item is done;
   * a done item that a worker older than the column saved done has none stored and takes whom its
   * latest {@code action_item_done} timeline event names, as migration V27 did for the items done
   * before it.
   */
  String COLUMNS =
      "number, workflow_id, incident_number, title, owner, due, kind, status, jira_key, jira_url, round,"
          + " created_by, created_at, done_at,"
          + """
           CASE WHEN status = 'done' THEN COALESCE(done_by, (
              SELECT e.by_whom FROM timeline_events e
              WHERE e.incident_number = action_items.incident_number
                AND e.type = 'action_item_done'
                AND e.data ->> 'actionItem' = 'AI-' || action_items.number
              ORDER BY e.sequence DESC
              LIMIT 1)) END AS done_by
          """;

  @SqlQuery("SELECT number FROM action_items WHERE workflow_id = :workflowId")
  Optional<Long> findNumber(@Bind("workflowId") String workflowId);

  /**
   * The status of the incident, its row locked until the transaction ends: a concurrent save of it
   * (a cancel) commits before this answers, or waits for this transaction.
   */
  @SqlQuery("SELECT status FROM incidents WHERE number = :number FOR SHARE")
  Optional<String> lockIncidentStatus(@Bind("number") long incidentNumber);

  /** The status of the incident's postmortem, locked like {@link #lockIncidentStatus}. */
  @SqlQuery("SELECT status FROM postmortems WHERE incident_number = :number FOR SHARE")
  Optional<String> lockPostmortemStatus(@Bind("number") long incidentNumber);

  /** Inserts the item unless its workflow id is taken; empty if it was. */
  @SqlQuery(
      """
      INSERT INTO action_items (workflow_id, incident_number, title, owner, due, kind, created_by)
      VALUES (:workflowId, :incidentNumber, :title, :owner, :due, :kindName, :createdBy)
      ON CONFLICT (workflow_id) DO NOTHING
      RETURNING number
      """)
  Optional<Long> insertIfAbsent(@BindMethods NewActionItem item, @Bind("kindName") String kind);

  /**
   * Overwrites the changing part; 0 when no item has that number and workflow id. A done item saved
   * again without {@code doneBy} (by a worker older than it) keeps the one stored, unless it was
   * not done before the save (the stored one is then an earlier round's, which an older worker left
   * behind); one not done has none. ({@code status} on the right of SET is the row's before it.)
   */
  @SqlUpdate(
      """
      UPDATE action_items SET
          status = :status,
          jira_key = COALESCE(:jiraKey, jira_key),
          jira_url = COALESCE(:jiraUrl, jira_url),
          round = :round,
          done_at = :doneAt,
          done_by = CASE WHEN :status = 'done'
                         THEN COALESCE(:doneBy, CASE WHEN status = 'done' THEN done_by END) END,
          updated_at = now()
      WHERE number = :number AND workflow_id = :workflowId
      """)
  int update(
      @Bind("number") long number,
      @Bind("workflowId") String workflowId,
      @Bind("status") String status,
      @Bind("jiraKey") String jiraKey,
      @Bind("jiraUrl") String jiraUrl,
      @Bind("round") int round,
      @Bind("doneAt") Instant doneAt,
      @Bind("doneBy") String doneBy);

  @SqlQuery("SELECT " + COLUMNS + " FROM action_items WHERE number = :number")
  Optional<ActionItemRow> find(@Bind("number") long number);

  /**
   * When Jira last reopened the item, as its timeline says: Jira's time for it ({@code
   * data.reopenedAt}) when Jira said, else when IncidentFlow heard of it.
   */
  @SqlQuery(
      """
      SELECT COALESCE(CAST(data ->> 'reopenedAt' AS timestamptz), at) AS reopened
      FROM timeline_events
      WHERE incident_number = :incident
        AND type = 'action_item_reopened'
        AND data ->> 'actionItem' = :id
      ORDER BY reopened DESC
      LIMIT 1
      """)
  Optional<Instant> lastReopening(@Bind("incident") long incidentNumber, @Bind("id") String id);

  @SqlQuery("SELECT " + COLUMNS + " FROM action_items WHERE workflow_id = :workflowId")
  Optional<ActionItemRow> findByWorkflowId(@Bind("workflowId") String workflowId);

  @SqlQuery(
      "SELECT " + COLUMNS + " FROM action_items WHERE jira_key = :key ORDER BY number LIMIT 1")
  Optional<ActionItemRow> findByJiraKey(@Bind("key") String jiraKey);

  /**
   * Items matching the filters (an empty array matches everything), soonest due first, then by
   * number, from those that sort above {@code (afterDue, afterNumber)} on; a null {@code afterDue}
   * starts at the top.
   */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
       FROM action_items
      WHERE (cardinality(CAST(:statuses AS text[])) = 0 OR status = ANY(CAST(:statuses AS text[])))
        AND (cardinality(CAST(:owners AS text[])) = 0 OR owner = ANY(CAST(:owners AS text[])))
        AND (CAST(:incident AS bigint) IS NULL OR incident_number = :incident)
        AND (due, number) > (COALESCE(CAST(:afterDue AS date), '-infinity'), :afterNumber)
      ORDER BY due, number
      LIMIT :limit
      """)
  List<ActionItemRow> list(
      @Bind("statuses") String[] statuses,
      @Bind("owners") String[] owners,
      @Bind("incident") Long incidentNumber,
      @Bind("afterDue") LocalDate afterDue,
      @Bind("afterNumber") long afterNumber,
      @Bind("limit") int limit);
}
