package dev.incidentflow.api.slack;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.slack.BriefingAction;
import dev.incidentflow.activities.store.ActionItemRow;
import dev.incidentflow.activities.store.IncidentChannelRepository;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.api.core.AlertMapper;
import dev.incidentflow.api.core.Declarations;
import dev.incidentflow.api.core.FollowUpGateway;
import dev.incidentflow.api.core.FollowUpRequests;
import dev.incidentflow.api.core.IncidentGateway;
import dev.incidentflow.api.core.IncidentLookup;
import dev.incidentflow.api.core.People;
import dev.incidentflow.api.core.Refusal;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.Declaration;
import dev.incidentflow.workflows.incident.IncidentInput;
import dev.incidentflow.workflows.incident.IncidentView;
import dev.incidentflow.workflows.incident.IncidentWorkflow;
import dev.incidentflow.workflows.incident.Note;
import dev.incidentflow.workflows.incident.RoleAssignment;
import dev.incidentflow.workflows.incident.SeverityChange;
import dev.incidentflow.workflows.incident.Transition;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.postmortem.ActionItemView;
import dev.incidentflow.workflows.postmortem.Handover;
import dev.incidentflow.workflows.postmortem.Publication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs incidents from Slack: slash commands and briefing buttons become the same workflow Updates
 * the HTTP API uses, done by the catalog person who typed or clicked.
 *
 * <p>Slack wants an answer within three seconds, and an Update can take longer (a declaration waits
 * for the channel). So only what is quick is answered at once: help, usage, bad arguments, an
 * incident that does not exist, the status. Everything else is acknowledged at once and done on
 * {@code executor}; its outcome, or the workflow's reason for refusing it, goes to the request's
 * {@code response_url}, seen only by the actor. The incident channel hears of the change from the
 * workflow itself, like every change.
 */
public final class SlackCockpit {
  private static final Logger log = LoggerFactory.getLogger(SlackCockpit.class);
  static final SlackReply WORKING = SlackReply.ephemeral("Working on it\u2026");
  private static final SlackReply RESTARTING =
      SlackReply.ephemeral(
          "IncidentFlow is restarting and did not take that; try again in a minute.");

  /**
   * How long a slash command's answer may take before it is posted to response_url instead: Slack
   * gives up after three seconds, network included.
   */
  static final Duration ANSWER_WITHIN = Duration.ofMillis(2_500);

  /** The person a command names when it means whoever typed it: {@code /incident ic me}. */
  private static final String SELF = "me";

  /** How many incidents a command typed outside an incident channel is told of. */
  static final int OPEN_INCIDENTS_LISTED = 5;

  private static final Pattern RELATIVE_DUE =
      Pattern.compile("([0-9]{1,3})([dw])", Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final IncidentGateway gateway;
  private final IncidentLookup lookup;
  private final IncidentChannelRepository channels;
  private final Declarations declarations;
  private final AlertMapper mapper;
  private final FollowUpRequests followUps;
  private final People people;
  private final SlackUsers users;
  private final LaterReplies replies;
  private final TimelyAnswers answers;
  private final Clock clock;

  public SlackCockpit(
      IncidentGateway gateway,
      IncidentLookup lookup,
      IncidentChannelRepository channels,
      Declarations declarations,
      AlertMapper mapper,
      FollowUpRequests followUps,
      People people,
      SlackUsers users,
      SlackResponder responder,
      Executor executor,
      Executor answering,
      ScheduledExecutorService timer,
      Duration stillWorkingAfter,
      Clock clock) {
    this.gateway = requireNonNull(gateway, "gateway is null");
    this.lookup = requireNonNull(lookup, "lookup is null");
    this.channels = requireNonNull(channels, "channels is null");
    this.declarations = requireNonNull(declarations, "declarations is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.followUps = requireNonNull(followUps, "followUps is null");
    this.people = requireNonNull(people, "people is null");
    this.users = requireNonNull(users, "users is null");
    requireNonNull(responder, "responder is null");
    this.replies = new LaterReplies(executor, timer, responder::reply, stillWorkingAfter);
    this.answers = new TimelyAnswers(answering, ANSWER_WITHIN, responder::reply);
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Answers a slash command within Slack's three seconds; the work may go on afterwards. */
  public SlackReply command(SlashCommandRequest request) {
    return answers.answer(request.responseUrl(), () -> answer(request), WORKING, RESTARTING);
  }

  private SlackReply answer(SlashCommandRequest request) {
    SlashCommand command = SlashCommand.parse(request.text());
    if (command instanceof SlashCommand.Help) {
      return SlackReply.ephemeral(SlashCommandParser.USAGE);
    }
    if (command instanceof SlashCommand.Invalid invalid) {
      return SlackReply.ephemeral(invalid.problem() + "\n\n" + SlashCommandParser.USAGE);
    }
    // Only now: finding who typed it may ask Slack (users.info), which help and a typo need not
    // wait for within the three seconds.
    SlackActor actor = users.actor(request.userId(), request.userName());
    if (command instanceof SlashCommand.Declare declare) {
      return declare(declare, actor, request.responseUrl());
    }
    if (command instanceof SlashCommand.MarkActionItemDone done) {
      return later(request.responseUrl(), () -> markedDone(done, actor)) ? WORKING : RESTARTING;
    }
    if (!(command instanceof SlashCommand.OnIncident onIncident)) {
      throw new IllegalStateException(
          "a command is help, invalid, a declaration, an action item's done or about an incident: "
              + command);
    }
    try {
      IncidentRecord incident = incidentOf(onIncident, request);
      if (onIncident instanceof SlashCommand.Status) {
        return SlackReply.ephemeral(status(incident));
      }
      return later(request.responseUrl(), change(incident, onIncident, actor))
          ? WORKING
          : RESTARTING;
    } catch (ApiException problem) {
      return SlackReply.ephemeral(
          describe(problem) + (problem.status() == 422 ? usage(onIncident) : ""));
    }
  }

  /**
   * Handles a button click. Every answer, even "no such incident", goes to {@code response_url}:
   * Slack shows nothing of what the HTTP answer to a click says.
   */
  public void click(BlockActionsPayload payload) {
    if (!BlockActionsPayload.BLOCK_ACTIONS.equals(payload.type())) {
      log.info("ignoring a Slack interaction of type {}", payload.type());
      return;
    }
    BlockActionsPayload.User user = payload.user();
    SlackActor actor =
        user == null
            ? users.actor(null, null)
            : users.actor(
                user.id(), Problems.isBlank(user.username()) ? user.name() : user.username());
    for (BlockActionsPayload.Action action : payload.actions()) {
      Optional<BriefingAction> button = BriefingAction.ofActionId(action.actionId());
      if (button.isEmpty()) {
        log.info("ignoring a click on unknown action {}", action.actionId());
        continue;
      }
      if (!later(payload.responseUrl(), clicked(button.get(), action.value(), actor))) {
        log.warn(
            "shutting down: dropped a click on {} for {} by {}",
            action.actionId(),
            action.value(),
            actor.by());
      }
    }
  }

  private Supplier<String> clicked(BriefingAction button, String incidentId, SlackActor actor) {
    return () -> {
      IncidentRecord incident = lookup.record(incidentId);
      Supplier<String> work =
          switch (button) {
            case ACKNOWLEDGE ->
                lifecycle(
                    incident,
                    LifecycleStep.ACKNOWLEDGE,
                    new Transition(actor.by(), "", incident.id()));
            case ESCALATE ->
                lifecycle(
                    incident,
                    LifecycleStep.ESCALATE,
                    new Transition(actor.by(), "", incident.id()));
            case RESOLVE ->
                lifecycle(
                    incident, LifecycleStep.RESOLVE, new Transition(actor.by(), "", incident.id()));
            case UPDATE ->
                () ->
                    "To post a status update on "
                        + incident.id()
                        + ", type `/incident update "
                        + incident.id()
                        + " &lt;what changed&gt;` (in its channel `/incident update &lt;what changed&gt;` will do).";
          };
      return work.get();
    };
  }

  private SlackReply declare(SlashCommand.Declare declare, SlackActor actor, String responseUrl) {
    IncidentInput input;
    try {
      input =
          declarations.input(
              new Declaration(
                  declare.title(), declare.severity(), declare.service(), actor.by(), null, null));
    } catch (ApiException invalid) {
      return SlackReply.ephemeral(
          describe(invalid)
              + "\nUsage: `/incident declare &lt;severity&gt; &lt;service&gt; &lt;title&gt;`");
    }
    return later(responseUrl, () -> declared(gateway.declare(input))) ? WORKING : RESTARTING;
  }

  /**
   * Marks the item done as {@code POST /v1/action-items/{id}/done} does, by whoever typed it, and
   * says who did: someone else, or Jira, may have done it first.
   */
  private String markedDone(SlashCommand.MarkActionItemDone done, SlackActor actor) {
    ActionItemRow item = followUps.markDone(done.actionItemId(), actor.by(), done.note());
    String by =
        item.doneBy() == null
            ? ""
            : item.doneBy().equals(TimelineEvent.JIRA)
                ? " (closed in Jira)"
                : " (marked done by " + SlackReply.escape(item.doneBy()) + ")";
    return "Action item "
        + item.id()
        + " of "
        + item.incidentId()
        + " is done"
        + by
        + ": "
        + SlackReply.escape(item.title())
        + ".";
  }

  private String declared(IncidentGateway.Declared declared) {
    if (declared.view().isEmpty()) {
      return "Declared. The incident is still starting (workflow "
          + declared.workflowId()
          + "); it will announce itself in the stakeholder channel.";
    }
    IncidentRecord incident = lookup.record(declared.view().get().incidentId());
    String channel =
        incident.channelId() == null ? "" : " Its channel: <#" + incident.channelId() + ">.";
    return incident.id()
        + " declared ("
        + incident.severity()
        + ", "
        + SlackReply.escape(incident.service())
        + "): "
        + SlackReply.escape(incident.title())
        + ". Commander: "
        + SlackReply.escape(Optional.ofNullable(incident.commander()).orElse("unassigned"))
        + "."
        + channel;
  }

  /** The incident the command names, else the one whose channel it was typed in. */
  private IncidentRecord incidentOf(SlashCommand.OnIncident command, SlashCommandRequest request) {
    if (command.incidentId().isPresent()) {
      return lookup.record(command.incidentId().get());
    }
    return channels
        .findByChannel(request.channelId())
        .orElseThrow(() -> new ApiException(404, notAnIncidentChannel(request.text()), List.of()));
  }

  /**
   * What to type instead of a command that names no incident outside an incident channel: the same
   * command with the incident's id first, for each incident that has not ended (the newest few).
   */
  private String notAnIncidentChannel(String typed) {
    String command = SlackReply.escape(SlashCommandParser.unescape(typed.strip()));
    List<IncidentRecord> open = lookup.notEnded(OPEN_INCIDENTS_LISTED + 1);
    StringBuilder text =
        new StringBuilder("This channel belongs to no incident. Name the incident first: `")
            .append("/incident INC-42 ")
            .append(command)
            .append("`.");
    if (open.isEmpty()) {
      return text.append(" No incident is running now.").toString();
    }
    text.append(
        open.size() > OPEN_INCIDENTS_LISTED
            ? " The newest incidents still running:"
            : " Incidents still running:");
    for (IncidentRecord incident : open.subList(0, Math.min(open.size(), OPEN_INCIDENTS_LISTED))) {
      text.append("\n\u2022 `/incident ")
          .append(incident.id())
          .append(' ')
          .append(command)
          .append("` (")
          .append(incident.severity())
          .append(' ')
          .append(SlackReply.escape(incident.service()))
          .append(", ")
          .append(incident.status().wireName())
          .append(": ")
          .append(SlackReply.escape(incident.title()))
          .append(')');
    }
    return text.toString();
  }

  /** The Update a command asks for; a severity or person the command names is checked first. */
  private Supplier<String> change(
      IncidentRecord incident, SlashCommand.OnIncident command, SlackActor actor) {
    String id = incident.id();
    if (command instanceof SlashCommand.Lifecycle lifecycle) {
      return lifecycle(
          incident, lifecycle.step(), new Transition(actor.by(), lifecycle.note(), id));
    }
    if (command instanceof SlashCommand.ChangeSeverity change) {
      Problems problems = new Problems();
      Severity severity = mapper.severity("severity", change.severity(), problems);
      problems.throwIfAny("That is not a severity.");
      return update(
          incident,
          workflow ->
              workflow.changeSeverity(new SeverityChange(severity, actor.by(), change.note(), id)),
          view -> id + " is now " + view.severity() + ".");
    }
    if (command instanceof SlashCommand.AssignRole role) {
      String named =
          handleOf(
              role.person(),
              actor,
              "Write it instead: `/incident " + role.role() + " &lt;handle&gt;`.");
      // A handle written out must name someone, as over HTTP: a role nobody can be reached in is
      // worse than none.
      people.check(new Problems(), "person", named).throwIfAny("That is not a person I know.");
      String person = people.handle(named);
      return update(
          incident,
          workflow -> workflow.assignRole(new RoleAssignment(role.role(), person, actor.by(), id)),
          view -> SlackReply.escape(person) + " is now " + role.role() + " of " + id + ".");
    }
    if (command instanceof SlashCommand.PostUpdate update) {
      return update(
          incident,
          workflow -> workflow.postStatusUpdate(new Note(update.text(), actor.by(), id)),
          view -> "Status update posted to " + id + nextUpdate(view.nextUpdateDue()) + ".");
    }
    if (command instanceof SlashCommand.LogDecision decision) {
      return update(
          incident,
          workflow -> workflow.logDecision(new Note(decision.text(), actor.by(), id)),
          view -> "Decision logged on " + id + ".");
    }
    if (command instanceof SlashCommand.PublishPostmortem postmortem) {
      Publication publication =
          FollowUpRequests.publication(postmortem.url(), postmortem.summary(), actor.by());
      return () -> {
        followUps.publish(incident, publication);
        return "Postmortem of " + id + " published: " + SlackReply.escape(publication.url());
      };
    }
    if (command instanceof SlashCommand.HandOverPostmortem handOver) {
      String named = handleOf(handOver.owner(), actor, "Write the owner's handle instead.");
      // The new owner is checked as over HTTP; who typed it is named as for every other command.
      people.check(new Problems(), "owner", named).throwIfAny("That is not a person I know.");
      Handover handover = new Handover(people.handle(named), actor.by());
      return () ->
          "The postmortem of "
              + id
              + " is now owned by "
              + SlackReply.escape(followUps.handOver(incident, handover).owner())
              + ".";
    }
    if (command instanceof SlashCommand.AddActionItem action) {
      String owner = handleOf(action.owner(), actor, "Write the owner's handle instead.");
      FollowUpRequests.ActionItem item =
          followUps.actionItem(
              action.title(), owner, dueDate(action.due()), action.kind().wireName(), actor.by());
      followUps.refuseWhenOver(incident);
      return () -> added(id, followUps.add(incident, item, null));
    }
    throw new IllegalStateException("not a change: " + command);
  }

  /** How to write a command whose arguments take more than a glance to get right. */
  private static String usage(SlashCommand.OnIncident command) {
    if (command instanceof SlashCommand.AddActionItem) {
      return "\nUsage: " + SlashCommandParser.ACTION_USAGE;
    }
    if (command instanceof SlashCommand.PublishPostmortem) {
      return "\nUsage: " + SlashCommandParser.POSTMORTEM_USAGE;
    }
    if (command instanceof SlashCommand.HandOverPostmortem) {
      return "\nUsage: " + SlashCommandParser.POSTMORTEM_OWNER_USAGE;
    }
    return "";
  }

  /**
   * The catalog handle a mention names: {@code me} is whoever typed it (unless the catalog has a
   * person called me); a bare mention of a Slack id the catalog does not know is refused.
   */
  private String handleOf(SlackMention person, SlackActor actor, String instead) {
    if (person.userId() == null && SELF.equalsIgnoreCase(person.name()) && !people.knows(SELF)) {
      if (!people.knows(actor.by())) {
        throw new ApiException(
            422,
            "`me` is you, and your Slack account ("
                + SlackReply.escape(actor.by())
                + ") is no person in the catalog. "
                + instead,
            List.of());
      }
      return actor.by();
    }
    return users
        .handleOf(person)
        .orElseThrow(
            () ->
                new ApiException(
                    422,
                    "<@"
                        + person.userId()
                        + "> has no Slack id in the catalog, so I do not know their handle. "
                        + instead,
                    List.of()));
  }

  /**
   * A due date as {@link FollowUpRequests#actionItem} takes it: {@code 3d} and {@code 2w} count
   * from today in UTC.
   */
  private String dueDate(String due) {
    Matcher relative = RELATIVE_DUE.matcher(due);
    if (!relative.matches()) {
      return due;
    }
    long amount = Long.parseLong(relative.group(1));
    long days = relative.group(2).equalsIgnoreCase("w") ? amount * 7 : amount;
    return LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(days).toString();
  }

  private static String added(String incidentId, FollowUpGateway.Added added) {
    if (added.view().isEmpty()) {
      return "The action item for "
          + incidentId
          + " was sent, but no worker recorded it in time to say whether it was taken (workflow "
          + added.workflowId()
          + "). It is refused if "
          + incidentId
          + " was canceled or its postmortem published meanwhile; `/v1/action-items` lists it"
          + " once it is recorded.";
    }
    ActionItemView item = added.view().get();
    return "Action item "
        + item.id()
        + " added to "
        + incidentId
        + ": "
        + SlackReply.escape(item.title())
        + " ("
        + item.kind().wireName()
        + ", "
        + SlackReply.escape(item.owner())
        + ", due "
        + item.due()
        + ")"
        + (item.jiraKey() == null ? "." : ", Jira " + item.jiraKey() + ".");
  }

  private Supplier<String> lifecycle(
      IncidentRecord incident, LifecycleStep step, Transition transition) {
    BiFunction<IncidentWorkflow, Transition, IncidentView> call =
        switch (step) {
          case ACKNOWLEDGE -> IncidentWorkflow::acknowledge;
          case IDENTIFY -> IncidentWorkflow::identify;
          case MITIGATE -> IncidentWorkflow::mitigate;
          case RESOLVE -> IncidentWorkflow::resolve;
          case REOPEN -> IncidentWorkflow::reopen;
          case CANCEL -> IncidentWorkflow::cancel;
          case ESCALATE -> IncidentWorkflow::escalate;
        };
    Function<IncidentView, String> done =
        step == LifecycleStep.ESCALATE
            ? view ->
                incident.id() + " escalated: the next step of its escalation chain is being paged."
            : view -> incident.id() + " is now " + view.status().wireName() + ".";
    return update(incident, workflow -> call.apply(workflow, transition), done);
  }

  private Supplier<String> update(
      IncidentRecord incident,
      Function<IncidentWorkflow, IncidentView> call,
      Function<IncidentView, String> done) {
    return () -> done.apply(gateway.update(incident, call));
  }

  /**
   * Does {@code work} after answering, and posts what came of it to {@code responseUrl} (with a
   * notice first when it takes long); false when the process is shutting down.
   */
  private boolean later(String responseUrl, Supplier<String> work) {
    return replies.submit(responseUrl, () -> outcome(work));
  }

  private static String outcome(Supplier<String> work) {
    try {
      return work.get();
    } catch (Refusal refusal) {
      return SlackReply.escape(refusal.getMessage());
    } catch (ApiException problem) {
      return describe(problem);
    } catch (RuntimeException unexpected) {
      return TimelyAnswers.failure(unexpected).text();
    }
  }

  private static String describe(ApiException problem) {
    if (problem.status() == 503) {
      // Not confirmed in time (IncidentGateway): its details tell an HTTP client what to read.
      return problem.getMessage()
          + ". Check the incident channel or `/incident status` before typing it again.";
    }
    StringBuilder text = new StringBuilder(problem.getMessage());
    for (String detail : problem.details()) {
      text.append("\n\u2022 ").append(SlackReply.escape(detail));
    }
    return text.toString();
  }

  private static String status(IncidentRecord incident) {
    StringBuilder text =
        new StringBuilder()
            .append('*')
            .append(incident.id())
            .append("* \u00b7 ")
            .append(incident.severity())
            .append(" \u00b7 ")
            .append(SlackReply.escape(incident.service()))
            .append(" \u00b7 *")
            .append(incident.status().wireName())
            .append("*\n")
            .append(SlackReply.escape(incident.title()))
            .append('\n')
            .append("Commander: ")
            .append(
                SlackReply.escape(Optional.ofNullable(incident.commander()).orElse("unassigned")));
    incident
        .roles()
        .forEach(
            (role, person) -> {
              if (!role.equals("commander")) {
                text.append(" \u00b7 ").append(role).append(": ").append(SlackReply.escape(person));
              }
            });
    text.append("\n").append(since(incident));
    if (incident.nextUpdateDue() != null && incident.status().isActive()) {
      text.append("\nNext status update due ").append(slackDate(incident.nextUpdateDue()));
    }
    if (incident.channelId() != null) {
      text.append("\nChannel: <#").append(incident.channelId()).append('>');
    }
    return text.toString();
  }

  /**
   * When it began and how far it got: "Triggered ... · not acknowledged yet" is what someone paged
   * in the night needs to see first.
   */
  private static String since(IncidentRecord incident) {
    StringBuilder text = new StringBuilder("Triggered ").append(slackDate(incident.triggeredAt()));
    if (incident.acknowledgedAt() != null) {
      text.append(" \u00b7 acknowledged ").append(slackDate(incident.acknowledgedAt()));
    } else if (incident.status().isActive()) {
      text.append(" \u00b7 *not acknowledged yet*");
    }
    if (incident.resolvedAt() != null && !incident.status().isActive()) {
      text.append(" \u00b7 resolved ").append(slackDate(incident.resolvedAt()));
    }
    if (incident.escalationLevel() > 0 && incident.status().isActive()) {
      // Step 0 pages the primary; a later step has called someone beyond.
      text.append(" \u00b7 escalation step ").append(incident.escalationLevel()).append(" paged");
    }
    return text.toString();
  }

  private static String nextUpdate(Instant due) {
    return due == null ? "" : "; the next is due " + slackDate(due);
  }

  /** A time each reader sees in their own time zone, with UTC for clients that cannot. */
  private static String slackDate(Instant at) {
    return "<!date^"
        + at.getEpochSecond()
        + "^{date_short_pretty} {time}|"
        + UTC_TIME.format(at)
        + ">";
  }
}
