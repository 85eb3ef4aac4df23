package dev.incidentflow.activities.slack;

import dev.incidentflow.workflows.activities.Briefing;
import dev.incidentflow.workflows.activities.ChannelInvite;
import dev.incidentflow.workflows.activities.ChannelMessage;
import dev.incidentflow.workflows.activities.ChannelRename;
import dev.incidentflow.workflows.activities.DirectMessage;
import dev.incidentflow.workflows.activities.OpenChannel;
import dev.incidentflow.workflows.activities.SlackChannel;
import dev.incidentflow.workflows.activities.SlackChatActivities;
import dev.incidentflow.workflows.model.Person;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for Slack when no bot token is configured ({@code dev}): logs what it would send,
 * remembers it, and hands out fake channels {@code DEV1}, {@code DEV2}, ... Like Slack, it is
 * idempotent by channel name: opening the same name twice returns the same channel.
 */
public final class LoggingSlackChatActivities implements SlackChatActivities {

  private static final Logger log = LoggerFactory.getLogger(LoggingSlackChatActivities.class);

  /** Enough to inspect a dev session; bounded so a long-running dev process does not grow. */
  static final int MAX_RECORDED = 1000;

  private final Deque<RecordedSlackCall> calls = new ArrayDeque<>();
  private final Map<String, SlackChannel> channelsByName = new ConcurrentHashMap<>();
  private final AtomicInteger nextChannel = new AtomicInteger(1);

  @Override
  public SlackChannel openChannel(OpenChannel request) {
    SlackChannel channel =
        channelsByName.computeIfAbsent(
            request.name(), name -> new SlackChannel("DEV" + nextChannel.getAndIncrement(), name));
    String members =
        request.members().stream().map(Person::handle).collect(Collectors.joining(", "));
    record(
        "openChannel",
        request.name(),
        "id " + channel.id() + "; topic: " + request.topic() + "; members: " + members);
    return channel;
  }

  @Override
  public void renameChannel(ChannelRename rename) {
    record("renameChannel", rename.channelId(), rename.name());
  }

  @Override
  public void inviteToChannel(ChannelInvite invite) {
    record(
        "inviteToChannel",
        invite.channelId(),
        invite.people().stream().map(Person::handle).reduce((a, b) -> a + ", " + b).orElse(""));
  }

  @Override
  public void postBriefing(Briefing briefing) {
    record("postBriefing", briefing.channelId(), BriefingBlocks.fallbackText(briefing));
  }

  @Override
  public void postMessage(ChannelMessage message) {
    record("postMessage", message.channel(), message.text());
  }

  @Override
  public void setTopic(ChannelMessage topic) {
    record("setTopic", topic.channel(), topic.text());
  }

  @Override
  public void archiveChannel(SlackChannel channel) {
    record("archiveChannel", channel.id(), "");
  }

  @Override
  public void directMessage(DirectMessage message) {
    record("directMessage", message.person().handle(), message.text());
  }

  /** The calls so far, oldest first (at most the last {@value #MAX_RECORDED}). */
  public List<RecordedSlackCall> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  private void record(String operation, String target, String text) {
    log.info("Slack is not configured; would {} to {}: {}", operation, target, text);
    synchronized (calls) {
      if (calls.size() == MAX_RECORDED) {
        calls.removeFirst();
      }
      calls.addLast(new RecordedSlackCall(operation, target, text));
    }
  }
}
