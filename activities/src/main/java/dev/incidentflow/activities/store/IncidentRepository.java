package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** Reads incidents for the API: lookups, the filtered list and timelines. */
public final class IncidentRepository {

  private final Jdbi jdbi;
  private final IncidentDao dao;

  /**
   * @param jdbi over a migrated database (see {@link Migrations}), with {@code SqlObjectPlugin}
   *     installed (see {@link IncidentJdbi})
   */
  public IncidentRepository(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi is null");
    this.dao = jdbi.onDemand(IncidentDao.class);
  }

  public Optional<IncidentRecord> find(long number) {
    return dao.find(number);
  }

  /**
   * The incidents matching {@code filter}, newest first (by trigger time, then number). With a text
   * query the best matches come first and the newest among equally good ones. With {@code
   * filter.before()} the list goes on after that incident; an incident that does not exist has no
   * place in the list and nothing comes after it.
   */
  public List<IncidentRecord> list(IncidentFilter filter) {
    requireNonNull(filter, "filter is null");
    String[] statuses =
        filter.statuses().stream().map(IncidentStatus::wireName).sorted().toArray(String[]::new);
    String[] severities =
        filter.severities().stream().map(Severity::name).sorted().toArray(String[]::new);
    String[] services = filter.services().stream().sorted().toArray(String[]::new);
    Optional<ListPosition> after = Optional.empty();
    if (filter.before() != null) {
      after = dao.position(filter.before().number(), filter.q());
      if (after.isEmpty()) {
        return List.of();
      }
    }
    Instant afterTriggeredAt = after.map(ListPosition::triggeredAt).orElse(null);
    long afterNumber = after.map(ListPosition::number).orElse(Long.MAX_VALUE);
    return filter.q() == null
        ? dao.list(statuses, severities, services, afterTriggeredAt, afterNumber, filter.limit())
        : dao.search(
            statuses,
            severities,
            services,
            filter.q(),
            after.map(ListPosition::rank).orElse(null),
            afterTriggeredAt,
            afterNumber,
            filter.limit());
  }

  /**
   * The incident's timeline in time order (see {@link IncidentDao#timeline}); empty for an unknown
   * incident.
   */
  public List<TimelineEvent> timeline(long number) {
    return dao.timeline(number);
  }

  /**
   * The incident with its timeline as one save left them: both are read from one snapshot of the
   * database. Read one after the other, a save committed between the two reads showed its events
   * with the incident's state from before it (a {@code channel_created} event and no channel).
   */
  public Optional<WithTimeline> findWithTimeline(long number) {
    return jdbi.inTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        handle -> {
          IncidentDao snapshot = handle.attach(IncidentDao.class);
          return snapshot
              .find(number)
              .map(incident -> new WithTimeline(incident, snapshot.timeline(number)));
        });
  }

  /** An incident and its timeline, read together (see {@link #findWithTimeline}). */
  public record WithTimeline(IncidentRecord incident, List<TimelineEvent> timeline) {
    public WithTimeline {
      requireNonNull(incident, "incident is null");
      timeline = List.copyOf(timeline);
    }
  }

  /**
   * The number of the latest incident workflow {@code workflowId} recorded: a declaration's one
   * incident, or an alert group's latest.
   */
  public Optional<Long> latestNumberOf(String workflowId) {
    return dao.latestNumberOf(workflowId);
  }

  /**
   * The latest incident workflow {@code workflowId} recorded ({@link #latestNumberOf}, then {@link
   * #find}), read on one connection whose every read waits at most {@code wait}, instead of the
   * driver's socket timeout (30 s unless configured): for a caller that goes on without the store's
   * answer rather than wait long for a database that hangs. A read that waits longer fails as one
   * past the socket timeout does: the driver closes the connection, and the pool replaces it.
   * Getting the connection is not bounded by it: a pool without an idle connection opens one under
   * the driver's own timeouts.
   */
  public Optional<IncidentRecord> latestOf(String workflowId, Duration wait) {
    requireNonNull(workflowId, "workflowId is null");
    if (wait.isNegative() || wait.isZero() || wait.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("wait must be positive and under 24 days: " + wait);
    }
    int waitMillis = (int) wait.toMillis();
    return jdbi.withHandle(
        handle -> {
          Connection connection = handle.getConnection();
          int before = networkTimeout(connection, waitMillis);
          try {
            IncidentDao bounded = handle.attach(IncidentDao.class);
            return bounded.latestNumberOf(workflowId).flatMap(bounded::find);
          } finally {
            networkTimeout(connection, before);
          }
        });
  }

  /** Sets {@code connection}'s network timeout unless it is closed; returns the one it had. */
  private static int networkTimeout(Connection connection, int millis) {
    try {
      if (connection.isClosed()) {
        return millis;
      }
      int before = connection.getNetworkTimeout();
      connection.setNetworkTimeout(Runnable::run, millis);
      return before;
    } catch (SQLException e) {
      throw new ConnectionException(e);
    }
  }

  /** The id of the workflow that runs the incident, to signal or query it. */
  public Optional<String> workflowIdOf(long number) {
    return dao.workflowIdOf(number);
  }
}
