package dev.incidentflow.activities.paging;

import dev.incidentflow.workflows.activities.FailureType;
import dev.incidentflow.workflows.activities.PagerEvent;
import dev.incidentflow.workflows.activities.PagingActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Never retries the {@link FailureType}s, like production workflows, but backs off only 100 ms, so
 * a longer wait between attempts can only come from the failure's next retry delay. Public with a
 * public constructor because Temporal instantiates it reflectively and insists on both.
 */
public class PagerEventWorkflowImpl implements PagerEventWorkflow {

  private final PagingActivities paging =
      Workflow.newActivityStub(
          PagingActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMillis(100))
                      .setBackoffCoefficient(1.0)
                      .setMaximumAttempts(3)
                      .setDoNotRetry(FailureType.names())
                      .build())
              .build());

  @Override
  public void send(PagerEvent event) {
    paging.send(event);
  }
}
