package dev.incidentflow.workflows.activities;

import java.util.List;

/**
 * What responders should know when an incident opens, beyond the alert.
 *
 * @param deploys to the service and the services it depends on in the deploy window before the
 *     incident started, newest first
 * @param similar up to three past incidents: same service first, then by text similarity
 * @param repeatOf the id of an incident closed in the 30 days before this one started with the same
 *     alert dedup key, or the same service and title; null when this is no repeat
 */
public record IncidentContext(
    List<Deploy> deploys, List<SimilarIncident> similar, String repeatOf) {

  public IncidentContext {
    deploys = deploys == null ? List.of() : List.copyOf(deploys);
    similar = similar == null ? List.of() : List.copyOf(similar);
  }
}
