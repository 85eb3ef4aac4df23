package dev.incidentflow.workflows.incident;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.activities.TrackerText;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import dev.incidentflow.workflows.policy.Durations;
import dev.incidentflow.workflows.policy.EscalationPlan;
import dev.incidentflow.workflows.policy.EscalationStep;
import dev.incidentflow.workflows.policy.Policy;
import dev.incidentflow.workflows.policy.SeverityPolicy;
import dev.incidentflow.workflows.policy.StatusCadence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything an incident workflow knows, and the rules for changing it. Pure: every method takes
 * the time it acts at, records timeline events and asks for side effects ({@link Effect}) that the
 * workflow carries out. It is carried across continue-as-new, so it serializes with Jackson
 * (fields, not getters).
 */
// A field a later version adds is ignored by a worker of this one: a run continued as new by a
// newer worker, then taken by this one (a rollback), goes on without it instead of failing.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE,
    setterVisibility = JsonAutoDetect.Visibility.NONE)
public final class IncidentState {

  /**
   * The most alert starts an incident remembers (see {@link #judgeAlertsByTheirStarts()}): the
   * state is carried across continue-as-new, and a group of thousands of alerts must not make it as
   * large.
   */
  static final int MAX_KNOWN_ALERT_STARTS = 1000;

  private String workflowId;
  private String firstRunId;
  private long number;
  private String title;
  private String description;
  private String service;
  private String source;
  private String dedupKey;
  private String declaredBy;
  private Severity severity;
  private Policy policy;
  private String stakeholderChannel;
  private List<String> links;
  private String commander;
  private TreeMap<String, String> roles;
  private IncidentStatus status;
  private Instant startedAt;
  private TreeMap<IncidentStatus, Instant> statusTimes;
  private String acknowledgedBy;
  private String channelId;
  private String channelName;
  private EscalationPlan escalation;

  /** The highest step that has run, -1 before the first page: also counts the steps run. */
  private int escalationLevel;

  private StatusCadence cadence;

  /**
   * The next overdue notice is the one a severity change caught up on: past the escalating notice,
   * it still tells the communications lead, whom the notices it skipped would have told (unless the
   * old cadence had told them already).
   */
  private boolean catchUpNotice;

  /**
   * The last update (or start, or reopening) after which the communications lead or engineering
   * manager was told of the missing updates; null until they were, and in runs before this was
   * kept.
   */
  private Instant managerToldSince;

  /** See {@link #tellManagerOncePerGap()}. */
  private boolean tellsManagerOncePerGap;

  /**
   * Where the ticket of an incident whose severity does not page goes: the owning team's Jira
   * project and the team's name. Null in runs before {@code
   * IncidentWorkflowImpl#TICKET_FOR_UNPAGED} and {@link #ticketsTo} (no ticket is ever asked for);
   * a {@link TicketDesk} with a null project when the catalog names none.
   */
  private TicketDesk ticketDesk;

  /** A ticket was asked for: at most one per incident. */
  private boolean ticketAsked;

  /** The ticket's key once the tracker made it, e.g. {@code PAY-118}. */
  private String ticket;

  /**
   * How the incident ended, for its ticket: kept while the ticket is still being opened, and
   * commented once it is.
   */
  private String ticketOutcome;

  /** See {@link #inviteRoleHolders()}. */
  private boolean invitesRoleHolders;

  /** See {@link #resolvePagesWithoutAcknowledging()}. */
  private boolean resolvesWithoutAcknowledging;

  /**
   * Every escalation target the incident has called ({@code oncall:secondary}, ...), under any of
   * its severities; null in runs before {@code IncidentWorkflowImpl#REPLAN_BY_WHO_WAS_CALLED} (see
   * {@link #replanByWhoWasCalled()}).
   */
  private TreeSet<String> called;

  /** See {@link #renameChannelWithSeverity()}. */
  private boolean renamesChannel;

  /** See {@link #renameAfterWaitingRenames()}. */
  private boolean renamesAfterWaitingRenames;

  /**
   * The name the channel was last asked to take while Slack has not answered yet; null when no
   * rename waits (see {@link #renameAfterWaitingRenames()}).
   */
  private String renameAsked;

  /** See {@link #resolvePagesWhenUnpaged()}. */
  private boolean resolvesPagesWhenUnpaged;

  /** See {@link #followSeverityWhileOpening()}. */
  private boolean followsSeverityWhileOpening;

  /** See {@link #escalatePastNobody()}. */
  private boolean escalatesPastNobody;

  /** An escalation step has reached somebody (see {@link #escalatePastNobody()}). */
  private boolean reachedSomebody;

  /**
   * The incident's pages were resolved when it was lowered to a severity that pages nobody, and it
   * has not been raised to one that pages since (see {@link #resolvePagesWhenUnpaged()}).
   */
  private boolean pagesResolvedWhenLowered;

  /** See {@link #pageAgainOnRecurrence()}. */
  private boolean pagesAgainOnRecurrence;

  /** See {@link #pageWhenRaisedOnRecurrence()}. */
  private boolean pagesWhenRaisedOnRecurrence;

  /**
   * The worst severity the incident's alerts have fired at, starting from the one it opened with;
   * null in runs before {@code IncidentWorkflowImpl#RAISE_WITH_ALERTS} (see {@link
   * #raiseWithAlerts()}).
   */
  private Severity alertSeverity;

  private int alertsFired;

  /**
   * When the alerts that fired for the incident started ({@link AlertEvent#alertStarts()}), at most
   * {@link #MAX_KNOWN_ALERT_STARTS}, the latest kept; null until a delivery gives one.
   */
  private TreeSet<Instant> alertStarts;

  /** See {@link #judgeAlertsByTheirStarts()}. */
  private boolean judgesAlertsByStarts;

  /**
   * Every start at or before this is one the incident had, though not among {@link #alertStarts}: a
   * delivery that carried as many starts as a delivery carries at most left its older ones out, and
   * the incident forgets its oldest past {@link #MAX_KNOWN_ALERT_STARTS}. Null until either
   * happened, and in a state carried from a run before it was kept. Kept by every run, used since
   * {@link #judgeLeftOutStartsAsKnown()}.
   */
  private Instant startsKnownThrough;

  /** See {@link #judgeLeftOutStartsAsKnown()}. */
  private boolean judgesLeftOutStartsAsKnown;

  /**
   * The channel was told that a firing sent again leaves the incident resolved, and it has not been
   * reopened since (see {@link #judgeAlertsByTheirStarts()}).
   */
  private boolean toldStillFiring;

  /**
   * The channel was told that the alert resolved, and no firing delivery came since (see {@link
   * #judgeAlertsByTheirStarts()}).
   */
  private boolean toldAlertResolved;

  private int lastSequence;
  private List<TimelineEvent> unsaved;
  private List<PageKey> pages;

  @JsonIgnore private final List<Effect> effects = new ArrayList<>();

  /** A page this incident triggered, to be acknowledged and resolved with the same keys. */
  public record PageKey(String routingKey, String dedupKey) {}

  /**
   * The owning team's tracker project for the ticket of an incident that pages nobody.
   *
   * @param project the Jira project key, or null when the catalog names none for the service and
   *     has no default
   * @param team the owning team's name, or null
   */
  public record TicketDesk(String project, String team) {
    public TicketDesk {
      project = project == null || project.isBlank() ? null : project.strip();
    }
  }

  private IncidentState() {}

  /** The state of a new incident, before it has a number. */
  public static IncidentState declare(
      IncidentInput input, String workflowId, String firstRunId, Policy policy, Instant now) {
    IncidentState state = new IncidentState();
    state.workflowId = requireNonNull(workflowId, "workflowId is null");
    state.firstRunId = requireNonNull(firstRunId, "firstRunId is null");
    state.title = input.title();
    state.description = input.description();
    state.service = input.service();
    state.source = input.source();
    state.dedupKey = input.dedupKey();
    state.declaredBy = input.declaredBy();
    state.severity = input.severity();
    state.policy = requireNonNull(policy, "policy is null");
    state.links = new ArrayList<>(input.links());
    state.roles = new TreeMap<>();
    state.status = IncidentStatus.TRIGGERED;
    state.startedAt = now;
    state.statusTimes = new TreeMap<>(Map.of(IncidentStatus.TRIGGERED, now));
    state.escalation = new EscalationPlan(state.row().pagingChain(), now, 0);
    state.escalationLevel = -1;
    state.cadence = new StatusCadence(state.row().statusUpdates().every(), now, 0);
    state.unsaved = new ArrayList<>();
    state.pages = new ArrayList<>();
    String what =
        "declared".equals(input.source())
            ? "Declared by " + input.declaredBy()
            : "Declared from " + input.source() + " alert";
    state.record(
        now,
        TimelineEventType.DECLARED,
        input.declaredBy(),
        what + ": " + input.title(),
        Map.of(
            "severity",
            input.severity().name(),
            "service",
            input.service(),
            "source",
            input.source()));
    return state;
  }

  // ---- facts ------------------------------------------------------------------------------

  public String workflowId() {
    return workflowId;
  }

  public String firstRunId() {
    return firstRunId;
  }

  public long number() {
    return number;
  }

  public boolean isNumbered() {
    return number > 0;
  }

  public String incidentId() {
    return isNumbered() ? "INC-" + number : workflowId;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public String service() {
    return service;
  }

  public String source() {
    return source;
  }

  public String dedupKey() {
    return dedupKey;
  }

  public String declaredBy() {
    return declaredBy;
  }

  public Severity severity() {
    return severity;
  }

  public Policy policy() {
    return policy;
  }

  public SeverityPolicy row() {
    return policy.row(severity);
  }

  public String stakeholderChannel() {
    return stakeholderChannel;
  }

  public List<String> links() {
    return List.copyOf(links);
  }

  /**
   * Who acknowledged the incident: whoever first moved it past triggered, so for one resolved
   * straight away, whoever resolved it. Null only while it is triggered; incidents are resolved by
   * hand alone (an alert that resolves changes nothing), so a resolved incident always has one.
   */
  public String acknowledgedBy() {
    return acknowledgedBy;
  }

  public String commander() {
    return commander;
  }

  public Map<String, String> roles() {
    return Map.copyOf(roles);
  }

  public IncidentStatus status() {
    return status;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Optional<Instant> reachedAt(IncidentStatus reached) {
    return Optional.ofNullable(statusTimes.get(reached));
  }

  public String channelId() {
    return channelId;
  }

  public String channelName() {
    return channelName;
  }

  public boolean hasChannel() {
    return channelId != null;
  }

  public EscalationPlan escalation() {
    return escalation;
  }

  /** The highest escalation step that has run; 0 until level 1 runs (or when nothing pages). */
  public int escalationLevel() {
    return Math.max(0, escalationLevel);
  }

  public StatusCadence cadence() {
    return cadence;
  }

  public List<PageKey> pages() {
    return List.copyOf(pages);
  }

  /** The ticket's key, once the tracker made it; empty before, and when no ticket was asked for. */
  public Optional<String> ticket() {
    return Optional.ofNullable(ticket);
  }

  public int lastSequence() {
    return lastSequence;
  }

  public boolean isTerminal() {
    return status.isTerminal();
  }

  /** When the next status update is due, or null outside an active incident's cadence. */
  public Instant nextUpdateDue() {
    return status.isActive() ? cadence.nextUpdateDue().orElse(null) : null;
  }

  /** When the monitoring window of a resolved incident ends. */
  public Optional<Instant> monitoringEndsAt() {
    return status == IncidentStatus.RESOLVED
        ? Optional.of(statusTimes.get(IncidentStatus.RESOLVED).plus(row().monitoringWindow()))
        : Optional.empty();
  }

  public IncidentView view() {
    return new IncidentView(
        incidentId(), status, severity, commander, escalationLevel(), nextUpdateDue());
  }

  /** The snapshot to persist, carrying the events not yet persisted. */
  public IncidentSnapshot snapshot() {
    Map<IncidentStatus, Instant> times = new EnumMap<>(IncidentStatus.class);
    times.putAll(statusTimes);
    return new IncidentSnapshot(
        number,
        workflowId,
        title,
        severity,
        service,
        status,
        commander,
        roles,
        channelId,
        channelName,
        escalationLevel(),
        nextUpdateDue(),
        times,
        unsaved,
        lastSequence);
  }

  public boolean hasUnsavedEvents() {
    return !unsaved.isEmpty();
  }

  /** Forgets the events up to {@code sequence}: they are persisted. */
  public void saved(int sequence) {
    unsaved.removeIf(event -> event.sequence() <= sequence);
  }

  /** The side effects asked for since the last call, oldest first. */
  public List<Effect> takeEffects() {
    List<Effect> taken = List.copyOf(effects);
    effects.clear();
    return taken;
  }

  public boolean hasEffects() {
    return !effects.isEmpty();
  }

  // ---- setup ------------------------------------------------------------------------------

  public void numbered(long assigned) {
    this.number = assigned;
  }

  /** Who responds and where stakeholders hear about it, once the catalog has answered. */
  public void staffed(String commanderHandle, String stakeholders) {
    this.commander = commanderHandle;
    if (commanderHandle != null) {
      roles.put("commander", commanderHandle);
    }
    this.stakeholderChannel = stakeholders;
  }

  public void channelOpened(String id, String name, Instant now) {
    this.channelId = id;
    this.channelName = name;
    record(
        now,
        TimelineEventType.CHANNEL_CREATED,
        TimelineEvent.SYSTEM,
        "Opened #" + name,
        Map.of("channelId", id, "channelName", name));
    if (followsSeverityWhileOpening && renamesChannel) {
      // Named before a severity change that came while it opened.
      renameChannelForSeverity();
    }
  }

  /** Marks this incident as a repeat of {@code earlier}, a closed incident. */
  public void repeats(String earlier, Instant now) {
    record(
        now,
        TimelineEventType.REPEAT_DETECTED,
        TimelineEvent.SYSTEM,
        "Repeat of " + earlier + ", closed in the 30 days before this one started",
        Map.of("repeatOf", earlier));
  }

  /**
   * From now on, while the incident's severity pages nobody (SEV3 and SEV4 in the shipped policy)
   * and it is still active, one ticket is asked for in the owning team's project ({@link
   * Effect.OpenTicket}): at once if it already does, or when a severity change lowers it to such a
   * severity later. Runs before {@code IncidentWorkflowImpl#TICKET_FOR_UNPAGED} never call this.
   */
  public void ticketsTo(TicketDesk desk) {
    this.ticketDesk = requireNonNull(desk, "desk is null");
    askForTicketIfUnpaged();
  }

  private void askForTicketIfUnpaged() {
    if (ticketDesk == null || ticketAsked || row().page() || !status.isActive()) {
      return;
    }
    ticketAsked = true;
    if (ticketDesk.project() == null) {
      effects.add(
          new Effect.PostInChannel(
              severity
                  + " pages nobody and the catalog names no Jira project for "
                  + service
                  + " (nor a default), so no ticket was opened for the owning team"));
      return;
    }
    effects.add(new Effect.OpenTicket(ticketDesk.project(), ticketDesk.team()));
  }

  /** The tracker made the ticket {@link Effect.OpenTicket} asked for. */
  public void ticketOpened(String key, String url, String project, Instant now) {
    ticket = requireNonNull(key, "key is null");
    String team = ticketDesk == null ? null : ticketDesk.team();
    String text =
        "Ticket "
            + key
            + " opened in "
            + project
            + (team == null ? "" : " for the " + team + " team")
            + ": "
            + url;
    record(
        now,
        TimelineEventType.TICKET_CREATED,
        TimelineEvent.SYSTEM,
        text,
        Map.of("key", key, "url", url, "project", project));
    effects.add(new Effect.PostInChannel(text));
    if (followsSeverityWhileOpening && row().page()) {
      // Raised while it was being opened.
      effects.add(
          new Effect.CommentOnTicket(
              key,
              incidentId()
                  + " was raised to "
                  + severity
                  + " before this ticket was opened, and pages its on-call: it is handled as a"
                  + " paging incident."));
    }
    if (ticketOutcome != null) {
      effects.add(new Effect.CommentOnTicket(key, ticketOutcome));
      ticketOutcome = null;
    }
  }

  /**
   * Tells the owning team's ticket, if one was asked for, that the incident was resolved or
   * canceled: at once, or once the ticket is open.
   */
  private void tellTicket(IncidentStatus target, Transition transition, Instant now) {
    if (!ticketAsked || ticketDesk == null || ticketDesk.project() == null) {
      return;
    }
    String text =
        incidentId()
            + (target == IncidentStatus.RESOLVED
                ? " was resolved"
                : " was canceled as a false alarm")
            + " by "
            + TrackerText.wiki(transition.by())
            + " at "
            + TrackerText.time(now)
            + ", "
            + TrackerText.duration(Duration.between(startedAt, now))
            + " after it started."
            + (transition.note().isBlank() ? "" : " " + TrackerText.wiki(transition.note()));
    if (ticket == null) {
      ticketOutcome = text;
    } else {
      effects.add(new Effect.CommentOnTicket(ticket, text));
    }
  }

  /** The tracker refused for good the ticket {@link Effect.OpenTicket} asked for. */
  public void ticketRefused(String project, String reason) {
    effects.add(
        new Effect.PostInChannel(
            "Jira refused the ticket in "
                + project
                + ", so the owning team has none from IncidentFlow: "
                + reason));
  }

  /**
   * From now on, whoever is given a role is invited to the incident channel ({@link
   * Effect.InviteToChannel}). Runs before {@code IncidentWorkflowImpl#INVITE_WHO_IS_CALLED} never
   * call this.
   */
  public void inviteRoleHolders() {
    invitesRoleHolders = true;
  }

  /**
   * From now on, an incident resolved before anyone acknowledged it resolves its pages without
   * acknowledging them first, so PagerDuty does not record an acknowledgement nobody made (and its
   * own time to acknowledge stays true). Runs before {@code
   * IncidentWorkflowImpl#RESOLVE_PAGES_WITHOUT_ACK} never call this.
   */
  public void resolvePagesWithoutAcknowledging() {
    resolvesWithoutAcknowledging = true;
  }

  /**
   * From now on, an incident lowered to a severity that pages nobody resolves the pages it sent
   * ({@link Effect.ResolvePages}), so PagerDuty's own escalation policy stops calling people.
   * Raised again while still unacknowledged, it forgets whom it called: its new chain pages from
   * the steps due (under keys of their own). Acknowledged by then, somebody is on it, and the raise
   * calls only whom it has not called. Called for new incidents only, which know whom they called
   * ({@link #replanByWhoWasCalled()}): a run carried over from before would replan a raise by the
   * steps it ran, and page nobody again. Runs before {@code
   * IncidentWorkflowImpl#RESOLVE_PAGES_WHEN_UNPAGED} never call this: their pages stayed open until
   * the incident was resolved.
   */
  public void resolvePagesWhenUnpaged() {
    resolvesPagesWhenUnpaged = true;
  }

  /**
   * From now on, a severity change that comes before the incident channel or ticket exists reaches
   * them once they do: a channel opened under the old severity's name is renamed, and a ticket
   * asked for at a severity that pages nobody is told when the incident pages now (as a ticket that
   * exists is told at the change). Runs before {@code
   * IncidentWorkflowImpl#FOLLOW_SEVERITY_WHILE_OPENING} never call this: such a channel kept its
   * name, and the ticket read as if the incident still paged nobody.
   */
  public void followSeverityWhileOpening() {
    followsSeverityWhileOpening = true;
  }

  /**
   * From now on, a severity change renames the incident channel, whose name carries the severity
   * ({@code inc-12-sev2-...} raised to SEV1 becomes {@code inc-12-sev1-...}). Runs before {@code
   * IncidentWorkflowImpl#RENAME_CHANNEL_WITH_SEVERITY} never call this.
   */
  public void renameChannelWithSeverity() {
    renamesChannel = true;
  }

  /**
   * From now on, a severity change renames the channel by the name it will have once the renames
   * asked for before have been made, not by the name it has now: SEV2 raised to SEV1 and lowered
   * again before Slack renamed the channel is renamed to {@code -sev1-} and back to {@code -sev2-}.
   * Runs before {@code IncidentWorkflowImpl#RENAME_AFTER_WAITING_RENAMES} never call this: the
   * lowering compared its name with the channel's, still {@code -sev2-}, asked for nothing, and the
   * channel of a SEV2 was left named {@code -sev1-}.
   */
  public void renameAfterWaitingRenames() {
    renamesAfterWaitingRenames = true;
  }

  /** Asks for the channel to be renamed for the severity, unless it has or will have that name. */
  private void renameChannelForSeverity() {
    String named = ChannelName.of(number, severity, title);
    String willHave = renamesAfterWaitingRenames && renameAsked != null ? renameAsked : channelName;
    if (!named.equals(willHave)) {
      if (renamesAfterWaitingRenames) {
        renameAsked = named;
      }
      effects.add(new Effect.RenameChannel(named));
    }
  }

  /**
   * From now on, a severity change replans the escalation by whom the incident has called, not by
   * how many steps ran ({@link EscalationPlan#replan(List, int, java.util.Collection)}). Only a new
   * incident starts this: a run carried from before it has no record of whom it called. Runs before
   * {@code IncidentWorkflowImpl#REPLAN_BY_WHO_WAS_CALLED} never call this.
   */
  public void replanByWhoWasCalled() {
    if (called == null && escalationLevel < 0) {
      called = new TreeSet<>();
    }
  }

  /**
   * From now on, an alert that fires again while the incident is resolved (in its monitoring
   * window) pages whoever the first step of its escalation chain calls, besides reopening it. Runs
   * before {@code IncidentWorkflowImpl#PAGE_AGAIN_ON_RECURRENCE} never call this: their pages had
   * been resolved, and the recurrence paged nobody until a later step came due.
   */
  public void pageAgainOnRecurrence() {
    pagesAgainOnRecurrence = true;
  }

  /**
   * From now on, an alert that fires again while the incident is resolved, at a severity worse than
   * its alerts fired at before, pages the first step of the severity it raises the incident to when
   * the recurrence itself paged nobody (the incident is at a severity that pages nobody) and the
   * new chain goes on past that step (whom it calls were paged before the incident was lowered): as
   * it would have, had it stayed at a severity that pages. An incident that never paged runs the
   * new chain's first step by itself. Runs before {@code
   * IncidentWorkflowImpl#PAGE_WHEN_RAISED_ON_RECURRENCE} never call this: the new chain skipped its
   * first step, whose people had been paged before the lowering, and the steps that spare an
   * acknowledged incident, as a reopened one is, so its first page went to the first step without
   * that condition, minutes later.
   */
  public void pageWhenRaisedOnRecurrence() {
    pagesWhenRaisedOnRecurrence = true;
  }

  /**
   * From now on, an alert of the incident's group that fires at a severity worse than any it fired
   * at before, from the one the incident opened with, raises the incident to it (see {@link
   * #alert}). Called for new incidents only: a run carried over from before does not know which
   * severity its alerts fired at, and could undo a lowering people made. Runs before {@code
   * IncidentWorkflowImpl#RAISE_WITH_ALERTS} never call this: their alerts' severity labels were
   * ignored once the incident was open.
   */
  public void raiseWithAlerts() {
    alertSeverity = severity;
  }

  /**
   * From now on, a firing delivery whose alerts all started when alerts that fired before did (see
   * {@link AlertEvent#alertStarts()}) is taken for what it is: the firing the incident already had,
   * sent again. Alertmanager sends it when another alert of the group resolves, when its repeat
   * interval comes round, and from each of a pair of Alertmanagers; Grafana likewise. While the
   * incident is resolved such a delivery goes on the timeline and tells the channel once, and
   * neither reopens the incident nor pages again: people resolved it while those alerts were still
   * clearing. An alert that fires again after it ended starts anew, and reopens it as before. A
   * resolved delivery sent again, with no firing between, goes on the timeline only.
   *
   * <p>Runs before {@code IncidentWorkflowImpl#ALERTS_BY_THEIR_STARTS} never call this: every
   * firing delivery reopened a resolved incident and paged again, and every resolved delivery told
   * the channel.
   */
  public void judgeAlertsByTheirStarts() {
    judgesAlertsByStarts = true;
  }

  /**
   * From now on, the communications lead or engineering manager is told once per gap without a
   * status update, also across a severity change: lowered from SEV1 to SEV2 between its 30th and
   * 60th minute without an update, an incident counted its SEV2 notices afresh and told them again
   * at SEV2's second notice. Runs before {@code IncidentWorkflowImpl#MANAGER_TOLD_ONCE_PER_GAP}
   * never call this.
   */
  public void tellManagerOncePerGap() {
    tellsManagerOncePerGap = true;
  }

  /**
   * From now on, a start that a delivery left out or the incident forgot counts as known (see
   * {@link #startsKnownThrough}): a group of more alerts than a delivery carries starts of ({@link
   * AlertEvent#MAX_ALERT_STARTS}), sent again when its newest alert resolved, carries an older
   * start that no delivery had carried before, and it reopened the resolved incident and paged
   * again as the alerts cleared. An alert that fires anew starts after every start a delivery
   * carried before. Runs before {@code IncidentWorkflowImpl#LEFT_OUT_STARTS_KNOWN} never call this.
   */
  public void judgeLeftOutStartsAsKnown() {
    judgesLeftOutStartsAsKnown = true;
  }

  /** Slack renamed the channel as {@link Effect.RenameChannel} asked. */
  public void channelRenamed(String name, Instant now) {
    String previous = channelName;
    channelName = requireNonNull(name, "name is null");
    renameAnswered(name);
    record(
        now,
        TimelineEventType.CHANNEL_RENAMED,
        TimelineEvent.SYSTEM,
        "Renamed #" + previous + " to #" + name,
        Map.of("from", previous, "to", name));
  }

  /**
   * Slack refused to rename the channel as {@link Effect.RenameChannel} asked (a name another
   * channel has, or a scope the app lacks): the channel keeps the name it had.
   */
  public void channelRenameRefused(String name) {
    renameAnswered(name);
  }

  private void renameAnswered(String name) {
    if (name.equals(renameAsked)) {
      // The last rename asked for: none waits any more.
      renameAsked = null;
    }
  }

  /** Adds alert links (runbook, dashboard, generator) not already known. */
  public void addLinks(List<String> more) {
    Set<String> merged = new LinkedHashSet<>(links);
    merged.addAll(more);
    links = new ArrayList<>(merged);
  }

  // ---- alerts -----------------------------------------------------------------------------

  /**
   * An alert delivery. Firing attaches to the incident; during the monitoring window it reopens the
   * incident; at a severity worse than its alerts fired at before, it raises the incident to it.
   * Resolved is noted and changes nothing else: people decide when it is over.
   */
  public void alert(AlertEvent event, Instant now) {
    Map<String, String> data = new TreeMap<>();
    data.put("source", event.source());
    data.put("alerts", Integer.toString(event.alertCount()));
    String warned = "";
    if (!event.warnings().isEmpty()) {
      // Whoever reads the timeline learns what the sender alone was told: which of the group's
      // alerts did not count towards its severity.
      data.put("warnings", String.join("\n", event.warnings()));
      warned = "; " + String.join("; ", event.warnings());
    }
    if (!event.firing()) {
      record(
          now,
          TimelineEventType.ALERT_RESOLVED,
          TimelineEvent.SYSTEM,
          "Alert resolved: " + event.title() + warned,
          data);
      if (judgesAlertsByStarts && toldAlertResolved) {
        return;
      }
      toldAlertResolved = true;
      effects.add(
          new Effect.PostInChannel(
              "Alert resolved: "
                  + event.title()
                  + (status == IncidentStatus.RESOLVED
                      ? "."
                      : ". The incident stays "
                          + status.wireName()
                          + " until someone resolves it.")));
      return;
    }
    toldAlertResolved = false;
    boolean sentAgain = judgesAlertsByStarts && startsAreKnown(event);
    rememberStarts(event);
    alertsFired++;
    addLinks(event.links());
    if (status == IncidentStatus.RESOLVED && sentAgain) {
      record(
          now,
          TimelineEventType.ALERT_FIRED,
          TimelineEvent.SYSTEM,
          "Alert still firing: "
              + event.title()
              + " (alerts that fired before it was resolved)"
              + warned,
          data);
      if (!toldStillFiring) {
        toldStillFiring = true;
        effects.add(
            new Effect.PostInChannel(
                "Alert still firing: "
                    + event.title()
                    + ". These alerts fired before "
                    + incidentId()
                    + " was resolved, so it stays resolved and nobody is paged again; if the fix"
                    + " did not hold, reopen it (`/incident reopen`). An alert that fires anew"
                    + " reopens it."));
      }
      return;
    }
    record(
        now,
        TimelineEventType.ALERT_FIRED,
        TimelineEvent.SYSTEM,
        "Alert firing: " + event.title() + warned,
        data);
    boolean recurredUnpaged = false;
    if (status == IncidentStatus.RESOLVED) {
      reopenTo(now, TimelineEvent.SYSTEM, "the alert fired again during the monitoring window");
      if (pagesAgainOnRecurrence && pagesFirstStep()) {
        // Its pages were resolved: whoever its first step calls is paged again, as PagerDuty would
        // if the alert went to it straight.
        runFirstStepAgain("the alert fired again");
      } else {
        recurredUnpaged = pagesWhenRaisedOnRecurrence;
      }
    } else if (alertsFired == 2 && status.isActive()) {
      // Once, not per delivery: Alertmanager replicas and repeat intervals redeliver a firing
      // group many times, and the timeline already counts every delivery.
      effects.add(
          new Effect.PostInChannel(
              "Alert still firing: "
                  + event.title()
                  + " (further deliveries are on the timeline)"));
    }
    Severity before = severity;
    raiseToAlertSeverity(event, now);
    if (recurredUnpaged && severity != before && pagesFirstStep() && escalation.nextStep() > 0) {
      // The raise's new chain goes on past its first step, whose people were paged before the
      // lowering; an incident that never paged runs the first step by itself.
      runFirstStepAgain("the alert fired again, at " + severity);
    }
  }

  /** Pages whoever the first step of the incident's chain calls, again, saying {@code why}. */
  private void runFirstStepAgain(String why) {
    effects.add(new Effect.RunEscalationStep(0, row().pagingChain().get(0).targets(), why));
  }

  /** Whether the incident's severity pages and its chain has a first step. */
  private boolean pagesFirstStep() {
    return row().page() && !row().pagingChain().isEmpty();
  }

  /** Every start {@code event} gives is one an alert that fired before had; false when none. */
  private boolean startsAreKnown(AlertEvent event) {
    return !event.alertStarts().isEmpty()
        && event.alertStarts().stream().allMatch(this::isKnownStart);
  }

  private boolean isKnownStart(Instant start) {
    return alertStarts != null && alertStarts.contains(start)
        || judgesLeftOutStartsAsKnown
            && startsKnownThrough != null
            && !start.isAfter(startsKnownThrough);
  }

  private void rememberStarts(AlertEvent event) {
    List<Instant> starts = event.alertStarts();
    if (starts.isEmpty()) {
      return;
    }
    if (alertStarts == null) {
      alertStarts = new TreeSet<>();
    }
    alertStarts.addAll(starts);
    if (starts.size() >= AlertEvent.MAX_ALERT_STARTS) {
      // Latest first: the starts it may have left out are older than its oldest.
      knowStartsThrough(starts.get(starts.size() - 1));
    }
    while (alertStarts.size() > MAX_KNOWN_ALERT_STARTS) {
      // Before judgeLeftOutStartsAsKnown, a start forgotten made its alert, sent again, reopen the
      // incident as every firing once did.
      knowStartsThrough(alertStarts.pollFirst());
    }
  }

  private void knowStartsThrough(Instant start) {
    if (startsKnownThrough == null || start.isAfter(startsKnownThrough)) {
      startsKnownThrough = start;
    }
  }

  /**
   * Raises the incident to the severity its alert fires at, when that is worse than any its alerts
   * fired at before (see {@link #raiseWithAlerts()}). Never lowers it, and an alert firing as it
   * did before changes nothing: people who lowered the incident while its alert still fires decided
   * so. The raise is a severity change like one by hand (the new chain calls whom it has not
   * called), but its steps count from the raise, as if the incident had opened at the new severity
   * then.
   */
  private void raiseToAlertSeverity(AlertEvent event, Instant now) {
    if (alertSeverity == null
        || event.severity() == null
        || event.severity().compareTo(alertSeverity) >= 0) {
      return;
    }
    alertSeverity = event.severity();
    if (alertSeverity.compareTo(severity) < 0) {
      changeSeverity(
          new SeverityChange(
              alertSeverity,
              TimelineEvent.SYSTEM,
              "its alert fires at " + alertSeverity + " now (" + event.title() + ")"),
          now);
      // Nobody decided this raise: the new chain counts from it, rather than paging at once every
      // step that an incident of this severity would have run since the start.
      escalation = escalation.countingFrom(now);
    }
  }

  // ---- lifecycle --------------------------------------------------------------------------

  /**
   * Why incident {@code incidentId}, closed or canceled, takes no change: what the workflow says
   * while it winds down, and the API once it has ended.
   */
  public static String refusalOfEnded(String incidentId, IncidentStatus status) {
    return incidentId
        + " is "
        + status.wireName()
        + (status == IncidentStatus.CLOSED ? "; declare a new incident" : " as a false alarm");
  }

  /** Why the transition to {@code target} is refused, or empty when it is allowed. */
  public Optional<String> refusalOf(IncidentStatus target) {
    if (status.isTerminal()) {
      return Optional.of(refusalOfEnded(incidentId(), status));
    }
    return switch (target) {
      case ACKNOWLEDGED ->
          status == IncidentStatus.TRIGGERED
              ? Optional.empty()
              : Optional.of(
                  status == IncidentStatus.RESOLVED
                      ? incidentId() + " is already resolved"
                      : incidentId()
                          + " is already acknowledged"
                          + (acknowledgedBy == null ? "" : " by " + acknowledgedBy));
      case IDENTIFIED, MITIGATED, RESOLVED ->
          status.hasReached(target)
              ? Optional.of(incidentId() + " is already " + status.wireName())
              : Optional.empty();
      case TRIGGERED -> Optional.of("an incident cannot go back to triggered");
      case CLOSED -> Optional.of("incidents close by themselves when the monitoring window ends");
      case CANCELED ->
          status == IncidentStatus.RESOLVED
              ? Optional.of(
                  incidentId() + " is already resolved; a false alarm is canceled before resolving")
              : Optional.empty();
    };
  }

  /** Why a reopen is refused, or empty. */
  public Optional<String> refusalOfReopen() {
    if (status == IncidentStatus.RESOLVED) {
      return Optional.empty();
    }
    if (status.isTerminal()) {
      return refusalOf(IncidentStatus.ACKNOWLEDGED);
    }
    return Optional.of(incidentId() + " is " + status.wireName() + ", not resolved");
  }

  /** Moves the incident forward to {@code target}. The caller has checked {@link #refusalOf}. */
  public void advance(IncidentStatus target, Transition transition, Instant now) {
    require(refusalOf(target));
    IncidentStatus previous = status;
    status = target;
    for (IncidentStatus passed :
        List.of(
            IncidentStatus.ACKNOWLEDGED,
            IncidentStatus.IDENTIFIED,
            IncidentStatus.MITIGATED,
            IncidentStatus.RESOLVED)) {
      if (target.hasReached(passed) && target != IncidentStatus.CANCELED) {
        statusTimes.putIfAbsent(passed, now);
      }
    }
    statusTimes.put(target, now);
    if (target == IncidentStatus.ACKNOWLEDGED
        || !previous.hasReached(IncidentStatus.ACKNOWLEDGED)) {
      acknowledgedBy = transition.by();
    }
    TimelineEventType type =
        switch (target) {
          case ACKNOWLEDGED -> TimelineEventType.ACKNOWLEDGED;
          case IDENTIFIED -> TimelineEventType.IDENTIFIED;
          case MITIGATED -> TimelineEventType.MITIGATED;
          case RESOLVED -> TimelineEventType.RESOLVED;
          case CANCELED -> TimelineEventType.CANCELED;
          case TRIGGERED, CLOSED -> throw new IllegalStateException("not a transition: " + target);
        };
    String said =
        switch (target) {
          case CANCELED -> "Canceled as a false alarm by " + transition.by();
          default -> capitalize(target.wireName()) + " by " + transition.by();
        };
    String text = transition.note().isBlank() ? said : said + ": " + transition.note();
    record(now, type, transition.by(), text, Map.of("from", previous.wireName()));
    effects.add(new Effect.PostInChannel(incidentId() + " " + text));
    effects.add(new Effect.RefreshTopic());
    if (!previous.hasReached(IncidentStatus.ACKNOWLEDGED)
        && target != IncidentStatus.CANCELED
        && !(target == IncidentStatus.RESOLVED && resolvesWithoutAcknowledging)) {
      effects.add(new Effect.AcknowledgePages());
    }
    if (target == IncidentStatus.RESOLVED || target == IncidentStatus.CANCELED) {
      tellTicket(target, transition, now);
      effects.add(new Effect.ResolvePages());
      effects.add(
          new Effect.Announce(
              incidentId()
                  + " ("
                  + severity
                  + ", "
                  + service
                  + ") "
                  + (target == IncidentStatus.RESOLVED ? "resolved" : "canceled as a false alarm")
                  + " by "
                  + transition.by()
                  + ": "
                  + title
                  + (transition.note().isBlank() ? "" : ". " + transition.note())));
    }
  }

  public void reopen(Transition transition, Instant now) {
    require(refusalOfReopen());
    reopenTo(now, transition.by(), transition.note());
  }

  /**
   * Reopens the incident, saying who did ({@code by}, unless the system) and why, when {@code why}
   * is not blank: {@code INC-4 reopened by bob: errors are back}.
   */
  private void reopenTo(Instant now, String by, String why) {
    status = IncidentStatus.ACKNOWLEDGED;
    statusTimes.remove(IncidentStatus.RESOLVED);
    toldStillFiring = false;
    cadence = cadence.restartedAt(now);
    escalation = escalation.skippingDueBy(now);
    String byWhomAndWhy =
        (TimelineEvent.SYSTEM.equals(by) ? "" : " by " + by) + (why.isBlank() ? "" : ": " + why);
    record(now, TimelineEventType.REOPENED, by, "Reopened" + byWhomAndWhy, Map.of());
    effects.add(new Effect.PostInChannel(incidentId() + " reopened" + byWhomAndWhy));
    effects.add(
        new Effect.Announce(
            incidentId() + " (" + severity + ", " + service + ") reopened" + byWhomAndWhy));
    effects.add(new Effect.RefreshTopic());
    // Its ticket heard it was resolved; a pending "resolved" for a ticket still opening no longer
    // holds. Lowered while resolved, it asks for its ticket now that it is active again.
    ticketOutcome = null;
    if (ticket != null) {
      effects.add(
          new Effect.CommentOnTicket(
              ticket,
              incidentId()
                  + " was reopened"
                  + (TimelineEvent.SYSTEM.equals(by) ? "" : " by " + TrackerText.wiki(by))
                  + " at "
                  + TrackerText.time(now)
                  + (why.isBlank() ? "." : ": " + TrackerText.wiki(why))));
    }
    askForTicketIfUnpaged();
  }

  /** The monitoring window ended without the incident coming back. */
  public void close(Instant now) {
    if (status != IncidentStatus.RESOLVED) {
      throw new IllegalStateException(incidentId() + " is " + status.wireName() + ", not resolved");
    }
    status = IncidentStatus.CLOSED;
    statusTimes.put(IncidentStatus.CLOSED, now);
    record(
        now,
        TimelineEventType.CLOSED,
        TimelineEvent.SYSTEM,
        "Closed after the " + Durations.format(row().monitoringWindow()) + " monitoring window",
        Map.of());
    effects.add(
        new Effect.PostInChannel(incidentId() + " closed: the monitoring window ended quietly."));
  }

  // ---- escalation -------------------------------------------------------------------------

  public Optional<String> refusalOfEscalate() {
    if (!status.isActive()) {
      return Optional.of(
          incidentId() + " is " + status.wireName() + "; only an open incident escalates");
    }
    if (!row().page()) {
      return Optional.of(severity + " does not page; raise the severity to escalate");
    }
    if (!escalation.pastStepsCalledAlready().hasNextStep()) {
      return Optional.of(incidentId() + " has run every step of its escalation chain");
    }
    return Optional.empty();
  }

  /** A person asks for the next step of the escalation chain now; returns that step's number. */
  public int escalateNow(Transition transition) {
    require(refusalOfEscalate());
    escalation = escalation.pastStepsCalledAlready();
    int step = escalation.nextStep();
    String reason =
        "escalated by "
            + transition.by()
            + (transition.note().isBlank() ? "" : ": " + transition.note());
    runNextStep(reason);
    return step;
  }

  /** Asks for the next escalation step, calling whom it has not called before, and advances. */
  private void runNextStep(String reason) {
    effects.add(
        new Effect.RunEscalationStep(escalation.nextStep(), escalation.nextTargets(), reason));
    escalation = escalation.advance();
  }

  /**
   * Records that {@code ran} paged {@code who} (handles, or an empty list when the targets resolved
   * to nobody) with the given PagerDuty keys. Its targets but those that resolved to nobody count
   * as called from now on (see {@link #replanByWhoWasCalled()}); a step asked for but never run
   * (the incident was over first) calls nobody.
   */
  public void escalationRan(
      Effect.RunEscalationStep ran,
      List<String> who,
      List<String> unresolved,
      List<PageKey> keys,
      Instant now) {
    int step = ran.step();
    String reason = ran.reason();
    if (called != null) {
      ran.targets().stream().filter(target -> !unresolved.contains(target)).forEach(called::add);
    }
    escalationLevel = Math.max(escalationLevel, step);
    for (PageKey key : keys) {
      if (!pages.contains(key)) {
        pages.add(key);
      }
    }
    String names = who.isEmpty() ? "nobody" : String.join(", ", who);
    String missing =
        unresolved.isEmpty() ? "" : " (" + String.join(", ", unresolved) + " resolved to nobody)";
    Map<String, String> data =
        Map.of("level", Integer.toString(step), "notified", String.join(",", who));
    if (step == 0) {
      record(now, TimelineEventType.PAGED, TimelineEvent.SYSTEM, "Paged " + names + missing, data);
    } else {
      record(
          now,
          TimelineEventType.ESCALATED,
          TimelineEvent.SYSTEM,
          "Escalated to level " + step + ": paged " + names + missing + " (" + reason + ")",
          data);
    }
    boolean reachedNobodyYet = !reachedSomebody;
    reachedSomebody |= !who.isEmpty();
    if (escalatesPastNobody
        && reachedNobodyYet
        && who.isEmpty()
        && status == IncidentStatus.TRIGGERED
        && escalation.nextStep() == step + 1) {
      // Nobody has been reached, so nobody can acknowledge: waiting for the next step's time only
      // leaves the incident unattended. Steps with nobody new to call are passed over.
      while (escalation.hasNextStep()
          && escalation.decide(status) == EscalationPlan.Decision.SKIP) {
        escalation = escalation.advance();
      }
      if (escalation.hasNextStep()) {
        runNextStep("nobody was reached at level " + step);
      }
    }
  }

  /**
   * From now on, an escalation step that reaches nobody (its targets resolve to no one) while the
   * incident is unacknowledged and nobody has been reached yet runs the next step at once rather
   * than when it comes due: a SEV1 of a service with no on-call schedule paged its engineering
   * manager five minutes late. Only the step right after it, when no later one is already on its
   * way; once somebody was reached, who can acknowledge, the chain keeps its times. Called for new
   * incidents only, which know whether anyone was reached. Runs before {@code
   * IncidentWorkflowImpl#ESCALATE_PAST_NOBODY} never call this.
   */
  public void escalatePastNobody() {
    escalatesPastNobody = true;
  }

  // ---- severity, roles, updates, decisions -------------------------------------------------

  public Optional<String> refusalOfSeverity(Severity wanted) {
    if (status.isTerminal()) {
      return refusalOf(IncidentStatus.ACKNOWLEDGED);
    }
    if (wanted == severity) {
      return Optional.of(incidentId() + " is already " + severity);
    }
    return Optional.empty();
  }

  /**
   * Changes severity and replans every timer from the new row of this incident's snapshot; the
   * status-update notices missed under the new cadence bring one notice at once.
   */
  public void changeSeverity(SeverityChange change, Instant now) {
    changeSeverity(change, now, true);
  }

  /**
   * Changes severity and replans every timer; without {@code oneNoticeForMissed} (runs before
   * {@code IncidentWorkflowImpl#SEVERITY_KEEPS_NOTICES}) every notice period of the new cadence
   * that already passed is noticed again, one after another.
   */
  public void changeSeverity(SeverityChange change, Instant now, boolean oneNoticeForMissed) {
    require(refusalOfSeverity(change.severity()));
    Severity previous = severity;
    boolean paged = row().page();
    severity = change.severity();
    boolean pagesResolved =
        resolvesPagesWhenUnpaged && paged && !row().page() && !pages.isEmpty() && status.isActive();
    if (pagesResolved) {
      pagesResolvedWhenLowered = true;
    } else if (pagesResolvedWhenLowered && row().page()) {
      pagesResolvedWhenLowered = false;
      if (status == IncidentStatus.TRIGGERED && called != null) {
        // Their pages were resolved and nobody has taken it since: it calls them again.
        called.clear();
      }
    }
    escalation =
        called == null
            ? escalation.replan(row().pagingChain(), escalationLevel + 1)
            : escalation.replan(row().pagingChain(), escalationLevel + 1, called);
    if (oneNoticeForMissed) {
      boolean managerTold = cadence.overdueNotices() >= StatusCadence.ESCALATING_NOTICE;
      cadence = cadence.withEvery(row().statusUpdates().every(), now);
      catchUpNotice = !managerTold && cadence.isNoticeDue(now);
    } else {
      cadence = cadence.withEvery(row().statusUpdates().every());
    }
    String text =
        "Severity "
            + previous
            + " -> "
            + severity
            + " by "
            + change.by()
            + (change.note().isBlank() ? "" : ": " + change.note());
    record(
        now,
        TimelineEventType.SEVERITY_CHANGED,
        change.by(),
        text,
        Map.of("from", previous.name(), "to", severity.name()));
    effects.add(new Effect.PostInChannel(incidentId() + " " + text));
    effects.add(new Effect.Announce(incidentId() + " (" + service + ") " + text + ": " + title));
    effects.add(new Effect.RefreshTopic());
    if (pagesResolved) {
      effects.add(new Effect.ResolvePages());
      effects.add(
          new Effect.PostInChannel(
              severity + " pages nobody: the pages of " + incidentId() + " are resolved"));
    }
    if (renamesChannel && hasChannel()) {
      renameChannelForSeverity();
    }
    if (followsSeverityWhileOpening && ticket != null && !paged && row().page()) {
      effects.add(
          new Effect.CommentOnTicket(
              ticket,
              incidentId()
                  + " was raised to "
                  + severity
                  + " at "
                  + TrackerText.time(now)
                  + (status.isActive()
                      ? " and pages its on-call: it is handled as a paging incident from now on."
                      : " while " + status.wireName() + ": nobody is paged.")));
    }
    askForTicketIfUnpaged();
  }

  public Optional<String> refusalOfRole(RoleAssignment assignment) {
    if (!RoleAssignment.ROLES.contains(assignment.role())) {
      return Optional.of(
          "unknown role '"
              + assignment.role()
              + "'; roles are "
              + String.join(", ", RoleAssignment.ROLES.stream().sorted().toList()));
    }
    if (assignment.person().isBlank()) {
      return Optional.of("person is required");
    }
    if (status.isTerminal()) {
      return refusalOf(IncidentStatus.ACKNOWLEDGED);
    }
    if (assignment.person().equals(roles.get(assignment.role()))) {
      return Optional.of(
          assignment.person() + " is already " + assignment.role() + " of " + incidentId());
    }
    return Optional.empty();
  }

  public void assignRole(RoleAssignment assignment, Instant now) {
    require(refusalOfRole(assignment));
    roles.put(assignment.role(), assignment.person());
    if (assignment.role().equals("commander")) {
      commander = assignment.person();
    }
    String text =
        assignment.person()
            + " is now "
            + assignment.role()
            + " (assigned by "
            + assignment.by()
            + ")";
    record(
        now,
        TimelineEventType.ROLE_ASSIGNED,
        assignment.by(),
        text,
        Map.of("role", assignment.role(), "person", assignment.person()));
    effects.add(new Effect.PostInChannel(incidentId() + ": " + text));
    effects.add(new Effect.RefreshTopic());
    if (invitesRoleHolders) {
      effects.add(new Effect.InviteToChannel(List.of("person:" + assignment.person())));
    }
  }

  public Optional<String> refusalOfNote(Note note) {
    if (note.text().isBlank()) {
      return Optional.of("text is required");
    }
    if (status.isTerminal()) {
      return refusalOf(IncidentStatus.ACKNOWLEDGED);
    }
    return Optional.empty();
  }

  /** A status update: posted to the channel (and stakeholders per the audience); resets cadence. */
  public void statusUpdate(Note update, Instant now) {
    require(refusalOfNote(update));
    cadence = cadence.restartedAt(now);
    record(now, TimelineEventType.STATUS_UPDATE, update.by(), update.text(), Map.of());
    String text = incidentId() + " update from " + update.by() + ": " + update.text();
    effects.add(new Effect.PostInChannel(text));
    if (row().statusUpdates().reachesStakeholders()) {
      effects.add(new Effect.Announce(text));
    }
    effects.add(new Effect.RefreshTopic());
  }

  public void decision(Note decision, Instant now) {
    require(refusalOfNote(decision));
    record(now, TimelineEventType.DECISION, decision.by(), decision.text(), Map.of());
    effects.add(
        new Effect.PostInChannel(
            incidentId() + " decision by " + decision.by() + ": " + decision.text()));
  }

  // ---- timers -----------------------------------------------------------------------------

  /** The earliest time a timer is due: escalation, update cadence or monitoring window. */
  public Optional<Instant> nextDeadline() {
    if (status.isTerminal()) {
      return Optional.empty();
    }
    return Stream.of(
            escalation.nextDueAt(status),
            status.isActive() ? cadence.nextNoticeAt() : Optional.<Instant>empty(),
            monitoringEndsAt())
        .flatMap(Optional::stream)
        .min(Comparator.naturalOrder());
  }

  /**
   * Acts on every timer due at {@code now}: runs or skips escalation steps, posts overdue notices,
   * closes after the monitoring window. Returns whether anything was due.
   */
  public boolean fireDueTimers(Instant now) {
    boolean fired = false;
    while (escalation.isDue(status, now)) {
      fired = true;
      if (escalation.decide(status) == EscalationPlan.Decision.FIRE) {
        EscalationStep next = escalation.next();
        String reason;
        if (escalation.nextStep() == 0) {
          reason = "incident opened";
        } else if (next.unless() == null) {
          reason = "scheduled at " + Durations.format(next.after());
        } else {
          reason = "not " + next.unless().wireName() + " after " + Durations.format(next.after());
        }
        runNextStep(reason);
      } else {
        escalation = escalation.advance();
      }
    }
    if (status.isActive() && cadence.isNoticeDue(now)) {
      fired = true;
      cadence = cadence.noticed();
      int notice = cadence.overdueNotices();
      record(
          now,
          TimelineEventType.UPDATE_OVERDUE,
          TimelineEvent.SYSTEM,
          "No status update for " + Durations.format(cadence.every().multipliedBy(notice)),
          Map.of("notice", Integer.toString(notice)));
      effects.add(
          new Effect.MentionInChannel(
              commander == null ? List.of() : List.of("person:" + commander),
              "A status update for "
                  + incidentId()
                  + " is overdue (every "
                  + Durations.format(cadence.every())
                  + " for "
                  + severity
                  + ")."
                  + (commander == null ? " Nobody is commander yet." : "")));
      boolean caughtUp = catchUpNotice;
      catchUpNotice = false;
      boolean toldThisGap =
          tellsManagerOncePerGap && cadence.lastUpdateAt().equals(managerToldSince);
      if ((notice == StatusCadence.ESCALATING_NOTICE
              || caughtUp && notice > StatusCadence.ESCALATING_NOTICE)
          && !toldThisGap) {
        managerToldSince = cadence.lastUpdateAt();
        String target =
            roles.containsKey("communications")
                ? "role:communications"
                : "role:engineering-manager";
        effects.add(
            new Effect.NotifyTargets(
                List.of(target),
                incidentId()
                    + " ("
                    + severity
                    + ", "
                    + service
                    + ") has had no status update for "
                    + Durations.format(cadence.every().multipliedBy(notice))
                    + "."));
      }
    }
    if (monitoringEndsAt().map(end -> !end.isAfter(now)).orElse(false)) {
      fired = true;
      close(now);
    }
    return fired;
  }

  // ---- internals --------------------------------------------------------------------------

  private void record(
      Instant at, TimelineEventType type, String by, String text, Map<String, String> data) {
    lastSequence++;
    unsaved.add(new TimelineEvent(lastSequence, at, type, by, text, data));
  }

  private static void require(Optional<String> refusal) {
    refusal.ifPresent(
        reason -> {
          throw new IllegalStateException(reason);
        });
  }

  private static String capitalize(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
