package dev.incidentflow.workflows.activities;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInterface;
import io.temporal.client.ActivityWorkerShutdownException;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Slack. Rate limits (HTTP 429, {@code ratelimited}) and 5xx are retried after Slack's {@code
 * Retry-After}; errors that will not heal ({@code channel_not_found}, {@code invalid_auth}) fail
 * with {@link FailureType#SLACK_REJECTED} and are not retried.
 */
@ActivityInterface
public interface SlackChatActivities {

  /**
   * Creates the channel, invites the members and sets the topic. Idempotent by name: when a
   * previous attempt already made a channel of that name ({@code name_taken}) it is found and
   * reused, never duplicated. Members Slack cannot find are skipped, not fatal.
   */
  SlackChannel openChannel(OpenChannel request);

  /**
   * Invites people to a channel. Idempotent: someone already in it stays; someone Slack cannot find
   * is logged and skipped.
   */
  void inviteToChannel(ChannelInvite invite);

  /**
   * Renames the channel ({@code conversations.rename}, which needs the {@code channels:manage}
   * scope). A name another channel has is refused ({@code name_taken}), as a scope the app lacks
   * is.
   */
  void renameChannel(ChannelRename rename);

  /** Posts the Block Kit briefing with the Acknowledge / Escalate / Resolve buttons. */
  void postBriefing(Briefing briefing);

  /**
   * Posts a plain message. Its text is shown as written: {@code & < >} are escaped, except in user
   * and channel mentions ({@code <@U123>}, {@code <#C123|general>}), which stay mentions. A retry
   * may post it twice; Slack offers no idempotency key.
   */
  void postMessage(ChannelMessage message);

  /** Sets the channel topic. Idempotent. */
  void setTopic(ChannelMessage topic);

  /** Archives (never deletes) the channel. Idempotent: an archived channel stays archived. */
  void archiveChannel(SlackChannel channel);

  /**
   * Sends a direct message, its text escaped as {@link #postMessage}'s; a person Slack cannot find
   * is logged and skipped.
   */
  void directMessage(DirectMessage message);

  /**
   * Makes the calls one after another in one activity, so that what an incident queued for Slack at
   * one moment costs one round trip through Temporal instead of one per call. A call Slack refuses
   * for good (a non-retryable failure or a {@link FailureType}) is skipped and the rest are made.
   * Any other failure fails the activity, and its retry resumes after the last call made (the
   * progress is the activity's heartbeat, which Temporal keeps across attempts and which the SDK
   * sends with the failure), so only the call that failed is made again, as a retried {@link
   * #postMessage} is. An attempt that times out, or whose worker dies, sends no failure: the retry
   * resumes after the last heartbeat Temporal received (the SDK throttles them), and the calls
   * after it are made twice.
   *
   * @param messages an array rather than a list, so that each element is written with its kind
   * @return for each message, in order: null when it was made, or why Slack refused it
   */
  default List<String> sendInOrder(SlackMessage[] messages) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    List<String> outcomes =
        new ArrayList<>(
            activity.getHeartbeatDetails(Progress.class).map(Progress::outcomes).orElse(List.of()));
    for (int i = outcomes.size(); i < messages.length; i++) {
      try {
        messages[i].sendWith(this);
        outcomes.add(null);
      } catch (ApplicationFailure failure) {
        if (!failure.isNonRetryable()
            && !List.of(FailureType.names()).contains(failure.getType())) {
          throw failure;
        }
        outcomes.add(failure.getOriginalMessage());
      }
      if (outcomes.size() < messages.length) {
        // Progress for a retry; none after the last call, which the result carries.
        try {
          activity.heartbeat(new Progress(outcomes));
        } catch (ActivityWorkerShutdownException stopping) {
          // The worker is stopping: make the few calls left rather than leave them to a retry on
          // another worker, which would start after the last progress the server received.
        }
      }
    }
    return outcomes;
  }

  /**
   * How far {@link #sendInOrder} got: the outcomes of its first calls.
   *
   * @param outcomes as {@link #sendInOrder} returns them
   */
  record Progress(List<String> outcomes) {}
}
