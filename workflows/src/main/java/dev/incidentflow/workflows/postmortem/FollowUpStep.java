package dev.incidentflow.workflows.postmortem;

/** What chasing a postmortem or an action item does next; see {@link FollowUpPlan}. */
public enum FollowUpStep {
  /** Tell the owner it is due soon. */
  REMIND,
  /** Flag it overdue and tell the owner. */
  OVERDUE,
  /** Tell the owner's manager. */
  ESCALATE,
  /** Tell them again: weekly once escalated, until done. */
  REPEAT,
  /** Ask the tracker whether it is done, in case its webhook was lost. */
  POLL
}
