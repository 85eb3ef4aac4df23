package dev.incidentflow.activities.tracker;

import dev.incidentflow.workflows.activities.FailureType;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.activities.TrackerActivities;
import dev.incidentflow.workflows.activities.TrackerIssue;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Never retries the {@link FailureType}s, like production workflows, but backs off only 100 ms, so
 * a longer wait between attempts can only come from the failure's next retry delay. Public with a
 * public constructor because Temporal instantiates it reflectively.
 */
public class JiraIssueWorkflowImpl implements JiraIssueWorkflow {

  private final TrackerActivities tracker =
      Workflow.newActivityStub(
          TrackerActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMillis(100))
                      .setBackoffCoefficient(1.0)
                      .setMaximumAttempts(4)
                      .setDoNotRetry(FailureType.names())
                      .build())
              .build());

  @Override
  public TrackerIssue create(NewTrackerIssue issue) {
    return tracker.createIssue(issue);
  }
}
