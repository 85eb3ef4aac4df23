package dev.incidentflow.workflows.postmortem;

/**
 * A postmortem handed over to another owner ({@code POST /v1/incidents/{id}/postmortem/owner}).
 * Lenient on purpose: a blank owner is the validator's to refuse with a reason, not a failure to
 * read the Update.
 *
 * @param owner the new owner's catalog handle
 * @param by who handed it over, a catalog handle; {@code system} when nobody is named
 */
public record Handover(String owner, String by) {

  public Handover {
    owner = owner == null ? "" : owner.strip();
    by = by == null || by.isBlank() ? "system" : by.strip();
  }
}
