package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

/**
 * Rename the incident channel.
 *
 * @param name already valid for Slack (see {@code ChannelName})
 */
public record ChannelRename(String channelId, String name) {

  public ChannelRename {
    requireNonNull(channelId, "channelId is null");
    requireNonNull(name, "name is null");
  }
}
