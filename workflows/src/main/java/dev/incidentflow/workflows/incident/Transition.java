package dev.incidentflow.workflows.incident;

/**
 * A person moving the incident: acknowledge, identify, mitigate, resolve, reopen, cancel or
 * escalate.
 *
 * @param by the person's handle
 * @param note optional free text kept on the timeline
 */
public record Transition(String by, String note) {

  public Transition {
    by = by == null || by.isBlank() ? "unknown" : by.trim();
    note = note == null ? "" : note;
  }
}
