package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.model.TimelineEvent;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads of {@code incidents} and {@code timeline_events}; {@link IncidentStateDao} writes them.
 * Every value is a bound parameter.
 */
@RegisterRowMapper(IncidentRecordMapper.class)
@RegisterRowMapper(TimelineEventMapper.class)
interface IncidentDao {

  @SqlQuery(
      "SELECT "
          + IncidentRecordMapper.COLUMNS
          + """
      FROM incidents
      WHERE number = :number
      """)
  Optional<IncidentRecord> find(@Bind("number") long number);

  /**
   * Incidents matching every non-null criterion; with {@code q}, best text matches first, then (and
   * otherwise) newest first.
   */
  @SqlQuery(
      "SELECT "
          + IncidentRecordMapper.COLUMNS
          + """
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
