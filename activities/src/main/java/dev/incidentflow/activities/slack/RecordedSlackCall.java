package dev.incidentflow.activities.slack;

import static java.util.Objects.requireNonNull;

/**
 * What {@link LoggingSlackChatActivities} would have sent.
 *
 * @param operation the {@code SlackChatActivities} method, e.g. {@code postMessage}
 * @param target the channel id or name, or the person's handle for a direct message
 * @param text the message, topic or briefing fallback text; empty for an archive
 */
public record RecordedSlackCall(String operation, String target, String text) {

  public RecordedSlackCall {
    requireNonNull(operation, "operation is null");
    requireNonNull(target, "target is null");
    requireNonNull(text, "text is null");
  }
}
