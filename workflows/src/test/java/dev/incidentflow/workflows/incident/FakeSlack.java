package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.Briefing;
import dev.incidentflow.workflows.activities.ChannelInvite;
import dev.incidentflow.workflows.activities.ChannelMessage;
import dev.incidentflow.workflows.activities.ChannelRename;
import dev.incidentflow.workflows.activities.DirectMessage;
import dev.incidentflow.workflows.activities.FailureType;
import dev.incidentflow.workflows.activities.OpenChannel;
import dev.incidentflow.workflows.activities.SlackChannel;
import dev.incidentflow.workflows.activities.SlackChatActivities;
import dev.incidentflow.workflows.model.Person;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what would have been said in Slack; channels are idempotent by name like Slack's. */
final class FakeSlack implements SlackChatActivities {
  final Map<String, SlackChannel> channels = new ConcurrentHashMap<>();
  final List<ChannelMessage> messages = new CopyOnWriteArrayList<>();
  final List<Briefing> briefings = new CopyOnWriteArrayList<>();
  final List<ChannelMessage> topics = new CopyOnWriteArrayList<>();
  final List<DirectMessage> directMessages = new CopyOnWriteArrayList<>();
  final List<SlackChannel> archived = new CopyOnWriteArrayList<>();
  final List<ChannelInvite> invites = new CopyOnWriteArrayList<>();
  final List<ChannelRename> renames = new CopyOnWriteArrayList<>();

  /** Renames to this name are refused, as Slack refuses a name another channel has. */
  volatile String takenName;

  volatile int openCalls;
  final List<OpenChannel> openRequests = new CopyOnWriteArrayList<>();

  /** When set, Slack refuses to create channels, as for a workspace that restricts it. */
  volatile boolean rejectChannels;

  /** While true, Slack is down: every call fails and Temporal retries it. */
  volatile boolean down;

  /** A post with this text fails once, as to a Slack that is briefly down, then goes through. */
  volatile String failOnce;

  /** Posts to this channel are refused for good, as Slack refuses a channel it cannot find. */
  volatile String goneChannel;

  private void answer() {
    if (down) {
      throw new IllegalStateException("Slack answered 503");
    }
  }

  /** When set, archiving waits for it: a test can act while an incident is closing. */
  volatile java.util.concurrent.CountDownLatch archiveGate;

  @Override
  public SlackChannel openChannel(OpenChannel request) {
    openCalls++;
    answer();
    openRequests.add(request);
    if (rejectChannels) {
      throw ApplicationFailure.newNonRetryableFailure(
          "restricted_action", FailureType.SLACK_REJECTED.name());
    }
    return channels.computeIfAbsent(
        request.name(), name -> new SlackChannel("C" + (channels.size() + 100), name));
  }

  @Override
  public void renameChannel(ChannelRename rename) {
    answer();
    if (rename.name().equals(takenName)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Slack refused conversations.rename: name_taken", FailureType.SLACK_REJECTED.name());
    }
    renames.add(rename);
  }

  @Override
  public void inviteToChannel(ChannelInvite invite) {
    answer();
    invites.add(invite);
  }

  @Override
  public void postBriefing(Briefing briefing) {
    answer();
    briefings.add(briefing);
  }

  @Override
  public void postMessage(ChannelMessage message) {
    answer();
    if (message.text().equals(failOnce)) {
      failOnce = null;
      throw new IllegalStateException("Slack answered 503");
    }
    if (message.channel().equals(goneChannel)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "channel_not_found", FailureType.SLACK_REJECTED.name());
    }
    messages.add(message);
  }

  @Override
  public void setTopic(ChannelMessage topic) {
    answer();
    topics.add(topic);
  }

  @Override
  public void archiveChannel(SlackChannel channel) {
    if (archiveGate != null) {
      try {
        archiveGate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    answer();
    archived.add(channel);
  }

  @Override
  public void directMessage(DirectMessage message) {
    answer();
    directMessages.add(message);
  }

  List<String> textsIn(String channel) {
    return messages.stream()
        .filter(m -> m.channel().equals(channel))
        .map(ChannelMessage::text)
        .toList();
  }

  /** The handles invited to channels after they opened, invitation by invitation. */
  List<List<String>> invited() {
    return invites.stream()
        .map(invite -> invite.people().stream().map(Person::handle).toList())
        .toList();
  }

  List<String> dmRecipients() {
    return directMessages.stream().map(m -> m.person().handle()).toList();
  }
}
