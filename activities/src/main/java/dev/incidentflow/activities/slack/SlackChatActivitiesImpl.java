package dev.incidentflow.activities.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SlackChatActivities} over the Slack Web API with a bot token. */
public final class SlackChatActivitiesImpl implements SlackChatActivities {

  private static final Logger log = LoggerFactory.getLogger(SlackChatActivitiesImpl.class);

  private static final int LIST_PAGE_SIZE = 200;
  private static final int TOPIC_MAX = 250;

  /**
   * Invite outcomes that leave the channel as wanted, or that concern a member Slack cannot find,
   * whom the interface promises to skip rather than fail on.
   */
  private static final Set<String> TOLERATED_INVITE_ERRORS =
      Set.of("already_in_channel", "cant_invite_self", "user_not_found");

  /** Beyond this many people, the direct-message channels remembered are forgotten. */
  private static final int DM_CHANNELS_REMEMBERED = 10_000;

  private final SlackSettings settings;
  private final ChannelPacer pacer;
  private final MethodsClient methods;

  /**
   * Each Slack user's direct-message channel with the bot: {@code conversations.open} answers the
   * same one every time, and an escalation DMs several people, so asking once saves a Web API call
   * (a Tier 3 method) per DM.
   */
  private final Map<String, String> dmChannels = new ConcurrentHashMap<>();

  /**
   * Posts paced by the process's {@link ChannelPacer#perProcess()}.
   *
   * @throws IllegalArgumentException when the settings carry no bot token; use {@link
   *     LoggingSlackChatActivities} then
   */
  public SlackChatActivitiesImpl(SlackSettings settings) {
    this(settings, ChannelPacer.perProcess());
  }

  /**
   * @throws IllegalArgumentException when the settings carry no bot token; use {@link
   *     LoggingSlackChatActivities} then
   */
  SlackChatActivitiesImpl(SlackSettings settings, ChannelPacer pacer) {
    this.settings = requireNonNull(settings, "settings is null");
    this.pacer = requireNonNull(pacer, "pacer is null");
    if (!settings.hasBotToken()) {
      throw new IllegalArgumentException(
          "Slack needs a bot token (SLACK_BOT_TOKEN); without one use LoggingSlackChatActivities");
    }
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    // Stats make the SDK call auth.test before the first real call and run a background job.
    config.setStatsEnabled(false);
    // SlackMethods rather than Slack.methods: it parses every answer with one Gson.
    this.methods = SlackMethods.client(config, settings.botToken());
  }

  @Override
  public SlackChannel openChannel(OpenChannel request) {
    boolean isPrivate = request.privateChannel() || settings.privateChannels();
    ConversationsCreateResponse created =
        call(
            "conversations.create",
            () -> methods.conversationsCreate(r -> r.name(request.name()).isPrivate(isPrivate)),
            Set.of("name_taken"));
    Conversation channel;
    if (created.isOk()) {
      channel = created.getChannel();
      log.info("Created Slack channel #{} ({})", request.name(), channel.getId());
    } else {
      channel = existingChannel(request.name());
      log.info("Reusing Slack channel #{} ({}), made earlier", request.name(), channel.getId());
    }
    String name = channel.getName() == null ? request.name() : channel.getName();
    invite(channel.getId(), name, request.members());
    if (!request.topic().isBlank()) {
      setTopic(new ChannelMessage(channel.getId(), request.topic()));
    }
    return new SlackChannel(channel.getId(), name);
  }

  @Override
  public void postBriefing(Briefing briefing) {
    pacer.awaitTurn(briefing.channelId());
    call(
        "chat.postMessage",
        () ->
            methods.chatPostMessage(
                r ->
                    r.channel(briefing.channelId())
                        .text(BriefingBlocks.fallbackText(briefing))
                        .blocks(BriefingBlocks.blocks(briefing))
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
  }

  @Override
  public void postMessage(ChannelMessage message) {
    pacer.awaitTurn(message.channel());
    call(
        "chat.postMessage",
        () ->
            methods.chatPostMessage(
                r ->
                    r.channel(message.channel())
                        .text(SlackText.escapeKeepingMentions(message.text()))));
  }

  @Override
  public void setTopic(ChannelMessage topic) {
    String text = SlackText.truncate(topic.text(), TOPIC_MAX);
    call(
        "conversations.setTopic",
        () -> methods.conversationsSetTopic(r -> r.channel(topic.channel()).topic(text)));
  }

  @Override
  public void archiveChannel(SlackChannel channel) {
    call(
        "conversations.archive",
        () -> methods.conversationsArchive(r -> r.channel(channel.id())),
        Set.of("already_archived"));
  }

  @Override
  public void directMessage(DirectMessage message) {
    Optional<String> userId = userId(message.person());
    if (userId.isEmpty()) {
      log.warn(
          "Not sending a Slack DM to {}: Slack knows no user by their Slack id or email",
          message.person().handle());
      return;
    }
    String channelId = dmChannels.get(userId.get());
    if (channelId == null) {
      ConversationsOpenResponse opened =
          call(
              "conversations.open",
              () -> methods.conversationsOpen(r -> r.users(List.of(userId.get()))));
      channelId = opened.getChannel().getId();
      if (dmChannels.size() >= DM_CHANNELS_REMEMBERED) {
        dmChannels.clear();
      }
      dmChannels.put(userId.get(), channelId);
    }
    String channel = channelId;
    pacer.awaitTurn(channel);
    try {
      call(
          "chat.postMessage",
          () ->
              methods.chatPostMessage(
                  r -> r.channel(channel).text(SlackText.escapeKeepingMentions(message.text()))));
    } catch (ApplicationFailure failure) {
      // The next attempt asks Slack for the channel again rather than trust a remembered one.
      dmChannels.remove(userId.get(), channel);
      throw failure;
    }
  }

  /**
   * Finds the channel a {@code name_taken} answer refers to. Live channels are searched first;
   * archived ones only when that fails, because listing them too can be many pages in a large
   * workspace and an incident channel is archived only after its incident closed.
   */
  private Conversation existingChannel(String name) {
    Optional<Conversation> live = findChannel(name, true);
    if (live.isPresent()) {
      return live.get();
    }
    Conversation found =
        findChannel(name, false)
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "Slack says the channel name #"
                            + name
                            + " is taken, but the bot sees no channel of that name (a private"
                            + " channel it is not in?)",
                        FailureType.SLACK_REJECTED.name()));
    if (found.isArchived()) {
      call(
          "conversations.unarchive",
          () -> methods.conversationsUnarchive(r -> r.channel(found.getId())),
          Set.of("not_archived"));
      log.info("Unarchived Slack channel #{} ({}) to reuse it", name, found.getId());
    }
    return found;
  }

  private Optional<Conversation> findChannel(String name, boolean excludeArchived) {
    String cursor = null;
    do {
      String pageCursor = cursor;
      ConversationsListResponse page =
          call(
              "conversations.list",
              () ->
                  methods.conversationsList(
                      r ->
                          r.types(
                                  List.of(
                                      ConversationType.PUBLIC_CHANNEL,
                                      ConversationType.PRIVATE_CHANNEL))
                              .excludeArchived(excludeArchived)
                              .limit(LIST_PAGE_SIZE)
                              .cursor(pageCursor)));
      if (page.getChannels() != null) {
        for (Conversation channel : page.getChannels()) {
          if (name.equals(channel.getName())) {
            return Optional.of(channel);
          }
        }
      }
      cursor =
          page.getResponseMetadata() == null ? null : page.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    return Optional.empty();
  }

  @Override
  public void renameChannel(ChannelRename rename) {
    call(
        "conversations.rename",
        () -> methods.conversationsRename(r -> r.channel(rename.channelId()).name(rename.name())));
  }

  @Override
  public void inviteToChannel(ChannelInvite invite) {
    invite(invite.channelId(), invite.channelName(), invite.people());
  }

  private void invite(String channelId, String channelName, List<Person> members) {
    Set<String> userIds = new LinkedHashSet<>();
    for (Person member : members) {
      Optional<String> userId = userId(member);
      if (userId.isPresent()) {
        userIds.add(userId.get());
      } else {
        log.warn(
            "Not inviting {} to #{}: Slack knows no user by their Slack id or email",
            member.handle(),
            channelName);
      }
    }
    if (userIds.isEmpty()) {
      return;
    }
    List<String> users = new ArrayList<>(userIds);
    // force: invite the valid users even when one id is unknown or already a member, which is
    // exactly the situation of a retried openChannel.
    ConversationsInviteResponse invited =
        call(
            "conversations.invite",
            () -> methods.conversationsInvite(r -> r.channel(channelId).users(users).force(true)),
            TOLERATED_INVITE_ERRORS);
    if (!invited.isOk()) {
      log.info("Inviting {} to #{}: {}", users, channelName, invited.getError());
    }
    if (invited.getErrors() != null) {
      for (ConversationsInviteResponse.Error error : invited.getErrors()) {
        log.warn("Not inviting {} to #{}: {}", error.getUser(), channelName, error.getError());
      }
    }
  }

  private Optional<String> userId(Person person) {
    if (person.slackId() != null && !person.slackId().isBlank()) {
      return Optional.of(person.slackId());
    }
    if (person.email() == null || person.email().isBlank()) {
      return Optional.empty();
    }
    UsersLookupByEmailResponse found =
        call(
            "users.lookupByEmail",
            () -> methods.usersLookupByEmail(r -> r.email(person.email())),
            Set.of("users_not_found"));
    return found.isOk() && found.getUser() != null
        ? Optional.ofNullable(found.getUser().getId())
        : Optional.empty();
  }

  private <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
    return call(method, call, Set.of());
  }

  /**
   * Runs one Web API call and turns every failure into the {@code ApplicationFailure} Temporal
   * should see; {@code ok:false} answers whose error is in {@code tolerated} are returned for the
   * caller to handle.
   */
  private <T extends SlackApiTextResponse> T call(
      String method, SlackCall<T> call, Set<String> tolerated) {
    T response;
    try {
      response = call.execute();
    } catch (SlackApiException e) {
      throw SlackErrors.fromHttpStatus(
          method, e.getResponse().code(), e.getResponse().header("Retry-After"), e);
    } catch (IOException e) {
      throw SlackErrors.fromIo(method, e);
    }
    if (!response.isOk() && !tolerated.contains(response.getError())) {
      throw SlackErrors.fromError(method, response.getError(), response.getNeeded());
    }
    return response;
  }
}
