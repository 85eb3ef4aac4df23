package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.TrackerIssue;
import dev.incidentflow.workflows.activities.TrackerText;
import dev.incidentflow.workflows.model.Person;

/**
 * What people and the timeline are told about a postmortem. Pure. A postmortem without an owner
 * says so in words ("it has no owner"), not as an owner called "nobody", so that whoever reads the
 * timeline or the channel knows nobody is reminded of it and somebody has to take it on.
 */
final class PostmortemMessages {
  private static final String NO_OWNER = "has no owner";

  private PostmortemMessages() {}

  static String scheduled(PostmortemInput input, TrackerIssue issue, Person owner) {
    return "Postmortem scheduled, due "
        + TrackerText.shortTime(input.dueAt())
        + where(issue)
        + (owner == null ? "; it " + NO_OWNER + ", so nobody is reminded of it" : "");
  }

  static String announced(PostmortemInput input, TrackerIssue issue, Person owner) {
    return input.incidentId()
        + " ("
        + input.severity()
        + ", "
        + input.service()
        + ") is closed. "
        + (owner == null
            ? "Its postmortem " + NO_OWNER + ", so nobody is reminded of it; due "
            : "Postmortem owner: " + FollowUpNotices.mention(owner) + ", due ")
        + TrackerText.shortTime(input.dueAt())
        + where(issue);
  }

  static String assigned(PostmortemInput input, TrackerIssue issue) {
    return "You own the postmortem of "
        + input.incidentId()
        + " ("
        + input.title()
        + "), due "
        + TrackerText.shortTime(input.dueAt())
        + where(issue)
        + ". It has the timeline and a Five Whys template; publish it with /incident postmortem <url>.";
  }

  /** The direct message to whom a postmortem was handed over to. */
  static String handedOver(PostmortemInput input, TrackerIssue issue, Handover handover) {
    return handover.by()
        + " handed the postmortem of "
        + input.incidentId()
        + " over to you. "
        + assigned(input, issue);
  }

  /** To the owner a hand-over relieved: nothing more comes to them about it. */
  static String relieved(PostmortemInput input, Handover handover) {
    return handover.by()
        + " handed the postmortem of "
        + input.incidentId()
        + " over to "
        + handover.owner()
        + ": you are no longer reminded of it.";
  }

  /** The timeline's line for a hand-over, from {@code previous} (null when nobody owned it). */
  static String handoverEvent(String previous, Handover handover) {
    return "Postmortem handed over "
        + (previous == null ? "" : "from " + previous + " ")
        + "to "
        + handover.owner()
        + " by "
        + handover.by();
  }

  static String reminder(PostmortemInput input, TrackerIssue issue) {
    return "Reminder: the postmortem of "
        + input.incidentId()
        + " is due "
        + TrackerText.shortTime(input.dueAt())
        + where(issue)
        + ".";
  }

  static String overdueEvent(PostmortemInput input, Person owner, Person manager) {
    return "Postmortem overdue since "
        + TrackerText.shortTime(input.dueAt())
        + (owner == null
            ? "; it " + NO_OWNER + " to remind or to escalate past"
            : manager == null
                ? "; no manager to escalate to"
                : "; escalated to " + manager.handle());
  }

  static String overdue(PostmortemInput input, TrackerIssue issue) {
    return "The postmortem of "
        + input.incidentId()
        + " is overdue (it was due "
        + TrackerText.shortTime(input.dueAt())
        + ")"
        + where(issue)
        + ".";
  }

  static String escalation(PostmortemInput input, TrackerIssue issue, Person owner) {
    return "The postmortem of "
        + input.incidentId()
        + " ("
        + input.severity()
        + ", "
        + input.service()
        + ": "
        + input.title()
        + (owner == null
            ? "), which " + NO_OWNER + ","
            : ") owned by " + FollowUpNotices.mention(owner))
        + " is overdue since "
        + TrackerText.shortTime(input.dueAt())
        + where(issue)
        + ".";
  }

  static String published(PostmortemInput input, Publication publication) {
    return "Postmortem of "
        + input.incidentId()
        + " published by "
        + publication.by()
        + ": "
        + publication.url()
        + (publication.summary().isBlank() ? "" : " - " + publication.summary());
  }

  private static String where(TrackerIssue issue) {
    return issue == null ? "" : ": " + issue.url();
  }
}
