package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.IncidentFilter;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.json.IncidentJson;
import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.model.IncidentStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds an incident by the id people write ({@code INC-42}), for every way into the API. */
public final class IncidentLookup {
  private final IncidentRepository repository;

  public IncidentLookup(IncidentRepository repository) {
    this.repository = requireNonNull(repository, "repository is null");
  }

  /**
   * The stored incident.
   *
   * @throws ApiException 404 when {@code id} is not an incident id or no such incident exists
   */
  public IncidentRecord record(String id) {
    IncidentNumber number = number(id);
    return repository.find(number.number()).orElseThrow(() -> doesNotExist(number));
  }

  /**
   * The stored incident with its timeline, read together so that the two agree.
   *
   * @throws ApiException 404 as {@link #record}
   */
  public IncidentRepository.WithTimeline withTimeline(String id) {
    IncidentNumber number = number(id);
    return repository.findWithTimeline(number.number()).orElseThrow(() -> doesNotExist(number));
  }

  private static IncidentNumber number(String id) {
    return IncidentNumber.parse(id)
        .orElseThrow(
            () ->
                new ApiException(
                    404, "'" + id + "' is not an incident id (INC-<number>)", List.of()));
  }

  private static ApiException doesNotExist(IncidentNumber number) {
    return ApiException.notFound(number.id() + " does not exist");
  }

  /**
   * The newest incidents that have not ended (closed or canceled), at most {@code limit}: those a
   * command typed outside an incident channel most likely means.
   */
  public List<IncidentRecord> notEnded(int limit) {
    Set<IncidentStatus> notEnded =
        EnumSet.allOf(IncidentStatus.class).stream()
            .filter(status -> !status.isTerminal())
            .collect(Collectors.toUnmodifiableSet());
    return repository.list(new IncidentFilter(notEnded, Set.of(), Set.of(), null, null, limit));
  }

  /** The incident with its timeline, as {@code GET /v1/incidents/{id}} shows it. */
  public IncidentJson json(String id) {
    IncidentRepository.WithTimeline incident = withTimeline(id);
    return IncidentJson.of(incident.incident(), incident.timeline());
  }
}
