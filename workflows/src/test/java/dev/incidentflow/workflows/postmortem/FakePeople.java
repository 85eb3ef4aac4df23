package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.Briefing;
import dev.incidentflow.workflows.activities.ChannelInvite;
import dev.incidentflow.workflows.activities.ChannelMessage;
import dev.incidentflow.workflows.activities.ChannelRename;
import dev.incidentflow.workflows.activities.DirectMessage;
import dev.incidentflow.workflows.activities.DirectoryActivities;
import dev.incidentflow.workflows.activities.OpenChannel;
import dev.incidentflow.workflows.activities.ResolvedTargets;
import dev.incidentflow.workflows.activities.ResponderQuery;
import dev.incidentflow.workflows.activities.Responders;
import dev.incidentflow.workflows.activities.ServiceInfo;
import dev.incidentflow.workflows.activities.SlackChannel;
import dev.incidentflow.workflows.activities.SlackChatActivities;
import dev.incidentflow.workflows.activities.Staffing;
import dev.incidentflow.workflows.activities.TargetQuery;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fixed catalog and a Slack that records what it is told: alice (commander, manager dana) and bob
 * (owner, manager dana) with Jira accounts; every service files into PAY.
 */
final class FakePeople implements DirectoryActivities, SlackChatActivities {
  static final Map<String, Person> PEOPLE =
      Map.of(
          "alice",
              new Person(
                  "alice", "Alice Ng", "alice@example.com", "U0ALICE", "acc-alice", null, "dana"),
          "bob",
              new Person("bob", "Bob Stone", "bob@example.com", "U0BOB", "acc-bob", null, "dana"),
          "dana",
              new Person(
                  "dana", "Dana Ortiz", "dana@example.com", "U0DANA", "acc-dana", null, "erin"),
          "carol",
              new Person("carol", "Carol Wu", "carol@example.com", "U0CAROL", null, null, null));
  final List<DirectMessage> directMessages = new CopyOnWriteArrayList<>();
  final List<ChannelMessage> messages = new CopyOnWriteArrayList<>();

  @Override
  public Policy currentPolicy() {
    throw new UnsupportedOperationException("postmortems take the policy from their input");
  }

  @Override
  public Responders responders(ResponderQuery query) {
    Person commander = query.commander() == null ? null : PEOPLE.get(query.commander());
    return new Responders(
        new ServiceInfo(
            query.service(),
            "payments",
            "payments-oncall",
            null,
            null,
            List.of(),
            "PAY",
            "incidents"),
        PEOPLE.get("alice"),
        PEOPLE.get("bob"),
        commander);
  }

  @Override
  public Staffing staffing(ResponderQuery query) {
    throw new UnsupportedOperationException("postmortems staff no incident");
  }

  @Override
  public ResolvedTargets resolveTargets(TargetQuery query) {
    List<Person> people = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (String target : query.targets()) {
      String handle = target.substring(target.indexOf(':') + 1);
      if (target.startsWith("person:")) {
        people.add(PEOPLE.getOrDefault(handle, Person.ofHandle(handle)));
      } else {
        unresolved.add(target);
      }
    }
    return new ResolvedTargets(people, List.of(), unresolved);
  }

  @Override
  public SlackChannel openChannel(OpenChannel request) {
    throw new UnsupportedOperationException("postmortems open no channels");
  }

  @Override
  public void postBriefing(Briefing briefing) {
    throw new UnsupportedOperationException("postmortems post no briefings");
  }

  /** While true, Slack is down: every post fails and Temporal retries it. */
  volatile boolean down;

  @Override
  public void postMessage(ChannelMessage message) {
    if (down) {
      throw new IllegalStateException("Slack answered 503");
    }
    messages.add(message);
  }

  @Override
  public void renameChannel(ChannelRename rename) {
    throw new UnsupportedOperationException("postmortems rename no channels");
  }

  @Override
  public void inviteToChannel(ChannelInvite invite) {
    throw new UnsupportedOperationException("postmortems invite nobody");
  }

  @Override
  public void setTopic(ChannelMessage topic) {
    throw new UnsupportedOperationException("postmortems set no topics");
  }

  @Override
  public void archiveChannel(SlackChannel channel) {
    throw new UnsupportedOperationException("postmortems archive no channels");
  }

  @Override
  public void directMessage(DirectMessage message) {
    directMessages.add(message);
  }

  List<String> textsTo(String handle) {
    return directMessages.stream()
        .filter(m -> m.person().handle().equals(handle))
        .map(DirectMessage::text)
        .toList();
  }

  List<String> textsIn(String channel) {
    return messages.stream()
        .filter(m -> m.channel().equals(channel))
        .map(ChannelMessage::text)
        .toList();
  }
}
