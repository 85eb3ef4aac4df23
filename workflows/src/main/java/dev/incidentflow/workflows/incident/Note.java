package dev.incidentflow.workflows.incident;

import static java.util.Objects.requireNonNull;

/**
 * A status update or a decision log entry.
 *
 * @param incident see {@link MeantFor}
 */
public record Note(String text, String by, String incident) implements MeantFor {

  public Note {
    requireNonNull(text, "text is null");
    by = by == null || by.isBlank() ? "unknown" : by.trim();
    incident = MeantFor.normalize(incident);
  }

  /** A note for whichever incident runs now. */
  public Note(String text, String by) {
    this(text, by, null);
  }
}
