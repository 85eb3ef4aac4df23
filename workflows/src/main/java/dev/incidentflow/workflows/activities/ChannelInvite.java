package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.Person;
import java.util.List;

/**
 * Invite people to the incident channel.
 *
 * @param channelName for the log
 * @param people found by Slack id or, lacking one, email
 */
public record ChannelInvite(String channelId, String channelName, List<Person> people) {

  public ChannelInvite {
    requireNonNull(channelId, "channelId is null");
    people = people == null ? List.of() : List.copyOf(people);
  }
}
