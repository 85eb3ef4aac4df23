package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

/**
 * A plain message for a channel.
 *
 * @param channel a channel id or, for the stakeholder channel, its name
 */
public record ChannelMessage(String channel, String text) {

  public ChannelMessage {
    requireNonNull(channel, "channel is null");
    requireNonNull(text, "text is null");
  }
}
