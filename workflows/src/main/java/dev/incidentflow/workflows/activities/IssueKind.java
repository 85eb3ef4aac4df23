package dev.incidentflow.workflows.activities;

/** What an issue is for; the tracker maps each kind to its configured issue type. */
public enum IssueKind {
  POSTMORTEM,
  ACTION_ITEM
}
