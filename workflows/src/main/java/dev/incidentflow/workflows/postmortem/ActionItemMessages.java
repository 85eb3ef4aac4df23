package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.TrackerIssue;
import dev.incidentflow.workflows.activities.TrackerStatus;
import dev.incidentflow.workflows.activities.TrackerText;
import dev.incidentflow.workflows.model.Person;
import java.time.Duration;

/** What people and the timeline are told about an action item. Pure. */
final class ActionItemMessages {
  private ActionItemMessages() {}

  static String created(ActionItemInput input, ActionItemProgress progress) {
    return "Action item "
        + progress.number().id()
        + " for "
        + progress.owner().handle()
        + ", due "
        + input.due()
        + ": "
        + input.title()
        + where(progress.issue());
  }

  static String assigned(ActionItemInput input, ActionItemProgress progress) {
    return "You own action item "
        + progress.number().id()
        + " from "
        + input.incidentId()
        + ", due "
        + input.due()
        + ": "
        + input.title()
        + where(progress.issue())
        + ". Move the issue to Done when it is done.";
  }

  static String reopened(ActionItemInput input, ActionItemProgress progress) {
    return "Action item "
        + progress.number().id()
        + " ("
        + input.title()
        + ") was reopened in Jira; it is yours"
        + " again, due "
        + input.due()
        + where(progress.issue())
        + ".";
  }

  static String reminder(ActionItemInput input, ActionItemProgress progress) {
    return "Reminder: action item "
        + progress.number().id()
        + " ("
        + input.title()
        + ") is due "
        + input.due()
        + where(progress.issue())
        + ".";
  }

  static String overdue(ActionItemInput input, ActionItemProgress progress) {
    return "Action item "
        + progress.number().id()
        + " ("
        + input.title()
        + ") is overdue; it was due "
        + input.due()
        + where(progress.issue())
        + ".";
  }

  static String escalatedEvent(
      ActionItemInput input, ActionItemProgress progress, Person manager, Duration overdueFor) {
    return "Action item "
        + progress.number().id()
        + " overdue for "
        + TrackerText.duration(overdueFor)
        + "; "
        + (manager == null ? "no manager to escalate to" : "escalated to " + manager.handle());
  }

  /** To the owner when the item is escalated or repeated: not the overdue notice word for word. */
  static String stillOverdue(
      ActionItemInput input, ActionItemProgress progress, Person manager, Duration overdueFor) {
    return "Action item "
        + progress.number().id()
        + " ("
        + input.title()
        + ") is still overdue, by "
        + TrackerText.duration(overdueFor)
        + (manager == null ? "" : "; " + FollowUpNotices.mention(manager) + " knows")
        + "; it was due "
        + input.due()
        + where(progress.issue())
        + ".";
  }

  static String escalation(
      ActionItemInput input, ActionItemProgress progress, Duration overdueFor) {
    return "Action item "
        + progress.number().id()
        + " from "
        + input.incidentId()
        + " ("
        + input.title()
        + "), owned by "
        + FollowUpNotices.mention(progress.owner())
        + ", is overdue by "
        + TrackerText.duration(overdueFor)
        + "; it was due "
        + input.due()
        + where(progress.issue())
        + ".";
  }

  /**
   * The timeline's reopening: what Jira moved the issue to and, when it said, by whom and when.
   *
   * @param status the status Jira reopened the item to; null when the run was not told
   */
  static String reopenedEvent(
      ActionItemInput input, ActionItemProgress progress, TrackerStatus status) {
    if (status == null) {
      return "Action item " + progress.number().id() + " reopened in Jira: " + input.title();
    }
    return "Action item "
        + progress.number().id()
        + " reopened in Jira"
        + (status.by() == null ? "" : " by " + status.by())
        + (status.changedAt() == null ? "" : " at " + TrackerText.time(status.changedAt()))
        + " ("
        + status.issueKey()
        + " is "
        + (status.name().isEmpty() ? "no longer done" : status.name())
        + "): "
        + input.title();
  }

  /** How a person marking the item done reads in {@link #done}. */
  static String markedDone(ActionItemCompletion completion) {
    return "marked done by "
        + completion.by()
        + (completion.note().isEmpty() ? "" : ": " + completion.note());
  }

  static String done(ActionItemInput input, ActionItemProgress progress, String how) {
    return "Action item " + progress.number().id() + " done (" + how + "): " + input.title();
  }

  private static String where(TrackerIssue issue) {
    return issue == null ? "" : " " + issue.url();
  }
}
