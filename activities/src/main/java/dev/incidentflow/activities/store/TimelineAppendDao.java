package dev.incidentflow.activities.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL that appends to timelines from outside the incident workflow; {@link IncidentDao} reads them.
 */
interface TimelineAppendDao {

  /** The first sequence number of appended events; the incident workflow never gets this far. */
  int FIRST_APPENDED_SEQUENCE = 1_000_000_000;

  /** Locks the incident's row for the transaction, so appends to one incident take turns. */
  @SqlQuery("SELECT number FROM incidents WHERE number = :number FOR UPDATE")
  Optional<Long> lockIncident(@Bind("number") long number);

  /** Appends the entry after the appended events so far; 0 rows when its key is already stored. */
  @SqlUpdate(
      """
      INSERT INTO timeline_events (incident_number, sequence, at, type, by_whom, text, data, idempotency_key)
      SELECT :incidentNumber,
             GREATEST(COALESCE(MAX(sequence) + 1, 0), 1000000000),
             :at, :type, :byWhom, :text, CAST(:data AS jsonb), :idempotencyKey
      FROM timeline_events
      WHERE incident_number = :incidentNumber AND sequence >= 1000000000
      ON CONFLICT (incident_number, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
      """)
  int append(@Bind("incidentNumber") long incidentNumber, @BindMethods TimelineAppendRow row);
}
