package dev.incidentflow.workflows.activities;

import java.util.List;

/**
 * Which incident's context to look up.
 *
 * @param incidentNumber a recorded incident
 * @param dependsOn the services the incident's service depends on (its catalog entry's {@code
 *     dependsOn}); deploys to them count as well as deploys to the service itself
 */
public record ContextQuery(long incidentNumber, List<String> dependsOn) {

  public ContextQuery {
    if (incidentNumber < 1) {
      throw new IllegalArgumentException("incident numbers start at 1: " + incidentNumber);
    }
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
  }
}
