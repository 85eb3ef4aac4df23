package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A Slack call that says something and returns nothing: a channel post, a direct message, a topic,
 * a briefing, an invitation to the channel or its new name. {@link SlackChatActivities#sendInOrder}
 * makes several of them in one activity.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SlackMessage.Post.class, name = "post"),
  @JsonSubTypes.Type(value = SlackMessage.Direct.class, name = "direct"),
  @JsonSubTypes.Type(value = SlackMessage.Topic.class, name = "topic"),
  @JsonSubTypes.Type(value = SlackMessage.BriefingPost.class, name = "briefing"),
  @JsonSubTypes.Type(value = SlackMessage.Invite.class, name = "invite"),
  @JsonSubTypes.Type(value = SlackMessage.Rename.class, name = "rename")
})
public sealed interface SlackMessage {

  /** Makes the call through {@code slack}'s method for it: an activity stub, or the activity. */
  void sendWith(SlackChatActivities slack);

  /** {@link SlackChatActivities#postMessage}. */
  record Post(ChannelMessage message) implements SlackMessage {
    public Post {
      requireNonNull(message, "message is null");
    }

    @Override
    public void sendWith(SlackChatActivities slack) {
      slack.postMessage(message);
    }
  }

  /** {@link SlackChatActivities#directMessage}. */
  record Direct(DirectMessage message) implements SlackMessage {
    public Direct {
      requireNonNull(message, "message is null");
    }

    @Override
    public void sendWith(SlackChatActivities slack) {
      slack.directMessage(message);
    }
  }

  /** {@link SlackChatActivities#setTopic}. */
  record Topic(ChannelMessage topic) implements SlackMessage {
    public Topic {
      requireNonNull(topic, "topic is null");
    }

    @Override
    public void sendWith(SlackChatActivities slack) {
      slack.setTopic(topic);
    }
  }

  /** {@link SlackChatActivities#postBriefing}. */
  record BriefingPost(Briefing briefing) implements SlackMessage {
    public BriefingPost {
      requireNonNull(briefing, "briefing is null");
    }

    @Override
    public void sendWith(SlackChatActivities slack) {
      slack.postBriefing(briefing);
    }
  }

  /** {@link SlackChatActivities#inviteToChannel}. */
  record Invite(ChannelInvite invite) implements SlackMessage {
    public Invite {
      requireNonNull(invite, "invite is null");
    }

    @Override
    public void sendWith(SlackChatActivities slack) {
      slack.inviteToChannel(invite);
    }
  }

  /** {@link SlackChatActivities#renameChannel}. */
  record Rename(ChannelRename rename) implements SlackMessage {
    public Rename {
      requireNonNull(rename, "rename is null");
    }

    @Override
    public void sendWith(SlackChatActivities slack) {
      slack.renameChannel(rename);
    }
  }
}
