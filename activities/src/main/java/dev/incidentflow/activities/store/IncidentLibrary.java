package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.Deploy;
import dev.incidentflow.workflows.activities.IncidentContext;
import dev.incidentflow.workflows.activities.SimilarIncident;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Past incidents as a library: the ones like a given incident, whether it repeats a closed one, and
 * everything a responder should see when it opens (with the deploys just before it).
 */
public final class IncidentLibrary {

  /** How many similar incidents a briefing lists. */
  public static final int SIMILAR_LISTED = 3;

  private final IncidentDao incidents;
  private final IncidentLibraryDao library;
  private final DeployRepository deploys;

  /**
   * @param jdbi over a migrated database (see {@link Migrations}), with {@code SqlObjectPlugin}
   *     installed (see {@link IncidentJdbi})
   */
  public IncidentLibrary(Jdbi jdbi) {
    requireNonNull(jdbi, "jdbi is null");
    this.incidents = jdbi.onDemand(IncidentDao.class);
    this.library = jdbi.onDemand(IncidentLibraryDao.class);
    this.deploys = new DeployRepository(jdbi);
  }

  /**
   * The {@value #SIMILAR_LISTED} past incidents (triggered before this one) most like it: those of
   * the same service first, then by how well their text matches the words of this one's title
   * (ts_rank over the search vector, in which titles weigh most), then the newest. Incidents of
   * other services that share no word with the title are not similar at all.
   */
  public List<SimilarIncident> similarTo(long number) {
    return library.similar(number, SIMILAR_LISTED);
  }

  /**
   * The id of the incident this one repeats: the most recently closed incident with the same alert
   * dedup key, or the same service and title, closed in the 30 days before this one started.
   */
  public Optional<String> repeatOf(long number) {
    return library.repeatOf(number).map(IncidentRecord::idOf);
  }

  /**
   * Deploys to the incident's service and to {@code dependsOn} in the {@code deployWindow} before
   * it started, similar incidents and the incident it repeats.
   *
   * @throws IllegalStateException when no incident has that number
   */
  public IncidentContext context(long number, List<String> dependsOn, Duration deployWindow) {
    return context(
        incidents
            .find(number)
            .orElseThrow(
                () -> new IllegalStateException("no incident " + IncidentRecord.idOf(number))),
        dependsOn,
        deployWindow);
  }

  /** As {@link #context(long, List, Duration)}, for an incident already read. */
  public IncidentContext context(
      IncidentRecord incident, List<String> dependsOn, Duration deployWindow) {
    requireNonNull(incident, "incident is null");
    requireNonNull(dependsOn, "dependsOn is null");
    requireNonNull(deployWindow, "deployWindow is null");
    long number = incident.number();
    return new IncidentContext(
        deploysBefore(incident, dependsOn, deployWindow),
        similarTo(number),
        repeatOf(number).orElse(null));
  }

  /**
   * Deploys to the incident's service and to {@code dependsOn} in the {@code deployWindow} before
   * it started, newest first: what the briefing, the incident view and the postmortem list.
   */
  public List<Deploy> deploysBefore(
      IncidentRecord incident, List<String> dependsOn, Duration deployWindow) {
    requireNonNull(incident, "incident is null");
    requireNonNull(dependsOn, "dependsOn is null");
    List<String> services = new ArrayList<>();
    services.add(incident.service());
    dependsOn.stream().filter(service -> !services.contains(service)).forEach(services::add);
    return deploys.before(services, incident.triggeredAt(), deployWindow);
  }

  /** The incident with that number, if recorded. */
  public Optional<IncidentRecord> find(long number) {
    return incidents.find(number);
  }
}
