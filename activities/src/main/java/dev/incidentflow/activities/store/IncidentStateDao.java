package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.NewIncident;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The SQL a running incident writes: its number, its state and its timeline. Every workflow task
 * that changes an incident saves through here, so it is its own small SqlObject: Jdbi builds a
 * handler for every method of a SqlObject type each time one is attached (once per save), and
 * registers the type's row mappers; {@link IncidentDao}, the read side, has more of both.
 */
interface IncidentStateDao {

  @SqlQuery(
      "SELECT number FROM incidents WHERE workflow_id = :workflowId AND first_run_id = :firstRunId")
  Optional<Long> findNumber(
      @Bind("workflowId") String workflowId, @Bind("firstRunId") String firstRunId);

  /** Inserts the incident unless its (workflow id, first run id) is taken; empty if it was. */
  @SqlQuery(
      """
      INSERT INTO incidents (workflow_id, first_run_id, title, description, severity, service,
                             source, dedup_key, declared_by, status, triggered_at)
      VALUES (:workflowId, :firstRunId, :title, :description, :severity, :service,
              :source, :dedupKey, :declaredBy, 'triggered', :triggeredAt)
      ON CONFLICT (workflow_id, first_run_id) DO NOTHING
      RETURNING number
      """)
  Optional<Long> insertIfAbsent(@BindMethods NewIncident incident);

  /**
   * Overwrites the incident's state unless it holds a newer revision (a snapshot of revision 0,
   * from a worker older than revisions, always writes); 0 when no incident has that number and
   * workflow id, or when the stored state is newer.
   */
  @SqlUpdate(
      """
      UPDATE incidents SET
          title = :title,
          severity = :severity,
          service = :service,
          status = :status,
          commander = :commander,
          roles = CAST(:roles AS jsonb),
          channel_id = :channelId,
          channel_name = :channelName,
          escalation_level = :escalationLevel,
          next_update_due = :nextUpdateDue,
          triggered_at = COALESCE(:triggeredAt, triggered_at),
          acknowledged_at = :acknowledgedAt,
          identified_at = :identifiedAt,
          mitigated_at = :mitigatedAt,
          resolved_at = :resolvedAt,
          closed_at = :closedAt,
          canceled_at = :canceledAt,
          revision = GREATEST(revision, :revision),
          updated_at = now()
      WHERE number = :number AND workflow_id = :workflowId
        AND (:revision = 0 OR revision <= :revision)
      """)
  int updateState(@BindMethods IncidentStateRow row);

  @SqlQuery(
      "SELECT EXISTS (SELECT 1 FROM incidents WHERE number = :number AND workflow_id = :workflowId)")
  boolean exists(@Bind("number") long number, @Bind("workflowId") String workflowId);

  /** Appends events; one whose sequence is already stored is skipped. */
  @SqlBatch(
      """
      INSERT INTO timeline_events (incident_number, sequence, at, type, by_whom, text, data)
      VALUES (:incidentNumber, :sequence, :at, :type, :byWhom, :text, CAST(:data AS jsonb))
      ON CONFLICT (incident_number, sequence) DO NOTHING
      """)
  int[] insertEvents(
      @Bind("incidentNumber") long incidentNumber, @BindMethods List<TimelineEventRow> events);
}
