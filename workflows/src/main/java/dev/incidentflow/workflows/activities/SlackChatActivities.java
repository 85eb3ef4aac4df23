package dev.incidentflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

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
}
