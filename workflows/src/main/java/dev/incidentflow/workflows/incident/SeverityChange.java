package dev.incidentflow.workflows.incident;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.Severity;

/**
 * Change the incident's severity; every timer is replanned from the new row of the snapshot.
 *
 * @param incident see {@link MeantFor}
 */
public record SeverityChange(Severity severity, String by, String note, String incident)
    implements MeantFor {

  public SeverityChange {
    requireNonNull(severity, "severity is null");
    by = by == null || by.isBlank() ? "unknown" : by.trim();
    note = note == null ? "" : note;
    incident = MeantFor.normalize(incident);
  }

  /** A severity change for whichever incident runs now. */
  public SeverityChange(Severity severity, String by, String note) {
    this(severity, by, note, null);
  }
}
