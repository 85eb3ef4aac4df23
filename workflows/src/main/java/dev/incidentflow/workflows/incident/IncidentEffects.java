package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.ChannelInvite;
import dev.incidentflow.workflows.activities.ChannelMessage;
import dev.incidentflow.workflows.activities.ChannelRename;
import dev.incidentflow.workflows.activities.DirectMessage;
import dev.incidentflow.workflows.activities.DirectoryActivities;
import dev.incidentflow.workflows.activities.IssueComment;
import dev.incidentflow.workflows.activities.PagerEvent;
import dev.incidentflow.workflows.activities.PagingActivities;
import dev.incidentflow.workflows.activities.ResolvedTargets;
import dev.incidentflow.workflows.activities.SlackChatActivities;
import dev.incidentflow.workflows.activities.SlackMessage;
import dev.incidentflow.workflows.activities.TargetQuery;
import dev.incidentflow.workflows.activities.TrackerActivities;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.Durations;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Carries out the {@link Effect}s an {@link IncidentState} asks for, through activities. A
 * notification that fails for good (Slack refused it) is logged and skipped: the incident goes on.
 */
final class IncidentEffects {
  private static final Logger log = Workflow.getLogger(IncidentEffects.class);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final DirectoryActivities directory;
  private final SlackChatActivities slack = ActivityStubs.of(SlackChatActivities.class);
  private final PagingActivities paging = ActivityStubs.paging(PagingActivities.class);
  private final TrackerActivities tracker = ActivityStubs.tracker(TrackerActivities.class);

  /** Calls to the tracker (a ticket, a comment on it) whose answer has not come back yet. */
  private int trackerCalls;

  /**
   * The name of the channel while it is being opened (the first page goes out meanwhile), and the
   * channel posts held back until it exists.
   */
  private String openingChannel;

  private final List<String> held = new ArrayList<>();

  /**
   * Who the channel is being opened with, and who was to be invited meanwhile besides them (see
   * {@link #inviteWhoIsCalled}): invited once the channel is open.
   */
  private final Set<String> openingMembers = new LinkedHashSet<>();

  private final List<Person> heldInvites = new ArrayList<>();

  /**
   * Stakeholder announcements made before the incident's own "declared" one: while Slack is called
   * in the background, changes can come before the channel opens, and stakeholders should hear of
   * the incident first. Null when announcements are not held.
   */
  private List<String> heldAnnouncements;

  /**
   * Targets already resolved (a new incident's first page, looked up with its responders) and the
   * query they answer; a {@link #resolve} of the same targets for the same service and roles takes
   * them instead of asking the directory again. Null when there are none.
   */
  private TargetQuery resolvedQuery;

  private ResolvedTargets resolvedAnswer;

  /** See {@link #alreadyPaged}. */
  private final List<PagerEvent> alreadyPaged = new ArrayList<>();

  /** See {@link #alreadyPaged}: step 0's key when the opening paged before it had a number. */
  private String firstPageKey;

  /** Who was told to join the channel while it was being opened, to hear if it never opens. */
  private final List<Person> toldToJoin = new ArrayList<>();

  /**
   * Where Slack calls wait their turn when they are made in the background; null makes them inline.
   */
  private SlackOutbox outbox;

  /** Where PagerDuty events wait their turn when they are sent in the background; null: inline. */
  private PagerOutbox pager;

  /** See {@link #skipStepsOnceOver()}. */
  private boolean skipStepsOnceOver;

  /** See {@link #stepGoesOnWhenPageRefused()}. */
  private boolean stepGoesOnWhenPageRefused;

  /** See {@link #checkStepAgainAfterLookup()}. */
  private boolean checkStepAgainAfterLookup;

  /** See {@link #inviteWhoIsCalled()}. */
  private boolean inviteWhoIsCalled;

  /** See {@link #stepKeysOfTheirOwn()}. */
  private boolean stepKeysOfTheirOwn;

  /**
   * From here on the people an escalation step pages are invited to the incident channel, when it
   * is open (version 1 of {@link IncidentWorkflowImpl#INVITE_WHO_IS_CALLED}); before, only those
   * the channel was opened with were in it, and the rest had to find and join it.
   */
  void inviteWhoIsCalled() {
    inviteWhoIsCalled = true;
  }

  /**
   * From here on an escalation step pages under a dedup key no earlier page of the incident used
   * (version 1 of {@link IncidentWorkflowImpl#REPLAN_BY_WHO_WAS_CALLED}). After a severity change
   * the new chain's step 1 can follow the old chain's step 1, and under the same key PagerDuty
   * would fold its page into the open alert of the first: nobody new would be paged.
   */
  void stepKeysOfTheirOwn() {
    stepKeysOfTheirOwn = true;
  }

  /**
   * From here on an escalation step whose page PagerDuty refuses for good still messages its people
   * and posts in the channel, saying so (version 1 of {@link
   * IncidentWorkflowImpl#STEP_GOES_ON_WHEN_PAGE_REFUSED}); before, the whole step was skipped.
   */
  void stepGoesOnWhenPageRefused() {
    stepGoesOnWhenPageRefused = true;
  }

  /** The escalation steps not run because the incident was over first, with its status then. */
  private final Map<Integer, IncidentStatus> skippedSteps = new HashMap<>();

  /**
   * @param directory how targets are resolved: an activity stub, local or not
   */
  IncidentEffects(DirectoryActivities directory) {
    this.directory = directory;
  }

  /**
   * From now on, Slack calls are queued and made in the background, in order, and the incident goes
   * on meanwhile (version 1 of {@link IncidentWorkflowImpl#SLACK_IN_BACKGROUND}).
   *
   * @param together whether the messages waiting in the queue go out in one activity (version 1 of
   *     {@link IncidentWorkflowImpl#SLACK_TOGETHER})
   */
  void sendSlackInBackground(boolean together) {
    outbox = new SlackOutbox(slack, together);
  }

  /**
   * From here on PagerDuty events go out in the background, in the order they are made (version 1
   * of {@link IncidentWorkflowImpl#PAGES_IN_BACKGROUND}): an escalation step messages its people
   * and posts at once while PagerDuty is retried, and the incident takes changes meanwhile. Before,
   * a PagerDuty outage held the whole incident up: no messages, no escalation, acknowledgements
   * answered only once PagerDuty was back.
   */
  void pageInBackground() {
    pager = new PagerOutbox(paging);
  }

  /** Every PagerDuty event made so far has been sent or refused. */
  boolean pagesSent() {
    return pager == null || pager.isEmpty();
  }

  /**
   * From here on an escalation step asked for while the incident was open, but not yet run when it
   * was resolved or canceled, pages nobody (version 1 of {@link
   * IncidentWorkflowImpl#NO_STEPS_ONCE_OVER}).
   */
  void skipStepsOnceOver() {
    skipStepsOnceOver = true;
  }

  /**
   * From here on an escalation step whose targets were still being looked up when the incident was
   * resolved or canceled pages nobody either (with {@link #skipStepsOnceOver()}; version 1 of
   * {@link IncidentWorkflowImpl#SAVES_IN_BACKGROUND}). With saves in the background, a step no
   * longer waits for one before it runs: the lookup is what can hold it back, and a directory slow
   * to answer must not page people for an incident that ended meanwhile.
   */
  void checkStepAgainAfterLookup() {
    checkStepAgainAfterLookup = true;
  }

  /**
   * The status (resolved or canceled) that kept escalation step {@code step} from running; empty
   * when it was not skipped.
   */
  Optional<IncidentStatus> skipped(int step) {
    return Optional.ofNullable(skippedSteps.get(step));
  }

  /**
   * Every ticket asked for has been opened or refused, and the state has heard which; a run does
   * not end or continue as new before, or the answer would be lost.
   */
  boolean ticketsSettled() {
    return trackerCalls == 0;
  }

  /** Every Slack call asked for so far has been made. */
  boolean slackSent() {
    return outbox == null || outbox.isEmpty();
  }

  /**
   * Makes a Slack call: inline, where a failure reaches the caller, or queued behind the earlier
   * ones. {@code call} must carry everything it sends, built before it is queued.
   */
  void toSlack(IncidentState state, String what, Runnable call) {
    if (outbox == null) {
      call.run();
    } else {
      outbox.add(state.incidentId(), what, call);
    }
  }

  /** Sends {@code message} as {@link #toSlack(IncidentState, String, Runnable)} makes a call. */
  void toSlack(IncidentState state, String what, SlackMessage message) {
    toSlack(state, what, message, () -> {}, () -> {});
  }

  /** Sends {@code message}, then runs {@code sent}, or {@code refused} when it failed for good. */
  private void toSlack(
      IncidentState state, String what, SlackMessage message, Runnable sent, Runnable refused) {
    if (outbox == null) {
      try {
        message.sendWith(slack);
      } catch (ActivityFailure failure) {
        refused.run();
        throw failure;
      }
      sent.run();
    } else {
      outbox.add(state.incidentId(), what, message, sent, refused);
    }
  }

  void perform(IncidentState state, Effect effect) {
    try {
      if (effect instanceof Effect.PostInChannel post) {
        postInChannel(state, post.text());
      } else if (effect instanceof Effect.MentionInChannel mention) {
        mentionInChannel(state, mention);
      } else if (effect instanceof Effect.Announce announce) {
        announce(state, announce.text());
      } else if (effect instanceof Effect.RenameChannel rename) {
        renameChannel(state, rename.name());
      } else if (effect instanceof Effect.RefreshTopic) {
        if (state.hasChannel()) {
          ChannelMessage topic = new ChannelMessage(state.channelId(), topic(state));
          toSlack(state, "set the topic", new SlackMessage.Topic(topic));
        }
      } else if (effect instanceof Effect.RunEscalationStep step) {
        if (skipStepsOnceOver && !state.status().isActive()) {
          skipStep(state, step);
        } else {
          // A severity change can bring a step number back that an earlier chain skipped.
          skippedSteps.remove(step.step());
          runEscalationStep(state, step);
        }
      } else if (effect instanceof Effect.NotifyTargets notify) {
        notifyTargets(state, notify.targets(), notify.text());
      } else if (effect instanceof Effect.InviteToChannel invite) {
        if (state.hasChannel() || openingChannel != null) {
          inviteToChannel(
              state,
              resolve(state, invite.targets(), Instant.ofEpochMilli(Workflow.currentTimeMillis()))
                  .people());
        }
      } else if (effect instanceof Effect.OpenTicket ticket) {
        openTicket(state, ticket);
      } else if (effect instanceof Effect.CommentOnTicket comment) {
        commentOnTicket(state, comment);
      } else if (effect instanceof Effect.AcknowledgePages) {
        sendToPages(state, PagerEvent.Action.ACKNOWLEDGE);
      } else if (effect instanceof Effect.ResolvePages) {
        sendToPages(state, PagerEvent.Action.RESOLVE);
      } else {
        throw new IllegalStateException("unhandled effect " + effect);
      }
    } catch (ActivityFailure failure) {
      log.warn(
          "{}: {} failed for good and was skipped: {}",
          state.incidentId(),
          effect,
          failure.getMessage());
    }
  }

  void postInChannel(IncidentState state, String text) {
    if (state.hasChannel()) {
      ChannelMessage post = new ChannelMessage(state.channelId(), text);
      toSlack(state, "post in #" + state.channelName(), new SlackMessage.Post(post));
    } else if (openingChannel != null) {
      held.add(text);
    }
  }

  /**
   * The channel {@code name} is being opened with {@code members}: posts and invitations wait for
   * it, pages and DMs name it.
   */
  void channelOpening(String name, List<Person> members) {
    openingChannel = name;
    members.forEach(member -> openingMembers.add(member.handle()));
    if (outbox != null) {
      heldAnnouncements = new ArrayList<>();
    }
  }

  /**
   * The channel is open, or could not be opened: posts the held messages in order, or drops them
   * when there is no channel and tells whoever was asked to join it where to follow the incident
   * instead. One that fails for good is logged and skipped.
   */
  void channelSettled(IncidentState state) {
    String promised = openingChannel;
    openingChannel = null;
    if (promised != null && !state.hasChannel()) {
      // Queued behind the DMs that asked people to join, which fill toldToJoin as they go out.
      // (When the channel opened there is nothing to tell them, and nothing queued here to keep the
      // messages behind it from going out together.)
      String incidentId = state.incidentId();
      String where =
          state.stakeholderChannel() == null ? "" : "; follow it in #" + state.stakeholderChannel();
      String text = "Slack could not open #" + promised + " for " + incidentId + where + ".";
      toSlack(
          state,
          "tell who was asked to join #" + promised,
          () -> {
            List<Person> told = List.copyOf(toldToJoin);
            toldToJoin.clear();
            told.forEach(person -> channelNeverOpened(incidentId, person, text));
          });
    }
    List<Person> invites = List.copyOf(heldInvites);
    heldInvites.clear();
    openingMembers.clear();
    if (state.hasChannel()) {
      inviteToChannel(state, invites);
    }
    List<String> posts = List.copyOf(held);
    held.clear();
    for (String text : posts) {
      try {
        postInChannel(state, text);
      } catch (ActivityFailure failure) {
        log.warn(
            "{}: could not post in #{}: {}",
            state.incidentId(),
            state.channelName(),
            failure.getMessage());
      }
    }
  }

  private void channelNeverOpened(String incidentId, Person person, String text) {
    try {
      slack.directMessage(new DirectMessage(person, text));
    } catch (ActivityFailure failure) {
      log.warn("{}: could not message {}: {}", incidentId, person.handle(), failure.getMessage());
    }
  }

  /** The incident channel's name, also while it is being opened; null when there is none. */
  private String channelName(IncidentState state) {
    return state.channelName() != null ? state.channelName() : openingChannel;
  }

  /**
   * Posts in the channel prefixed with Slack mentions of whoever the targets resolve to; a person
   * the catalog does not know is written as {@code @handle}.
   */
  private void mentionInChannel(IncidentState state, Effect.MentionInChannel mention) {
    if (!state.hasChannel() && openingChannel == null) {
      return;
    }
    List<String> mentions = new ArrayList<>();
    if (!mention.targets().isEmpty()) {
      ResolvedTargets resolved =
          resolve(state, mention.targets(), Instant.ofEpochMilli(Workflow.currentTimeMillis()));
      resolved.people().forEach(person -> mentions.add(mention(person)));
      resolved
          .unresolved()
          .forEach(target -> mentions.add("@" + target.substring(target.indexOf(':') + 1)));
    }
    postInChannel(
        state,
        mentions.isEmpty() ? mention.text() : String.join(" ", mentions) + " " + mention.text());
  }

  void announce(IncidentState state, String text) {
    if (heldAnnouncements != null) {
      heldAnnouncements.add(text);
    } else if (state.stakeholderChannel() != null) {
      ChannelMessage post = new ChannelMessage(state.stakeholderChannel(), text);
      toSlack(state, "announce in #" + post.channel(), new SlackMessage.Post(post));
    }
  }

  /** Announces the incident to stakeholders, then what was held back for it. */
  void announceDeclared(IncidentState state, String text) {
    List<String> later = heldAnnouncements == null ? List.of() : heldAnnouncements;
    heldAnnouncements = null;
    announce(state, text);
    later.forEach(held -> announce(state, held));
  }

  /** The channel topic: severity, status, commander and when the next update is due. */
  static String topic(IncidentState state) {
    StringBuilder topic =
        new StringBuilder()
            .append(state.severity())
            .append(" | ")
            .append(state.status().wireName())
            .append(" | IC: ")
            .append(state.commander() == null ? "unassigned" : state.commander());
    if (state.nextUpdateDue() != null) {
      topic.append(" | next update ").append(CLOCK.format(state.nextUpdateDue()));
    }
    return topic.toString();
  }

  /** PagerDuty's severity for ours. */
  static String pagerSeverity(Severity severity) {
    return switch (severity) {
      case SEV1 -> "critical";
      case SEV2 -> "error";
      case SEV3 -> "warning";
      case SEV4 -> "info";
    };
  }

  /** The PagerDuty dedup key of one escalation step, the same on every retry and replay. */
  static String dedupKey(String incidentId, int step) {
    return "incidentflow-" + incidentId + "-step-" + step;
  }

  /**
   * The triggers that page {@code people} for escalation step {@code step} of an incident: one per
   * routing key among them, under {@code dedupKey} (the step's, {@link #dedupKey}, unless an
   * earlier page used it). Pure, so that {@link OpeningActivitiesImpl} sends the first page exactly
   * as this class would.
   *
   * @param incidentId null for a first page sent before the incident has a number (the database was
   *     down), which then names no incident and no channel
   */
  static List<PagerEvent> triggers(
      String incidentId,
      Severity severity,
      String service,
      String title,
      String channel,
      int step,
      String dedupKey,
      List<Person> people) {
    String summary =
        "["
            + severity
            + "] "
            + (incidentId == null ? "" : incidentId + " ")
            + service
            + ": "
            + title;
    Set<String> routingKeys = new LinkedHashSet<>();
    List<PagerEvent> events = new ArrayList<>();
    for (Person person : people) {
      if (routingKeys.add(Objects.toString(person.pagerdutyRoutingKey(), ""))) {
        events.add(
            new PagerEvent(
                PagerEvent.Action.TRIGGER,
                person.pagerdutyRoutingKey(),
                dedupKey,
                summary,
                "incidentflow",
                pagerSeverity(severity),
                service,
                Map.of(
                    "incident",
                    Objects.toString(incidentId, ""),
                    "level",
                    Integer.toString(step),
                    "channel",
                    Objects.toString(channel, ""))));
      }
    }
    return events;
  }

  /**
   * The dedup key step {@code step} pages under: {@link #dedupKey}, or with {@link
   * #stepKeysOfTheirOwn} and that key used by an earlier page, the same with the severity (and a
   * count) after it, e.g. {@code incidentflow-INC-7-step-1-sev1}. The opening's step 0 pages under
   * the key the opening paged under without a number, if it did (see {@link #alreadyPaged}).
   */
  private String stepKey(IncidentState state, int step) {
    if (step == 0 && firstPageKey != null) {
      return firstPageKey;
    }
    String key = dedupKey(state.incidentId(), step);
    Set<String> used =
        state.pages().stream().map(IncidentState.PageKey::dedupKey).collect(Collectors.toSet());
    if (!stepKeysOfTheirOwn || !used.contains(key)) {
      return key;
    }
    String own = key + "-" + state.severity().name().toLowerCase(Locale.ROOT);
    String candidate = own;
    for (int count = 2; used.contains(candidate); count++) {
      candidate = own + "-" + count;
    }
    return candidate;
  }

  private void skipStep(IncidentState state, Effect.RunEscalationStep step) {
    skippedSteps.put(step.step(), state.status());
    log.info(
        "{}: escalation step {} not run: the incident is {}",
        state.incidentId(),
        step.step(),
        state.status().wireName());
  }

  private void runEscalationStep(IncidentState state, Effect.RunEscalationStep step) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    ResolvedTargets resolved = resolve(state, step.targets(), now);
    if (checkStepAgainAfterLookup && skipStepsOnceOver && !state.status().isActive()) {
      skipStep(state, step);
      return;
    }
    List<PagerEvent> events =
        triggers(
            state.incidentId(),
            state.severity(),
            state.service(),
            state.title(),
            channelName(state),
            step.step(),
            stepKey(state, step.step()),
            resolved.people());
    List<IncidentState.PageKey> keys = events.stream().map(IncidentEffects::pageKey).toList();
    List<PagerEvent> sent = events.stream().filter(alreadyPaged::contains).toList();
    // The step owns every key it builds: what the opening sent under one is not resolved later,
    // also when a send below fails for good.
    alreadyPaged.removeIf(opened -> keys.contains(pageKey(opened)));
    List<String> refusals = new ArrayList<>();
    List<IncidentState.PageKey> refusedKeys = new ArrayList<>();
    for (PagerEvent event : events) {
      if (sent.contains(event)) {
        continue;
      }
      if (pager != null) {
        int level = step.step();
        pager.add(state.incidentId(), event, refused -> pageRefused(state, event, level, refused));
        continue;
      }
      if (!stepGoesOnWhenPageRefused) {
        paging.send(event);
        continue;
      }
      try {
        paging.send(event);
      } catch (ActivityFailure refused) {
        // Refused for good (a retryable failure is retried inside the activity): the people are
        // still told and the channel hears why PagerDuty did not page them.
        log.warn(
            "{}: PagerDuty refused {}: {}",
            state.incidentId(),
            event.dedupKey(),
            refused.getMessage());
        refusals.add(refusalOf(refused));
        refusedKeys.add(pageKey(event));
      }
    }
    List<String> handles = resolved.people().stream().map(Person::handle).toList();
    String who =
        resolved.people().stream()
            .map(IncidentEffects::mention)
            .reduce((a, b) -> a + ", " + b)
            .orElse("nobody");
    String text =
        step.step() == 0
            ? "Paging "
                + who
                + " for "
                + state.incidentId()
                + " ("
                + state.severity()
                + "): "
                + state.title()
            : "Escalation level "
                + step.step()
                + " for "
                + state.incidentId()
                + ": paging "
                + who
                + " ("
                + step.reason()
                + ")";
    if (!resolved.unresolved().isEmpty()) {
      text += ". Resolved to nobody: " + String.join(", ", resolved.unresolved());
    }
    if (!refusals.isEmpty()) {
      text +=
          ". PagerDuty refused "
              + (refusals.size() == events.size() ? "the page" : refusals.size() + " of the pages")
              + ", so nobody was paged through it: "
              + String.join("; ", refusals.stream().distinct().toList());
    }
    List<IncidentState.PageKey> paged =
        keys.stream().filter(key -> !refusedKeys.contains(key)).toList();
    state.escalationRan(step, handles, resolved.unresolved(), paged, now);
    if (inviteWhoIsCalled) {
      inviteToChannel(state, resolved.people());
    }
    notifyResolved(state, resolved, text);
    postInChannel(state, text);
  }

  /** A page sent in the background that PagerDuty refused for good: the channel hears why. */
  private void pageRefused(
      IncidentState state, PagerEvent event, int level, ActivityFailure refused) {
    log.warn(
        "{}: PagerDuty refused {}: {}", state.incidentId(), event.dedupKey(), refused.getMessage());
    postInChannel(
        state,
        "PagerDuty refused "
            + (level == 0 ? "the first page" : "the page of escalation level " + level)
            + " for "
            + state.incidentId()
            + ", so nobody was paged through it: "
            + refusalOf(refused));
  }

  /**
   * Invites {@code people} to the incident channel, if it is open, or once it is, when it is being
   * opened (besides the members it is opened with); someone already in it stays.
   */
  private void inviteToChannel(IncidentState state, List<Person> people) {
    if (!state.hasChannel() && openingChannel != null) {
      for (Person person : people) {
        if (!openingMembers.contains(person.handle())
            && heldInvites.stream().noneMatch(held -> held.handle().equals(person.handle()))) {
          heldInvites.add(person);
        }
      }
      return;
    }
    if (!state.hasChannel() || people.isEmpty()) {
      return;
    }
    ChannelInvite invite = new ChannelInvite(state.channelId(), state.channelName(), people);
    toSlack(
        state,
        "invite "
            + people.stream().map(Person::handle).reduce((a, b) -> a + ", " + b).orElseThrow()
            + " to #"
            + state.channelName(),
        new SlackMessage.Invite(invite));
  }

  /**
   * Renames the channel; the state takes the new name once Slack has renamed it. A name Slack
   * refuses (taken by another channel, or a scope the app lacks) leaves the old one, and the log
   * says why.
   */
  private void renameChannel(IncidentState state, String name) {
    if (!state.hasChannel()) {
      return;
    }
    ChannelRename rename = new ChannelRename(state.channelId(), name);
    toSlack(
        state,
        "rename #" + state.channelName() + " to #" + name,
        new SlackMessage.Rename(rename),
        () -> state.channelRenamed(name, Instant.ofEpochMilli(Workflow.currentTimeMillis())),
        () -> state.channelRenameRefused(name));
  }

  /**
   * Asks the tracker for the ticket in the background: the incident goes on while Jira answers (it
   * is retried without limit while Jira is down or limits the rate), and the answer goes to the
   * state, which records it and tells the channel.
   */
  private void openTicket(IncidentState state, Effect.OpenTicket ticket) {
    toTracker(
        Async.function(
            tracker::createIssue, IncidentTicket.issue(state, ticket, channelName(state))),
        issue ->
            state.ticketOpened(
                issue.key(),
                issue.url(),
                ticket.project(),
                Instant.ofEpochMilli(Workflow.currentTimeMillis())),
        refused -> {
          log.warn(
              "{}: Jira refused the ticket in {}: {}",
              state.incidentId(),
              ticket.project(),
              refused.getMessage());
          state.ticketRefused(ticket.project(), refusalOf(refused));
        });
  }

  /** Comments on the ticket in the background; one Jira refuses is logged. */
  private void commentOnTicket(IncidentState state, Effect.CommentOnTicket comment) {
    toTracker(
        Async.procedure(
            tracker::commentOnIssue, new IssueComment(comment.issueKey(), comment.text())),
        done -> {},
        refused ->
            log.warn(
                "{}: Jira refused the comment on {}: {}",
                state.incidentId(),
                comment.issueKey(),
                refused.getMessage()));
  }

  /**
   * Counts a tracker call made in the background until its answer comes (see {@link
   * #ticketsSettled}), then hands the answer, or a refusal Jira made for good, to the state. Any
   * other failure fails the workflow task.
   */
  private <T> void toTracker(
      Promise<T> call, Consumer<T> answered, Consumer<ActivityFailure> refused) {
    trackerCalls++;
    call.handle(
        (answer, failure) -> {
          trackerCalls--;
          if (failure == null) {
            answered.accept(answer);
          } else if (failure instanceof ActivityFailure activity) {
            refused.accept(activity);
          } else {
            throw failure;
          }
          return null;
        });
  }

  /** What a failure that PagerDuty or Jira refused says, without Temporal's wrapping. */
  private static String refusalOf(ActivityFailure refused) {
    return refused.getCause() instanceof ApplicationFailure cause
        ? cause.getOriginalMessage()
        : refused.getMessage();
  }

  private void notifyTargets(IncidentState state, List<String> targets, String text) {
    ResolvedTargets resolved =
        resolve(state, targets, Instant.ofEpochMilli(Workflow.currentTimeMillis()));
    notifyResolved(state, resolved, text);
  }

  private void notifyResolved(IncidentState state, ResolvedTargets resolved, String text) {
    // An open channel is linked by its id, which Slack shows under the channel's name as it is when
    // read: a rename right after the message (a severity change) leaves it right. A channel still
    // opening has only its name.
    String join =
        state.hasChannel()
            ? "<#" + state.channelId() + ">"
            : openingChannel == null ? null : "#" + openingChannel;
    String withChannel =
        join == null ? text : text + (text.endsWith(".") ? " " : ". ") + "Join " + join + ".";
    boolean promised = join != null && !state.hasChannel();
    for (Person person : resolved.people()) {
      DirectMessage message = new DirectMessage(person, withChannel);
      try {
        toSlack(
            state,
            "message " + person.handle(),
            new SlackMessage.Direct(message),
            () -> {
              if (promised) {
                toldToJoin.add(person);
              }
            },
            () -> {});
      } catch (ActivityFailure failure) {
        log.warn(
            "{}: could not message {}: {}",
            state.incidentId(),
            person.handle(),
            failure.getMessage());
      }
    }
    for (String channel : resolved.channels()) {
      ChannelMessage post = new ChannelMessage(channel, withChannel);
      toSlack(state, "post in #" + channel, new SlackMessage.Post(post));
    }
  }

  /**
   * {@code answer} is what {@code query} resolved to: until {@link #forgetResolved}, {@link
   * #resolve} answers the same targets for the same service and roles with it, once, as of the
   * query's time (the lookups of a new incident take a few milliseconds of workflow time, and the
   * first page goes to whoever was on call when the incident began). An answer to other targets, or
   * with other roles, is never used.
   */
  void alreadyResolved(TargetQuery query, ResolvedTargets answer) {
    resolvedQuery = query;
    resolvedAnswer = answer;
  }

  /**
   * {@code events} were sent already, by {@link OpeningActivitiesImpl}: until {@link
   * #forgetResolved}, an escalation step that would send one of them, equal in every field, leaves
   * it out, and one that builds an event under the same routing and dedup key takes it over.
   *
   * @param firstPageKey the key the opening paged under before the incident had a number, which
   *     step 0 then pages under too (PagerDuty keeps one alert per key); null for {@link #dedupKey}
   */
  void alreadyPaged(List<PagerEvent> events, String firstPageKey) {
    alreadyPaged.clear();
    alreadyPaged.addAll(events);
    this.firstPageKey = firstPageKey;
  }

  /**
   * Drops an answer {@link #alreadyResolved} left unused: later steps resolve when they run. A page
   * {@link #alreadyPaged} that no escalation step took over (the step resolved to other people,
   * with other routing keys, than the opening's lookup) is resolved in PagerDuty, in the
   * background: a PagerDuty outage must not hold the opening up.
   */
  void forgetResolved(IncidentState state) {
    alreadyResolved(null, null);
    String incidentId = state.incidentId();
    for (PagerEvent unmade : alreadyPaged) {
      log.info("{}: resolving a first page the incident did not make", incidentId);
      PagerEvent resolve = pageEvent(state, PagerEvent.Action.RESOLVE, pageKey(unmade));
      if (pager != null) {
        pager.add(incidentId, resolve, failure -> skippedPage(incidentId, resolve, failure));
        continue;
      }
      Async.procedure(paging::send, resolve)
          .exceptionally(
              failure -> {
                log.warn(
                    "{}: could not resolve page {}: {}",
                    incidentId,
                    unmade.dedupKey(),
                    failure.getMessage());
                return null;
              });
    }
    alreadyPaged.clear();
    firstPageKey = null;
  }

  private static IncidentState.PageKey pageKey(PagerEvent event) {
    return new IncidentState.PageKey(event.routingKey(), event.dedupKey());
  }

  private ResolvedTargets resolve(IncidentState state, List<String> targets, Instant now) {
    TargetQuery query = new TargetQuery(state.service(), targets, now, state.roles());
    if (resolvedQuery != null
        && resolvedQuery.service().equals(query.service())
        && resolvedQuery.targets().equals(query.targets())
        && resolvedQuery.incidentRoles().equals(query.incidentRoles())) {
      ResolvedTargets answer = resolvedAnswer;
      alreadyResolved(null, null);
      return answer;
    }
    return directory.resolveTargets(query);
  }

  private void sendToPages(IncidentState state, PagerEvent.Action action) {
    for (IncidentState.PageKey key : state.pages()) {
      PagerEvent event = pageEvent(state, action, key);
      if (pager == null) {
        paging.send(event);
      } else {
        String incidentId = state.incidentId();
        pager.add(incidentId, event, failure -> skippedPage(incidentId, event, failure));
      }
    }
  }

  private static void skippedPage(String incidentId, PagerEvent event, ActivityFailure failure) {
    log.warn(
        "{}: PagerDuty refused {} of {}: {}",
        incidentId,
        event.action(),
        event.dedupKey(),
        failure.getMessage());
  }

  private static PagerEvent pageEvent(
      IncidentState state, PagerEvent.Action action, IncidentState.PageKey key) {
    return new PagerEvent(
        action,
        key.routingKey(),
        key.dedupKey(),
        state.title(),
        "incidentflow",
        pagerSeverity(state.severity()),
        state.service(),
        Map.of("incident", state.incidentId()));
  }

  private static String mention(Person person) {
    return person.slackId() == null ? "@" + person.handle() : "<@" + person.slackId() + ">";
  }

  static String describeCadence(IncidentState state) {
    return state.cadence().every() == null
        ? "updates at open and resolve"
        : "updates every " + Durations.format(state.cadence().every());
  }
}
