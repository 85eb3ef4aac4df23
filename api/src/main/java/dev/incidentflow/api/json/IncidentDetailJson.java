package dev.incidentflow.api.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.incidentflow.workflows.activities.Deploy;
import dev.incidentflow.workflows.activities.IncidentContext;
import dev.incidentflow.workflows.activities.SimilarIncident;
import java.util.List;

/**
 * {@code GET /v1/incidents/{id}}: every field of {@link IncidentJson} and the context a responder
 * wants next to it.
 *
 * @param deploys to the incident's service and the services it depends on, in the window before it
 *     started (configuration {@code deployWindow}, 2 hours by default), newest first
 * @param similar up to three past incidents, same service first, then by text similarity
 * @param repeatOf the id of the closed incident (closed in the 30 days before this one started)
 *     this one repeats, by alert dedup key or by service and title; null when it is no repeat
 */
public record IncidentDetailJson(
    @JsonUnwrapped IncidentJson incident,
    List<Deploy> deploys,
    List<SimilarIncident> similar,
    String repeatOf) {

  public IncidentDetailJson {
    requireNonNull(incident, "incident is null");
    deploys = List.copyOf(deploys);
    similar = List.copyOf(similar);
  }

  public static IncidentDetailJson of(IncidentJson incident, IncidentContext context) {
    return new IncidentDetailJson(
        incident, context.deploys(), context.similar(), context.repeatOf());
  }
}
