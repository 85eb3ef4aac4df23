package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.NewIncident;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The SQL a running incident writes: its number, its state and its timeline. Every workflow task
 * that changes an incident saves through here, so these are statements on the handle rather than a
 * SqlObject: Jdbi (3.51) builds a handler for every method of a SqlObject type, each with its own
 * copy of the configuration, every time the type is attached, and an on-demand one attaches on
 * every call. In {@code bench}'s phase c that attaching was a quarter of the saves' CPU samples
 * (docs/benchmarks.md, twenty-second session). Each statement names itself in a comment, as {@link
 * CommentingTemplateEngine} names SqlObject methods, for the database's logs.
 */
final class IncidentStateStatements {

  private static final String FIND_NUMBER =
      """
      /* IncidentStateStatements.findNumber */ \
      SELECT number FROM incidents WHERE workflow_id = :workflowId AND first_run_id = :firstRunId
      """;

  private static final String INSERT_IF_ABSENT =
      """
      /* IncidentStateStatements.insertIfAbsent */ \
      INSERT INTO incidents (workflow_id, first_run_id, title, description, severity, service,
                             source, dedup_key, declared_by, status, triggered_at)
      VALUES (:workflowId, :firstRunId, :title, :description, :severity, :service,
              :source, :dedupKey, :declaredBy, 'triggered', :triggeredAt)
      ON CONFLICT (workflow_id, first_run_id) DO NOTHING
      RETURNING number
      """;

  private static final String UPDATE_STATE =
      """
      /* IncidentStateStatements.updateState */ \
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
      """;

  private static final String EXISTS =
      """
      /* IncidentStateStatements.exists */ \
      SELECT EXISTS (SELECT 1 FROM incidents WHERE number = :number AND workflow_id = :workflowId)
      """;

  private static final String INSERT_EVENT =
      """
      /* IncidentStateStatements.insertEvents */ \
      INSERT INTO timeline_events (incident_number, sequence, at, type, by_whom, text, data)
      VALUES (:incidentNumber, :sequence, :at, :type, :byWhom, :text, CAST(:data AS jsonb))
      ON CONFLICT (incident_number, sequence) DO NOTHING
      """;

  private IncidentStateStatements() {}

  static Optional<Long> findNumber(Handle handle, String workflowId, String firstRunId) {
    return handle
        .createQuery(FIND_NUMBER)
        .bind("workflowId", workflowId)
        .bind("firstRunId", firstRunId)
        .mapTo(Long.class)
        .findOne();
  }

  /** Inserts the incident unless its (workflow id, first run id) is taken; empty if it was. */
  static Optional<Long> insertIfAbsent(Handle handle, NewIncident incident) {
    return handle.createQuery(INSERT_IF_ABSENT).bindMethods(incident).mapTo(Long.class).findOne();
  }

  /**
   * Overwrites the incident's state unless it holds a newer revision (a snapshot of revision 0,
   * from a worker older than revisions, always writes); 0 when no incident has that number and
   * workflow id, or when the stored state is newer.
   */
  static int updateState(Handle handle, IncidentStateRow row) {
    return handle
        .createUpdate(UPDATE_STATE)
        .bind("number", Bound.bigint(row.number()))
        .bind("workflowId", Bound.text(row.workflowId()))
        .bind("title", Bound.text(row.title()))
        .bind("severity", Bound.text(row.severity()))
        .bind("service", Bound.text(row.service()))
        .bind("status", Bound.text(row.status()))
        .bind("commander", Bound.text(row.commander()))
        .bind("roles", Bound.text(row.roles()))
        .bind("channelId", Bound.text(row.channelId()))
        .bind("channelName", Bound.text(row.channelName()))
        .bind("escalationLevel", Bound.integer(row.escalationLevel()))
        .bind("nextUpdateDue", Bound.time(row.nextUpdateDue()))
        .bind("triggeredAt", Bound.time(row.triggeredAt()))
        .bind("acknowledgedAt", Bound.time(row.acknowledgedAt()))
        .bind("identifiedAt", Bound.time(row.identifiedAt()))
        .bind("mitigatedAt", Bound.time(row.mitigatedAt()))
        .bind("resolvedAt", Bound.time(row.resolvedAt()))
        .bind("closedAt", Bound.time(row.closedAt()))
        .bind("canceledAt", Bound.time(row.canceledAt()))
        .bind("revision", Bound.integer(row.revision()))
        .execute();
  }

  static boolean exists(Handle handle, long number, String workflowId) {
    return handle
        .createQuery(EXISTS)
        .bind("number", number)
        .bind("workflowId", workflowId)
        .mapTo(Boolean.class)
        .one();
  }

  /** Appends events; one whose sequence is already stored is skipped. */
  static void insertEvents(Handle handle, long incidentNumber, List<TimelineEventRow> events) {
    PreparedBatch batch = handle.prepareBatch(INSERT_EVENT);
    Bound incident = Bound.bigint(incidentNumber);
    for (TimelineEventRow event : events) {
      batch
          .bind("incidentNumber", incident)
          .bind("sequence", Bound.integer(event.sequence()))
          .bind("at", Bound.time(event.at()))
          .bind("type", Bound.text(event.type()))
          .bind("byWhom", Bound.text(event.byWhom()))
          .bind("text", Bound.text(event.text()))
          .bind("data", Bound.text(event.data()))
          .add();
    }
    batch.execute();
  }
}
