package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.Deploy;
import dev.incidentflow.workflows.activities.IncidentContext;
import dev.incidentflow.workflows.activities.SimilarIncident;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Past incidents as a library: the ones like a given incident, whether it repeats a closed one, and
 * everything a responder should see when it opens (with the deploys just before it).
 *
 * <p>Every incident's opening reads its context, so these reads are statements on one handle, not
 * SqlObjects: Jdbi (3.51) builds a handler, each with its own copy of the configuration, for every
 * method of a SqlObject type each time it is attached, and an on-demand one attaches on every call.
 * In {@code bench}'s phase c that attaching was 56 of the context's 132 CPU samples, four
 * attachments and four connections for one context (docs/benchmarks.md, twenty-second session).
 * Each statement names itself in a comment, as {@link CommentingTemplateEngine} names SqlObject
 * methods, for the database's logs.
 */
public final class IncidentLibrary {

  /** How many similar incidents a briefing lists. */
  public static final int SIMILAR_LISTED = 3;

  private static final IncidentRecordMapper INCIDENTS = new IncidentRecordMapper();
  private static final SimilarIncidentMapper SIMILAR = new SimilarIncidentMapper();

  private final Jdbi jdbi;

  /**
   * @param jdbi over a migrated database (see {@link Migrations}), as {@link IncidentJdbi} makes it
   */
  public IncidentLibrary(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi is null");
  }

  /**
   * The {@value #SIMILAR_LISTED} past incidents (triggered before this one) most like it: those of
   * the same service first, then by how well their text matches the words of this one's title
   * (ts_rank over the search vector, in which titles weigh most), then the newest. Incidents of
   * other services that share no word with the title are not similar at all.
   */
  public List<SimilarIncident> similarTo(long number) {
    return jdbi.withHandle(handle -> similarTo(handle, number));
  }

  private static List<SimilarIncident> similarTo(Handle handle, long number) {
    return handle
        .createQuery("/* IncidentLibrary.similarTo */ " + IncidentLibrarySql.SIMILAR)
        .bind("number", number)
        .bind("limit", SIMILAR_LISTED)
        .map(SIMILAR)
        .list();
  }

  /**
   * The id of the incident this one repeats: the most recently closed incident with the same alert
   * dedup key, or the same service and title, closed in the 30 days before this one started.
   */
  public Optional<String> repeatOf(long number) {
    return jdbi.withHandle(handle -> repeatOf(handle, number));
  }

  private static Optional<String> repeatOf(Handle handle, long number) {
    return handle
        .createQuery("/* IncidentLibrary.repeatOf */ " + IncidentLibrarySql.REPEAT_OF)
        .bind("number", number)
        .mapTo(Long.class)
        .findOne()
        .map(IncidentRecord::idOf);
  }

  /**
   * Deploys to the incident's service and to {@code dependsOn} in the {@code deployWindow} before
   * it started, similar incidents and the incident it repeats.
   *
   * @throws IllegalStateException when no incident has that number
   */
  public IncidentContext context(long number, List<String> dependsOn, Duration deployWindow) {
    return jdbi.withHandle(
        handle ->
            context(
                handle,
                find(handle, number)
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "no incident " + IncidentRecord.idOf(number))),
                dependsOn,
                deployWindow));
  }

  /** As {@link #context(long, List, Duration)}, for an incident already read. */
  public IncidentContext context(
      IncidentRecord incident, List<String> dependsOn, Duration deployWindow) {
    return jdbi.withHandle(handle -> context(handle, incident, dependsOn, deployWindow));
  }

  private static IncidentContext context(
      Handle handle, IncidentRecord incident, List<String> dependsOn, Duration deployWindow) {
    requireNonNull(incident, "incident is null");
    requireNonNull(dependsOn, "dependsOn is null");
    requireNonNull(deployWindow, "deployWindow is null");
    long number = incident.number();
    return new IncidentContext(
        deploysBefore(handle, incident, dependsOn, deployWindow),
        similarTo(handle, number),
        repeatOf(handle, number).orElse(null));
  }

  /**
   * Deploys to the incident's service and to {@code dependsOn} in the {@code deployWindow} before
   * it started, newest first: what the briefing, the incident view and the postmortem list.
   */
  public List<Deploy> deploysBefore(
      IncidentRecord incident, List<String> dependsOn, Duration deployWindow) {
    return jdbi.withHandle(handle -> deploysBefore(handle, incident, dependsOn, deployWindow));
  }

  private static List<Deploy> deploysBefore(
      Handle handle, IncidentRecord incident, List<String> dependsOn, Duration deployWindow) {
    requireNonNull(incident, "incident is null");
    requireNonNull(dependsOn, "dependsOn is null");
    List<String> services = new ArrayList<>();
    services.add(incident.service());
    dependsOn.stream().filter(service -> !services.contains(service)).forEach(services::add);
    return DeployRepository.before(handle, services, incident.triggeredAt(), deployWindow);
  }

  /** The incident with that number, if recorded. */
  public Optional<IncidentRecord> find(long number) {
    return jdbi.withHandle(handle -> find(handle, number));
  }

  private static Optional<IncidentRecord> find(Handle handle, long number) {
    return handle
        .createQuery("/* IncidentLibrary.find */ " + IncidentDao.FIND)
        .bind("number", number)
        .map(INCIDENTS)
        .findOne();
  }
}
