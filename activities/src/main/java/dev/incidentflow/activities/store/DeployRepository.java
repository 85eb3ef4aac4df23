package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.Deploy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Deploy events: recording them idempotently, and finding the ones before an incident. */
public final class DeployRepository {

  /** At most this many deploys are listed for one incident, the newest. */
  public static final int MAX_LISTED = 50;

  /** Deploys to any of the services in {@code [from, to]}, newest first. */
  private static final String BETWEEN =
      """
      /* DeployRepository.between */ \
      SELECT id, service, version, commit_ref, url, deployed_at, author
      FROM deploys
      WHERE service = ANY (CAST(:services AS text[]))
        AND deployed_at >= :from
        AND deployed_at <= :to
      ORDER BY deployed_at DESC, id DESC
      LIMIT :limit
      """;

  private static final DeployMapper MAPPER = new DeployMapper();

  private final Jdbi jdbi;
  private final DeployDao dao;

  /**
   * @param jdbi over a migrated database (see {@link Migrations}), with {@code SqlObjectPlugin}
   *     installed (see {@link IncidentJdbi})
   */
  public DeployRepository(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi is null");
    this.dao = jdbi.onDemand(DeployDao.class);
  }

  /**
   * Records the deploy once per (service, version, deployedAt). Concurrent calls with the same key
   * meet at the unique constraint: one inserts, the others find its row.
   */
  public RecordedDeploy record(NewDeploy deploy) {
    requireNonNull(deploy, "deploy is null");
    return dao.insertIfAbsent(deploy)
        .map(created -> new RecordedDeploy(created, true))
        .or(() -> dao.find(deploy).map(existing -> new RecordedDeploy(existing, false)))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "deploy of "
                        + deploy.service()
                        + " "
                        + deploy.version()
                        + " at "
                        + deploy.deployedAt()
                        + " was neither inserted nor found"));
  }

  /**
   * The deploys to any of {@code services} in the {@code window} up to and including {@code
   * startedAt}, newest first, at most {@value #MAX_LISTED}. A deploy exactly {@code window} before
   * counts.
   */
  public List<Deploy> before(Collection<String> services, Instant startedAt, Duration window) {
    return jdbi.withHandle(handle -> before(handle, services, startedAt, window));
  }

  /**
   * As {@link #before(Collection, Instant, Duration)}, on the caller's handle: a statement, not a
   * SqlObject, as {@link IncidentLibrary} explains.
   */
  static List<Deploy> before(
      Handle handle, Collection<String> services, Instant startedAt, Duration window) {
    requireNonNull(services, "services is null");
    requireNonNull(startedAt, "startedAt is null");
    requireNonNull(window, "window is null");
    if (services.isEmpty()) {
      return List.of();
    }
    return handle
        .createQuery(BETWEEN)
        .bind("services", services.toArray(String[]::new))
        .bind("from", startedAt.minus(window))
        .bind("to", startedAt)
        .bind("limit", MAX_LISTED)
        .map(MAPPER)
        .list();
  }
}
