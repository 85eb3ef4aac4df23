package dev.incidentflow.activities.tracker;

import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.activities.TrackerIssue;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A test workflow that creates one issue through the real activity with a retry policy. Public
 * because Temporal refuses non-public workflow interfaces.
 */
@WorkflowInterface
public interface JiraIssueWorkflow {

  @WorkflowMethod
  TrackerIssue create(NewTrackerIssue issue);
}
