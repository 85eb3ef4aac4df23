package dev.incidentflow.workflows.incident;

/**
 * A person moving the incident: acknowledge, identify, mitigate, resolve, reopen, cancel or
 * escalate.
 *
 * @param by the person's handle
 * @param note optional free text kept on the timeline
 * @param incident see {@link MeantFor}
 */
public record Transition(String by, String note, String incident) implements MeantFor {

  public Transition {
    by = by == null || by.isBlank() ? "unknown" : by.trim();
    note = note == null ? "" : note;
    incident = MeantFor.normalize(incident);
  }

  /** A transition for whichever incident runs now. */
  public Transition(String by, String note) {
    this(by, note, null);
  }
}
