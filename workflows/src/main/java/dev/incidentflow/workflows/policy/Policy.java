package dev.incidentflow.workflows.policy;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.Severity;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole severity policy. An incident keeps the snapshot it started with, so editing policy.yml
 * changes new incidents and never running ones.
 */
public record Policy(Map<Severity, SeverityPolicy> severities, ActionItemPolicy actionItems) {

  public Policy {
    requireNonNull(severities, "severities is null");
    for (Severity severity : Severity.values()) {
      if (!severities.containsKey(severity)) {
        throw new IllegalArgumentException("severities." + severity + " is missing");
      }
    }
    severities = Map.copyOf(new EnumMap<>(severities));
    actionItems = actionItems == null ? ActionItemPolicy.defaults() : actionItems;
    Map<String, Severity> seen = new HashMap<>();
    for (Severity severity : Severity.values()) {
      for (String alias : severities.get(severity).aliases()) {
        Severity previous = seen.put(alias.toLowerCase(Locale.ROOT), severity);
        if (previous != null && previous != severity) {
          throw new IllegalArgumentException(
              "severities."
                  + severity
                  + ".aliases: '"
                  + alias
                  + "' is already an alias of "
                  + previous);
        }
        if (Severity.parse(alias).filter(named -> named != severity).isPresent()) {
          throw new IllegalArgumentException(
              "severities." + severity + ".aliases: '" + alias + "' names another severity");
        }
      }
    }
  }

  public SeverityPolicy row(Severity severity) {
    return severities.get(severity);
  }

  /**
   * Maps an alert's severity label ({@code critical}, {@code P1}, {@code SEV1}) to a severity,
   * case-insensitively.
   */
  public Optional<Severity> severityFor(String label) {
    if (label == null || label.isBlank()) {
      return Optional.empty();
    }
    Optional<Severity> named = Severity.parse(label);
    if (named.isPresent()) {
      return named;
    }
    String wanted = label.trim();
    for (Severity severity : Severity.values()) {
      for (String alias : row(severity).aliases()) {
        if (alias.equalsIgnoreCase(wanted)) {
          return Optional.of(severity);
        }
      }
    }
    return Optional.empty();
  }
}
