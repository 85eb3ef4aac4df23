package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.TimelineEvent;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Reads incidents for the API: lookups, the filtered list and timelines. */
public final class IncidentRepository {

  private final IncidentDao dao;

  /**
   * @param jdbi over a migrated database (see {@link Migrations}), with {@code SqlObjectPlugin}
   *     installed (see {@link IncidentJdbi})
   */
  public IncidentRepository(Jdbi jdbi) {
    requireNonNull(jdbi, "jdbi is null");
    this.dao = jdbi.onDemand(IncidentDao.class);
  }

  public Optional<IncidentRecord> find(long number) {
    return dao.find(number);
  }

  /**
   * The incidents matching {@code filter}, newest first (by trigger time, then number). With a text
   * query the best matches come first and the newest among equally good ones.
   */
  public List<IncidentRecord> list(IncidentFilter filter) {
    requireNonNull(filter, "filter is null");
    return dao.list(
        filter.status() == null ? null : filter.status().wireName(),
        filter.severity() == null ? null : filter.severity().name(),
        filter.service(),
        filter.q(),
        filter.limit());
  }

  /**
   * The incident's timeline in time order (see {@link IncidentDao#timeline}); empty for an unknown
   * incident.
   */
  public List<TimelineEvent> timeline(long number) {
    return dao.timeline(number);
  }

  /** The id of the workflow that runs the incident, to signal or query it. */
  public Optional<String> workflowIdOf(long number) {
    return dao.workflowIdOf(number);
  }
}
