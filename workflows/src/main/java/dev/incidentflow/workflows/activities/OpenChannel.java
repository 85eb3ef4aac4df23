package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.Person;
import java.util.List;

/**
 * Open the incident channel.
 *
 * @param name already valid for Slack (see {@code ChannelName})
 * @param members people to invite, by Slack id or, lacking one, email
 */
public record OpenChannel(String name, boolean privateChannel, String topic, List<Person> members) {

  public OpenChannel {
    requireNonNull(name, "name is null");
    topic = topic == null ? "" : topic;
    members = members == null ? List.of() : List.copyOf(members);
  }
}
