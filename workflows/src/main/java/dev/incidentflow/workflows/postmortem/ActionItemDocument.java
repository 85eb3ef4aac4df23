package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.ActionItemNumber;
import dev.incidentflow.workflows.activities.IssueKind;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.activities.TrackerText;
import java.util.List;

/** The action item's Jira issue. Pure. */
public final class ActionItemDocument {
  private ActionItemDocument() {}

  /**
   * The label that finds the issue a previous attempt (or run) created: made from the workflow id,
   * which is unique per item, so a reopened item finds its own issue again.
   */
  public static String idempotencyLabel(String workflowId) {
    return "incidentflow-" + TrackerText.label(workflowId);
  }

  public static NewTrackerIssue issue(
      ActionItemInput input,
      String workflowId,
      ActionItemNumber number,
      String project,
      String assignee) {
    List<String> labels =
        List.of(
            "incidentflow",
            "action-item",
            TrackerText.label(input.incidentId()),
            input.kind().wireName());
    return new NewTrackerIssue(
        IssueKind.ACTION_ITEM,
        project,
        "[" + input.incidentId() + "] " + input.title(),
        description(input, number),
        labels,
        idempotencyLabel(workflowId),
        assignee,
        input.due());
  }

  static String description(ActionItemInput input, ActionItemNumber number) {
    return "Action item "
        + number.id()
        + " ("
        + input.kind().wireName().replace('_', ' ')
        + ") from the postmortem of "
        + input.incidentId()
        + ".\n\n"
        + "*"
        + TrackerText.wiki(input.title())
        + "*\n\n"
        + "Owner: "
        + TrackerText.wiki(input.owner())
        + ". Due: "
        + input.due()
        + ". Added by "
        + TrackerText.wiki(input.createdBy())
        + ".\n\n"
        + "IncidentFlow reminds the owner before the due date and tells their manager when it is overdue,"
        + " until this issue reaches a done status.\n";
  }
}
