package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.Person;

/**
 * The people an incident starts with.
 *
 * @param primary this week's on-call, or null when the service has no schedule or it is empty
 * @param secondary next week's on-call, or null
 * @param commander the named commander, else the primary, else null
 */
public record Responders(ServiceInfo service, Person primary, Person secondary, Person commander) {

  public Responders {
    requireNonNull(service, "service is null");
  }
}
