package dev.incidentflow.activities.directory;

import dev.incidentflow.workflows.incident.RoleAssignment;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.NotifyTarget;
import dev.incidentflow.workflows.policy.Policy;
import dev.incidentflow.workflows.policy.SeverityPolicy;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks that every name policy.yml notifies or invites exists: each {@code role:X} is an incident
 * role (commander, communications, scribe, tech-lead, resolved from the incident first) or a
 * catalog role, each {@code person:X} is in the catalog's people. Run it at start, after loading
 * both files, so that a typo stops the process instead of paging nobody at 3 a.m.
 */
public final class PolicyReferences {

  private PolicyReferences() {}

  /** Verifies the policy against the catalog; errors name the policy as {@code policy.yml}. */
  public static void verify(Policy policy, Catalog catalog) {
    verify(policy, catalog, "policy.yml");
  }

  /**
   * Verifies the policy against the catalog.
   *
   * @param policySource how errors name the policy file
   * @throws ConfigurationError naming the first target that names nobody
   */
  public static void verify(Policy policy, Catalog catalog, String policySource) {
    for (Severity severity : Severity.values()) {
      SeverityPolicy row = policy.row(severity);
      for (int i = 0; i < row.invite().size(); i++) {
        String key = "severities." + severity + ".invite[" + i + "]";
        check(NotifyTarget.parse(row.invite().get(i)), catalog, policySource, key);
      }
      for (int i = 0; i < row.escalation().size(); i++) {
        List<String> targets = row.escalation().get(i).targets();
        for (int j = 0; j < targets.size(); j++) {
          String key = "severities." + severity + ".escalation[" + i + "].notify[" + j + "]";
          check(NotifyTarget.parse(targets.get(j)), catalog, policySource, key);
        }
      }
    }
  }

  private static void check(NotifyTarget target, Catalog catalog, String source, String key) {
    switch (target.kind()) {
      case ROLE -> {
        if (!RoleAssignment.ROLES.contains(target.name())
            && !catalog.roles().containsKey(target.name())) {
          throw new ConfigurationError(
              source,
              key,
              "role '"
                  + target.name()
                  + "' is neither a role in the catalog ("
                  + String.join(", ", new TreeSet<>(catalog.roles().keySet()))
                  + ") nor an incident role ("
                  + String.join(", ", new TreeSet<>(RoleAssignment.ROLES))
                  + ")");
        }
      }
      case PERSON -> {
        if (!catalog.people().containsKey(target.name())) {
          throw new ConfigurationError(
              source, key, "person '" + target.name() + "' is not in the catalog's people");
        }
      }
      case ONCALL, CHANNEL -> {
        // Every service's schedule answers oncall targets, and channels are Slack's to know.
      }
    }
  }
}
