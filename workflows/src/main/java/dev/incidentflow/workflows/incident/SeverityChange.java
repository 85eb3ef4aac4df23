package dev.incidentflow.workflows.incident;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.Severity;

/** Change the incident's severity; every timer is replanned from the new row of the snapshot. */
public record SeverityChange(Severity severity, String by, String note) {

  public SeverityChange {
    requireNonNull(severity, "severity is null");
    by = by == null || by.isBlank() ? "unknown" : by.trim();
    note = note == null ? "" : note;
  }
}
