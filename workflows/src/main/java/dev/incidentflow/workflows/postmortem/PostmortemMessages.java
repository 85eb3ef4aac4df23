package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.TrackerIssue;
import dev.incidentflow.workflows.activities.TrackerText;
import dev.incidentflow.workflows.model.Person;

/** What people and the timeline are told about a postmortem. Pure. */
final class PostmortemMessages {
  private PostmortemMessages() {}

  static String scheduled(PostmortemInput input, TrackerIssue issue) {
    return "Postmortem scheduled, due " + TrackerText.shortTime(input.dueAt()) + where(issue);
  }

  static String announced(PostmortemInput input, TrackerIssue issue, Person commander) {
    return input.incidentId()
        + " ("
        + input.severity()
        + ", "
        + input.service()
        + ") is closed. Postmortem owner: "
        + FollowUpNotices.mention(commander)
        + ", due "
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

  static String reminder(PostmortemInput input, TrackerIssue issue) {
    return "Reminder: the postmortem of "
        + input.incidentId()
        + " is due "
        + TrackerText.shortTime(input.dueAt())
        + where(issue)
        + ".";
  }

  static String overdueEvent(PostmortemInput input, Person manager) {
    return "Postmortem overdue since "
        + TrackerText.shortTime(input.dueAt())
        + (manager == null ? "; no manager to escalate to" : "; escalated to " + manager.handle());
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

  static String escalation(PostmortemInput input, TrackerIssue issue, Person commander) {
    return "The postmortem of "
        + input.incidentId()
        + " ("
        + input.severity()
        + ", "
        + input.service()
        + ": "
        + input.title()
        + ") owned by "
        + FollowUpNotices.mention(commander)
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
