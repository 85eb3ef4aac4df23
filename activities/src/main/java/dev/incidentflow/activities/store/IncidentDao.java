package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.model.TimelineEvent;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL over {@code incidents} and {@code timeline_events}. Every value is a bound parameter. */
@RegisterRowMapper(IncidentRecordMapper.class)
@RegisterRowMapper(TimelineEventMapper.class)
interface IncidentDao {

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

  @SqlQuery(
      """
      SELECT number, workflow_id, title, description, severity, service, status, source, dedup_key,
             declared_by, commander, roles, channel_id, channel_name, escalation_level,
             next_update_due, triggered_at, acknowledged_at, identified_at, mitigated_at,
             resolved_at, closed_at, canceled_at
      FROM incidents
      WHERE number = :number
      """)
  Optional<IncidentRecord> find(@Bind("number") long number);

  /**
   * Incidents matching every non-null criterion; with {@code q}, best text matches first, then (and
   * otherwise) newest first.
   */
  @SqlQuery(
      """
      SELECT number, workflow_id, title, description, severity, service, status, source, dedup_key,
             declared_by, commander, roles, channel_id, channel_name, escalation_level,
             next_update_due, triggered_at, acknowledged_at, identified_at, mitigated_at,
             resolved_at, closed_at, canceled_at
      FROM incidents
      WHERE (CAST(:status AS text) IS NULL OR status = :status)
        AND (CAST(:severity AS text) IS NULL OR severity = :severity)
        AND (CAST(:service AS text) IS NULL OR service = :service)
        AND (CAST(:q AS text) IS NULL OR search @@ websearch_to_tsquery('english', :q))
      ORDER BY CASE WHEN CAST(:q AS text) IS NULL THEN 0
                    ELSE ts_rank(search, websearch_to_tsquery('english', :q)) END DESC,
               triggered_at DESC,
               number DESC
      LIMIT :limit
      """)
  List<IncidentRecord> list(
      @Bind("status") String status,
      @Bind("severity") String severity,
      @Bind("service") String service,
      @Bind("q") String q,
      @Bind("limit") int limit);

  /**
   * The whole timeline in the order things happened. Events appended by the postmortem and action
   * item workflows are numbered from 1,000,000,000 up, so sequence order alone would put every one
   * of them after the incident's own; time first interleaves them. Sequence breaks ties: the
   * incident workflow stamps several events with the same workflow time (declared, channel opened,
   * paged), and within each numbering range sequence is the order they were recorded in.
   */
  @SqlQuery(
      """
      SELECT sequence, at, type, by_whom, text, data
      FROM timeline_events
      WHERE incident_number = :number
      ORDER BY at, sequence
      """)
  List<TimelineEvent> timeline(@Bind("number") long number);

  @SqlQuery("SELECT workflow_id FROM incidents WHERE number = :number")
  Optional<String> workflowIdOf(@Bind("number") long number);
}
