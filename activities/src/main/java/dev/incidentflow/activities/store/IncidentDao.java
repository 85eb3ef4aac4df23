package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads of {@code incidents} and {@code timeline_events}; {@link IncidentStateStatements} writes
 * them. Every value is a bound parameter.
 */
@RegisterRowMapper(IncidentRecordMapper.class)
@RegisterRowMapper(TimelineEventMapper.class)
interface IncidentDao {

  /** The incident with that number; also run as a plain statement by {@link IncidentLibrary}. */
  String FIND =
      "SELECT "
          + IncidentRecordMapper.COLUMNS
          + """
      FROM incidents
      WHERE number = :number
      """;

  @SqlQuery(FIND)
  Optional<IncidentRecord> find(@Bind("number") long number);

  /**
   * The severity and service filters of every list over incidents (the postmortem list too, see
   * {@link PostmortemDao#list}): an empty array matches everything, a non-empty one any of its
   * values.
   */
  String SEVERITY_AND_SERVICE =
      """
      (cardinality(CAST(:severities AS text[])) = 0
             OR severity = ANY(CAST(:severities AS text[])))
        AND (cardinality(CAST(:services AS text[])) = 0
             OR service = ANY(CAST(:services AS text[])))
      """;

  /** The filters both incident lists share: the incident's status, severity and service. */
  String FILTERS =
      "(cardinality(CAST(:statuses AS text[])) = 0 OR status = ANY(CAST(:statuses AS text[])))"
          + " AND "
          + SEVERITY_AND_SERVICE;

  /**
   * The full-text match of {@code :q} (web-search syntax) against everything searchable about an
   * incident, read through {@code incidents_search_idx}. The one definition of what {@code q}
   * finds, for the incident list and the postmortem list alike.
   */
  String MATCHES_Q = " search @@ websearch_to_tsquery('english', :q) ";

  /**
   * Incidents matching the filters, newest first (by trigger time, then number), from those that
   * sort below {@code (afterTriggeredAt, afterNumber)} on; null and {@link Long#MAX_VALUE} start at
   * the top. The keyset is always there so that every plan, generic or custom, reads the list's
   * index from the position on.
   */
  @SqlQuery(
      "SELECT "
          + IncidentRecordMapper.COLUMNS
          + " FROM incidents WHERE "
          + FILTERS
          + """
        AND (triggered_at, number)
            < (COALESCE(CAST(:afterTriggeredAt AS timestamptz), 'infinity'), :afterNumber)
      ORDER BY triggered_at DESC, number DESC
      LIMIT :limit
      """)
  List<IncidentRecord> list(
      @Bind("statuses") String[] statuses,
      @Bind("severities") String[] severities,
      @Bind("services") String[] services,
      @Bind("afterTriggeredAt") Instant afterTriggeredAt,
      @Bind("afterNumber") long afterNumber,
      @Bind("limit") int limit);

  /**
   * Incidents matching the filters and the text query, best matches first, then newest first, from
   * those that sort below {@code (afterRank, afterTriggeredAt, afterNumber)} on; nulls and {@link
   * Long#MAX_VALUE} start at the top.
   */
  @SqlQuery(
      "SELECT "
          + IncidentRecordMapper.COLUMNS
          + " FROM incidents WHERE "
          + FILTERS
          + " AND "
          + MATCHES_Q
          + """
        AND (ts_rank(search, websearch_to_tsquery('english', :q)), triggered_at, number)
            < (COALESCE(CAST(:afterRank AS real), 'Infinity'),
               COALESCE(CAST(:afterTriggeredAt AS timestamptz), 'infinity'),
               :afterNumber)
      ORDER BY ts_rank(search, websearch_to_tsquery('english', :q)) DESC,
               triggered_at DESC,
               number DESC
      LIMIT :limit
      """)
  List<IncidentRecord> search(
      @Bind("statuses") String[] statuses,
      @Bind("severities") String[] severities,
      @Bind("services") String[] services,
      @Bind("q") String q,
      @Bind("afterRank") Float afterRank,
      @Bind("afterTriggeredAt") Instant afterTriggeredAt,
      @Bind("afterNumber") long afterNumber,
      @Bind("limit") int limit);

  /**
   * Where the incident stands in the list, and with {@code q} (when not null) in that query's
   * results, ranked as {@link #search} ranks.
   */
  @SqlQuery(
      """
      SELECT CASE WHEN CAST(:q AS text) IS NULL THEN 0
                  ELSE ts_rank(search, websearch_to_tsquery('english', :q)) END AS rank,
             triggered_at, number
      FROM incidents
      WHERE number = :number
      """)
  @RegisterRowMapper(ListPosition.Mapper.class)
  Optional<ListPosition> position(@Bind("number") long number, @Bind("q") String q);

  /**
   * The whole timeline in the order things happened. Events appended by the postmortem and action
   * item workflows are numbered from 1,000,000,000 up, so sequence order alone would put every one
   * of them after the incident's own; time first interleaves them. Sequence breaks ties: the
   * incident workflow stamps several events with the same workflow time (declared, channel opened,
   * paged), and within each numbering range sequence is the order they were recorded in.
   *
   * <p>Only the event types this version knows: during a rolling upgrade a newer worker can write a
   * type an older API or worker cannot name, and its whole timeline would fail to read (a 500 for
   * the incident, a postmortem that cannot be written). Such an event is left out until it is read
   * by a version that knows it.
   */
  default List<TimelineEvent> timeline(long number) {
    return timeline(number, TimelineEventType.wireNames());
  }

  @SqlQuery(
      """
      SELECT sequence, at, type, by_whom, text, data
      FROM timeline_events
      WHERE incident_number = :number AND type = ANY(CAST(:known AS text[]))
      ORDER BY at, sequence
      """)
  List<TimelineEvent> timeline(@Bind("number") long number, @Bind("known") String[] known);

  @SqlQuery(
      "SELECT number FROM incidents WHERE workflow_id = :workflowId ORDER BY number DESC LIMIT 1")
  Optional<Long> latestNumberOf(@Bind("workflowId") String workflowId);

  @SqlQuery("SELECT workflow_id FROM incidents WHERE number = :number")
  Optional<String> workflowIdOf(@Bind("number") long number);
}
