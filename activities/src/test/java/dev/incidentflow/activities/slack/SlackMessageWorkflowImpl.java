package dev.incidentflow.activities.slack;

import dev.incidentflow.workflows.activities.ChannelMessage;
import dev.incidentflow.workflows.activities.FailureType;
import dev.incidentflow.workflows.activities.SlackChatActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Never retries the {@link FailureType}s, like production workflows, but backs off only 100 ms, so
 * a longer wait between attempts can only come from the failure's next retry delay. Public with a
 * public constructor because Temporal instantiates it reflectively and insists on both.
 */
public class SlackMessageWorkflowImpl implements SlackMessageWorkflow {

  static final Duration INITIAL_INTERVAL = Duration.ofMillis(100);

  private final SlackChatActivities slack = slack();

  /** The real Slack activities, with this class's retry policy; call from workflow code only. */
  static SlackChatActivities slack() {
    return Workflow.newActivityStub(
        SlackChatActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryOptions(
                RetryOptions.newBuilder()
                    .setInitialInterval(INITIAL_INTERVAL)
                    .setBackoffCoefficient(1.0)
                    .setMaximumAttempts(3)
                    .setDoNotRetry(FailureType.names())
                    .build())
            .build());
  }

  @Override
  public void post(ChannelMessage message) {
    slack.postMessage(message);
  }
}
