package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Resolve notify targets ({@code oncall:primary}, {@code role:...}, ...) to people and channels.
 *
 * @param incidentRoles the incident's own roles (commander, communications, ...), consulted for
 *     {@code role:} targets before the catalog's
 */
public record TargetQuery(
    String service, List<String> targets, Instant at, Map<String, String> incidentRoles) {

  public TargetQuery {
    requireNonNull(service, "service is null");
    targets = List.copyOf(requireNonNull(targets, "targets is null"));
    requireNonNull(at, "at is null");
    incidentRoles = incidentRoles == null ? Map.of() : Map.copyOf(incidentRoles);
  }
}
