package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.IncidentStatus;
import java.time.Instant;

/**
 * A past incident like the one at hand, for responders to read before they start diagnosing.
 *
 * @param id {@code INC-<number>}
 * @param resolvedAt when it was resolved, or null if it never was
 */
public record SimilarIncident(String id, String title, IncidentStatus status, Instant resolvedAt) {

  public SimilarIncident {
    requireNonNull(id, "id is null");
    requireNonNull(title, "title is null");
    requireNonNull(status, "status is null");
  }
}
