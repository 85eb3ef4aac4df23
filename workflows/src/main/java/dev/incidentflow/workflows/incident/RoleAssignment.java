package dev.incidentflow.workflows.incident;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Give an incident role (commander, communications, scribe, tech-lead) to a person.
 *
 * @param incident see {@link MeantFor}
 */
public record RoleAssignment(String role, String person, String by, String incident)
    implements MeantFor {

  public static final Set<String> ROLES =
      Set.of("commander", "communications", "scribe", "tech-lead");

  public RoleAssignment {
    requireNonNull(role, "role is null");
    requireNonNull(person, "person is null");
    by = by == null || by.isBlank() ? "unknown" : by.trim();
    incident = MeantFor.normalize(incident);
  }

  /** A role assignment for whichever incident runs now. */
  public RoleAssignment(String role, String person, String by) {
    this(role, person, by, null);
  }
}
