package dev.incidentflow.workflows.incident;

import static java.util.Objects.requireNonNull;

/** A status update or a decision log entry. */
public record Note(String text, String by) {

  public Note {
    requireNonNull(text, "text is null");
    by = by == null || by.isBlank() ? "unknown" : by.trim();
  }
}
