package dev.incidentflow.workflows.activities;

/** What an issue is for; the tracker maps each kind to its configured issue type. */
public enum IssueKind {
  /** The ticket of an incident whose severity pages nobody, for the owning team. */
  INCIDENT,
  POSTMORTEM,
  ACTION_ITEM
}
