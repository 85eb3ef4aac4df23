package dev.incidentflow.workflows.postmortem;

import static java.util.Objects.requireNonNull;

/**
 * A person marking an action item done in IncidentFlow, for an item no Jira issue tracks.
 *
 * @param by the person's catalog handle
 * @param note what they said about it; empty when they said nothing
 */
public record ActionItemCompletion(String by, String note) {

  public ActionItemCompletion {
    requireNonNull(by, "by is null");
    if (by.isBlank()) {
      throw new IllegalArgumentException("by is blank");
    }
    note = note == null ? "" : note.strip();
  }
}
