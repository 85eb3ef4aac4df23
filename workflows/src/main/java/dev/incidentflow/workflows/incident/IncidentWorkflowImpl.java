package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.Briefing;
import dev.incidentflow.workflows.activities.ContextQuery;
import dev.incidentflow.workflows.activities.DirectoryActivities;
import dev.incidentflow.workflows.activities.IncidentContext;
import dev.incidentflow.workflows.activities.IncidentContextActivities;
import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.activities.IncidentStoreActivities;
import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.activities.OpenChannel;
import dev.incidentflow.workflows.activities.Opening;
import dev.incidentflow.workflows.activities.OpeningActivities;
import dev.incidentflow.workflows.activities.ResponderQuery;
import dev.incidentflow.workflows.activities.Responders;
import dev.incidentflow.workflows.activities.SlackChannel;
import dev.incidentflow.workflows.activities.SlackChatActivities;
import dev.incidentflow.workflows.activities.SlackMessage;
import dev.incidentflow.workflows.activities.Staffing;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.policy.Policy;
import dev.incidentflow.workflows.postmortem.Postmortems;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The incident workflow: declare, staff, open the channel, page, then wait on the next timer or a
 * person until the monitoring window closes the incident. The rules live in {@link IncidentState};
 * this class only sequences activities around them.
 */
public class IncidentWorkflowImpl implements IncidentWorkflow {
  private static final Logger log = Workflow.getLogger(IncidentWorkflowImpl.class);

  /**
   * Version 1 of this change pages step 0 while the channel is being opened, and does the catalog
   * lookups and database writes as local activities: the page is the first activity that goes
   * through the server instead of the tenth. Version 0 (runs started before it) opens the channel,
   * briefs and announces first, with every step an activity.
   */
  static final String PAGE_WHILE_OPENING = "page-while-opening";

  /**
   * Shortens the first workflow task, which holds the page back until it ends. Version 1 looks up
   * the policy, the incident's number and its responders at once rather than one after another, and
   * saves the incident after step 0 is paged instead of before. Version 2 saves it after the page
   * or after {@link #FIRST_SAVE_WAIT}, whichever comes first: under version 1 an outage of
   * PagerDuty, whose page is retried without limit, held the record back. Version 3 also resolves
   * the first page's targets in the responders' lookup ({@link DirectoryActivities#staffing}), so
   * that the page waits for one round of lookups instead of two. Version 4 does the lookups and the
   * record in one regular activity that also tries the first page once ({@link OpeningActivities}):
   * the page no longer waits for a round of local activities, whose dispatch alone took longer than
   * the floor's whole path. Version 0 (runs started before the change) does the lookups in turn and
   * saves first.
   */
  static final String PAGE_BEFORE_SAVE = "page-before-save";

  /**
   * Version 1 of this change makes the incident's Slack calls in the background, in order (see
   * {@link SlackOutbox}), and runs the incident while its channel is being opened: while Slack is
   * down, escalation steps still page on time and acknowledgements and other changes are taken and
   * saved; the channel posts wait for the channel. In version 0 every Slack call held the incident
   * up until Slack answered.
   */
  static final String SLACK_IN_BACKGROUND = "slack-in-background";

  /**
   * Version 1 of this change wakes the waiting incident to continue as new once its history has
   * grown long and it is idle. With {@link #SLACK_IN_BACKGROUND} the queued Slack calls add to the
   * history after the main loop has looked at its length, so in version 0 an incident went on past
   * the threshold until its next timer or change woke it.
   */
  static final String WAKE_TO_CONTINUE = "wake-to-continue-as-new";

  /**
   * Version 1 of this change sends the Slack messages waiting in the incident's queue in one
   * activity (see {@link SlackOutbox}): an escalation step's direct messages and channel post, or
   * the briefing and the posts after it, cost one activity and one workflow task instead of one
   * each. In version 0 each went out in its own activity.
   */
  static final String SLACK_TOGETHER = "slack-together";

  /**
   * Version 1 of this change cancels the timer of a wait that ends before it (see {@link
   * DeadlineTimer}), and keeps the timer of the next deadline while the incident waits for it
   * again. In version 0 every wait started a timer and none was cancelled, so each one that a
   * change, an alert or the channel ended early fired later into an empty workflow task. Version 2
   * leaves a timer due within the workflow task timeout to fire rather than cancelling it, which
   * Temporal's Java test server refuses when the timer fired meanwhile (see {@link
   * DeadlineTimer#KEEP_TIMERS_DUE_WITHIN}).
   */
  static final String CANCEL_IDLE_TIMERS = "cancel-idle-timers";

  /**
   * Version 1 of this change runs no escalation step once the incident is resolved or canceled,
   * though the step was asked for before: an escalation asked for by hand, or come due, is run
   * after the save that follows it, and a resolve or cancel taken meanwhile used to be followed by
   * the step's pages and direct messages. An escalation by hand that is overtaken this way is
   * refused. The chain still counts the step as taken: should the incident reopen, the next
   * escalation is the step after it. In version 0 the step ran.
   */
  static final String NO_STEPS_ONCE_OVER = "no-escalation-steps-once-over";

  /**
   * Version 1 of this change makes a severity change bring one status-update notice at most for the
   * periods of the new cadence that already passed (see {@link
   * dev.incidentflow.workflows.policy.StatusCadence#withEvery(Duration, Instant)}). In version 0
   * the count started over from the last update, and every period already passed was noticed again,
   * one after another: seventeen posts for a SEV1 downgraded after three minutes.
   */
  static final String SEVERITY_KEEPS_NOTICES = "severity-change-one-notice-for-missed";

  /**
   * Version 1 of this change lets an escalation step whose page PagerDuty refuses for good (a 400,
   * a bad routing key) still message its people and post in the channel, saying that PagerDuty
   * refused it. In version 0 the refusal skipped the whole step: no message, no post, no timeline
   * event, nothing anywhere but the worker's log.
   */
  static final String STEP_GOES_ON_WHEN_PAGE_REFUSED = "step-goes-on-when-page-refused";

  /**
   * Version 1 of this change opens a ticket in the owning team's Jira project for an incident whose
   * severity pages nobody (SEV3 and SEV4 in the shipped policy), when it opens at such a severity
   * or is lowered to one; the ticket's key goes on the timeline ({@code ticket_created}) and in the
   * channel. In version 0 nothing was opened, though policy.yml promised a ticket instead of a
   * page.
   */
  static final String TICKET_FOR_UNPAGED = "ticket-for-unpaged";

  /**
   * Version 1 of this change invites to the incident channel the people an escalation step pages
   * and whoever is given a role, once the channel is open. In version 0 only the responders and
   * stakeholders the channel was opened with were in it: the secondary, the manager or the VP paged
   * later got a direct message naming a channel they were not in.
   */
  static final String INVITE_WHO_IS_CALLED = "invite-who-is-called";

  /**
   * Version 1 of this change resolves the pages of an incident resolved before anyone acknowledged
   * it without acknowledging them first. In version 0 PagerDuty got an acknowledge and then a
   * resolve, and recorded an acknowledgement at the moment of resolution that nobody made.
   */
  static final String RESOLVE_PAGES_WITHOUT_ACK = "resolve-pages-without-ack";

  /**
   * Version 1 of this change refuses, in the Update handler too, a change meant for another
   * incident of the alert group than the one this run has (see {@link MeantFor}); the validators
   * always refuse it, but they do not run while a new incident opens. Runs started before it apply
   * such a change as their workers did when they took it, so their histories replay as recorded.
   */
  static final String REFUSE_OTHER_INCIDENT = "refuse-other-incident";

  /**
   * Version 1 of this change renames the incident channel when the severity changes, so that its
   * name ({@code inc-12-sev1-...}) says the severity it has. In version 0 it kept the one it opened
   * with.
   */
  static final String RENAME_CHANNEL_WITH_SEVERITY = "rename-channel-with-severity";

  /**
   * Version 1 of this change replans a new incident's escalation on a severity change by whom it
   * has called ({@link IncidentState#replanByWhoWasCalled()}), and gives a step that pages under a
   * PagerDuty key an earlier step already used a key of its own. In version 0 the new chain went on
   * after as many steps as had run: an unacknowledged SEV2 raised to SEV1 after its step 1 (the
   * engineering manager) went on at SEV1's step 2, and the secondary on-call was never paged.
   */
  static final String REPLAN_BY_WHO_WAS_CALLED = "replan-by-who-was-called";

  /**
   * Version 1 of this change pages again, on its first step's targets, an incident whose alert
   * fires again while it is resolved ({@link IncidentState#pageAgainOnRecurrence()}). In version 0
   * it was reopened as acknowledged with its pages resolved, and nobody was paged until a later
   * step came due.
   */
  static final String PAGE_AGAIN_ON_RECURRENCE = "page-again-on-recurrence";

  /**
   * Version 1 of this change raises a new incident to the severity its alert fires at when that is
   * worse than any its alerts fired at before ({@link IncidentState#raiseWithAlerts()}): a SEV4
   * alert group whose alert turns {@code critical} becomes a SEV1 and pages. In version 0 the
   * severity of an alert attached to an open incident was ignored, and it paged nobody.
   */
  static final String RAISE_WITH_ALERTS = "raise-severity-with-alerts";

  /**
   * Version 1 of this change resolves an incident's pages when it is lowered to a severity that
   * pages nobody ({@link IncidentState#resolvePagesWhenUnpaged()}). In version 0 they stayed open
   * until the incident was resolved, and PagerDuty's own escalation policy went on calling people
   * for a SEV1 lowered to SEV3.
   */
  static final String RESOLVE_PAGES_WHEN_UNPAGED = "resolve-pages-when-unpaged";

  /**
   * Version 1 of this change upserts the incident's search attributes when its severity changes
   * too, so that Temporal UI finds a SEV2 raised to SEV1 under {@code IncidentSeverity = 'SEV1'}.
   * In version 0 they were upserted on status changes only, and kept the severity it opened with
   * until its status next changed.
   */
  static final String ATTRIBUTES_FOLLOW_SEVERITY = "search-attributes-follow-severity";

  /**
   * Version 1 of this change lets a severity change that comes while the incident opens reach its
   * channel and ticket once they exist ({@link IncidentState#followSeverityWhileOpening()}), and
   * tells an existing ticket when the incident pages now. In version 0 a channel opened under the
   * old severity's name kept it, and a SEV3's ticket read as if a SEV1 still paged nobody.
   */
  static final String FOLLOW_SEVERITY_WHILE_OPENING = "follow-severity-while-opening";

  /**
   * Version 1 of this change runs the next escalation step at once when a step reaches nobody while
   * the incident is unacknowledged ({@link IncidentState#escalatePastNobody()}). In version 0 it
   * waited for the next step's time: a SEV1 whose service has no on-call schedule paged nobody for
   * five minutes.
   */
  static final String ESCALATE_PAST_NOBODY = "escalate-past-nobody";

  /**
   * Version 1 of this change names the channel for a severity change by the name it will have once
   * the renames already asked for are made ({@link IncidentState#renameAfterWaitingRenames()}). In
   * version 0 it compared with the name it had: a SEV2 raised to SEV1 and lowered again before
   * Slack renamed its channel kept a {@code -sev1-} channel.
   */
  static final String RENAME_AFTER_WAITING_RENAMES = "rename-after-waiting-renames";

  /**
   * Version 1 of this change sends PagerDuty events in the background, in the order they are made
   * ({@link IncidentEffects#pageInBackground()}). In version 0 each was awaited where it was made:
   * while PagerDuty was down the incident messaged nobody, escalated nobody and answered
   * acknowledgements, updates and resolves only once PagerDuty was back.
   */
  static final String PAGES_IN_BACKGROUND = "pages-in-background";

  /**
   * One marker for every change above: version 1 of this change means each of them at its latest
   * version, as this code runs them. A run that records it takes none of their own markers, which a
   * run before it took one after another at its start: 23 markers in the first workflow task, which
   * holds the first page back until it ends, and each cost the task about 0.2 ms on the benchmark's
   * machine (docs/benchmarks.md, seventeenth session). Runs before it have no such marker and take
   * theirs as they did (see {@link #version}). A change made after it takes a marker of its own
   * with {@code Workflow.getVersion}; a later baseline raises this one's version to cover it too.
   */
  static final String BASELINE = "baseline";

  /**
   * Version 1 of this change judges firing deliveries by when their alerts started ({@link
   * IncidentState#judgeAlertsByTheirStarts()}): one sent again while the incident is resolved, its
   * alerts those that fired before, leaves it resolved, and a resolved delivery sent again tells
   * the channel nothing new. In version 0 every firing delivery reopened a resolved incident and
   * paged again, so the delivery Alertmanager sends when one of the group's alerts resolves before
   * the others woke whoever had just resolved it. Its marker is taken at the first alert the run
   * takes once it has the incident's state, not at its start: a new incident's first workflow task
   * holds back its first page, and most incidents get no second delivery.
   */
  static final String ALERTS_BY_THEIR_STARTS = "alerts-judged-by-their-starts";

  /**
   * Version 1 of this change saves the incident in the background once it is open: while the
   * database is down its saves are retried as before, but its timers still fire, its escalation
   * steps still page, its reminders still go out and its alerts are still taken. In version 0 every
   * settle waited for its save, so a database outage stopped all of that until the database was
   * back (or the save gave up after {@link ActivityStubs#LOCAL_RETRIED_FOR}, failing the run). A
   * change still answers once it is saved, and the run saves its end before it ends. A step no
   * longer waits behind a save, so it checks again after looking up its targets that the incident
   * has not ended meanwhile ({@link IncidentEffects#checkStepAgainAfterLookup()}). Its marker is
   * taken at the run's first settle, after a new incident's first page.
   */
  static final String SAVES_IN_BACKGROUND = "saves-in-background";

  /**
   * Version 1 of this change opens the alert group's next incident for a firing delivery that came
   * while a canceled incident wound down (its posts and pages going out, its channel archived), as
   * one that came while a closed incident did, and as the same delivery does once the run has
   * ended. In version 0 the run ended without it, though its sender had heard 202 "fired", and the
   * group paged nobody until Alertmanager sent it again ({@code repeat_interval}, 4 hours by
   * default). Its marker is taken only by a canceled run that has such a delivery.
   */
  static final String NEXT_INCIDENT_AFTER_CANCEL = "next-incident-after-cancel";

  /**
   * Version 1 of this change has a continued run take the deliveries that reached it before its
   * first workflow task: Temporal hands a run the signals in its first task before its code runs,
   * so they find no state yet, as a new incident's first deliveries do. In version 0 a continued
   * run left them there: a delivery that came as a long incident continued as new (in a storm of
   * them, which is what makes a history long, or while the worker was away) was answered 202 and
   * lost: not on the timeline, and neither reopening nor raising the incident. Its marker is taken
   * only by a continued run that has such deliveries.
   */
  static final String CARRIED_RUN_TAKES_EARLY_ALERTS = "carried-run-takes-early-alerts";

  /**
   * Version 1 of this change pages the first step of the severity an alert raises a resolved
   * incident to, when the alert reopened it without paging and the new chain goes on past that step
   * (it had been lowered to a severity that pages nobody after its first page; see {@link
   * IncidentState#pageWhenRaisedOnRecurrence()}). Its marker is taken at the first firing delivery
   * the run takes while the incident is resolved.
   */
  static final String PAGE_WHEN_RAISED_ON_RECURRENCE = "page-when-raised-on-recurrence";

  /**
   * Version 1 of this change counts the alert starts a delivery left out, or the incident forgot,
   * as known (see {@link IncidentState#judgeLeftOutStartsAsKnown()}): a group of more than {@link
   * AlertEvent#MAX_ALERT_STARTS} alerts, sent again as it clears, no longer reopens the resolved
   * incident and pages again. Its marker is taken with {@link #PAGE_WHEN_RAISED_ON_RECURRENCE}'s.
   */
  static final String LEFT_OUT_STARTS_KNOWN = "left-out-starts-known";

  /**
   * Version 1 of this change tells the communications lead or engineering manager once per gap
   * without a status update, also across a severity change (see {@link
   * IncidentState#tellManagerOncePerGap()}). Its marker is taken at the run's first severity
   * change, or first delivery at a severity that may raise the incident.
   */
  static final String MANAGER_TOLD_ONCE_PER_GAP = "manager-told-once-per-gap";

  /**
   * How long a new incident's first save waits for its first page (see {@link #PAGE_BEFORE_SAVE}).
   */
  static final Duration FIRST_SAVE_WAIT = Duration.ofSeconds(5);

  /** How long a save in the background waits after one failed for good before it is made again. */
  static final Duration SAVE_AGAIN_AFTER = Duration.ofMinutes(1);

  private final IncidentWorkflowSettings settings;
  private final SlackChatActivities slack = ActivityStubs.of(SlackChatActivities.class);
  private final OpeningActivities opener = ActivityStubs.opening(OpeningActivities.class);
  private DirectoryActivities directory;
  private IncidentStoreActivities store;
  private IncidentContextActivities context;
  private IncidentEffects effects;
  private final List<AlertEvent> earlyAlerts = new ArrayList<>();
  private final List<AlertEvent> lateAlerts = new ArrayList<>();

  /**
   * Whether this run has asked which rules of a recurrence it follows ({@link
   * #PAGE_WHEN_RAISED_ON_RECURRENCE}, {@link #LEFT_OUT_STARTS_KNOWN}).
   */
  private boolean askedRecurrenceRules;

  /** Whether this run has asked whether it follows {@link #MANAGER_TOLD_ONCE_PER_GAP}. */
  private boolean askedManagerRule;

  private IncidentState state;
  private int savedThrough;
  private IncidentStatus attributedStatus;
  private Severity attributedSeverity;

  /** Version 1 of {@link #ATTRIBUTES_FOLLOW_SEVERITY}. */
  private boolean attributesFollowSeverity;

  /** Version 1 of {@link #FOLLOW_SEVERITY_WHILE_OPENING}. */
  private boolean followSeverityWhileOpening;

  /** Version 1 of {@link #ESCALATE_PAST_NOBODY}. */
  private boolean escalatePastNobody;

  /** Version 1 of {@link #RENAME_AFTER_WAITING_RENAMES}. */
  private boolean renameAfterWaitingRenames;

  private IncidentSnapshot lastSaved;

  /** Set once the incident is recorded, staffed, has its channel and has paged step 0. */
  private boolean opened;

  /**
   * Set once the incident is recorded and changes to it can be taken: with {@link #opened}, or
   * before its channel is open when Slack is called in the background.
   */
  private boolean recorded;

  /** True while {@link #settle} carries out effects, which may record more events. */
  private boolean settling;

  /** Version 1 of {@link #SAVES_IN_BACKGROUND}; null until the run's first settle. */
  private Boolean savesInBackground;

  /** True while a save runs in the background ({@link #saveInBackground}). */
  private boolean saving;

  /** What broke a save in the background other than a failed save; the next settle throws it. */
  private RuntimeException brokenSave;

  private boolean slackInBackground;

  /** Version 1 of {@link #SLACK_TOGETHER}. */
  private boolean slackTogether;

  /** Version 1 of {@link #SEVERITY_KEEPS_NOTICES}. */
  private boolean oneNoticeForMissed;

  /** See {@link #WAKE_TO_CONTINUE}. */
  private boolean wakeToContinue;

  /** Version 1 of {@link #TICKET_FOR_UNPAGED}. */
  private boolean ticketForUnpaged;

  /** Version 1 of {@link #INVITE_WHO_IS_CALLED}. */
  private boolean inviteWhoIsCalled;

  /** Version 1 of {@link #RESOLVE_PAGES_WITHOUT_ACK}. */
  private boolean resolvePagesWithoutAck;

  /** Version 1 of {@link #REFUSE_OTHER_INCIDENT}. */
  private boolean refuseOtherIncident;

  /** Version 1 of {@link #RENAME_CHANNEL_WITH_SEVERITY}. */
  private boolean renameChannelWithSeverity;

  /** Version 1 of {@link #REPLAN_BY_WHO_WAS_CALLED}. */
  private boolean replanByWhoWasCalled;

  /** Version 1 of {@link #PAGE_AGAIN_ON_RECURRENCE}. */
  private boolean pageAgainOnRecurrence;

  /** Version 1 of {@link #RAISE_WITH_ALERTS}. */
  private boolean raiseWithAlerts;

  /** Version 1 of {@link #RESOLVE_PAGES_WHEN_UNPAGED}. */
  private boolean resolvePagesWhenUnpaged;

  /** The version of {@link #BASELINE} this run took. */
  private int baseline;

  /** Version 1 of {@link #ALERTS_BY_THEIR_STARTS}; null until the run takes its marker. */
  private Boolean alertsByTheirStarts;

  /** The timer of the next deadline; null in runs before {@link #CANCEL_IDLE_TIMERS}. */
  private DeadlineTimer deadlineTimer;

  public IncidentWorkflowImpl() {
    this(IncidentWorkflowSettings.defaults());
  }

  public IncidentWorkflowImpl(IncidentWorkflowSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
  }

  @Override
  public IncidentOutcome run(IncidentInput input) {
    baseline = Workflow.getVersion(BASELINE, Workflow.DEFAULT_VERSION, 1);
    boolean pageWhileOpening = version(PAGE_WHILE_OPENING, 1) == 1;
    directory =
        pageWhileOpening
            ? ActivityStubs.local(DirectoryActivities.class)
            : ActivityStubs.of(DirectoryActivities.class);
    store =
        pageWhileOpening
            ? ActivityStubs.local(IncidentStoreActivities.class)
            : ActivityStubs.of(IncidentStoreActivities.class);
    context =
        pageWhileOpening
            ? ActivityStubs.localOptional(IncidentContextActivities.class)
            : ActivityStubs.optional(IncidentContextActivities.class);
    effects = new IncidentEffects(directory);
    slackInBackground = version(SLACK_IN_BACKGROUND, 1) == 1;
    if (slackInBackground) {
      wakeToContinue = version(WAKE_TO_CONTINUE, 1) == 1;
    }
    int cancelIdleTimers = version(CANCEL_IDLE_TIMERS, 2);
    if (cancelIdleTimers >= 1) {
      deadlineTimer = new DeadlineTimer(cancelIdleTimers >= 2);
    }
    if (slackInBackground) {
      slackTogether = version(SLACK_TOGETHER, 1) == 1;
      effects.sendSlackInBackground(slackTogether);
    }
    if (version(NO_STEPS_ONCE_OVER, 1) == 1) {
      effects.skipStepsOnceOver();
    }
    oneNoticeForMissed = version(SEVERITY_KEEPS_NOTICES, 1) == 1;
    if (version(STEP_GOES_ON_WHEN_PAGE_REFUSED, 1) == 1) {
      effects.stepGoesOnWhenPageRefused();
    }
    ticketForUnpaged = version(TICKET_FOR_UNPAGED, 1) == 1;
    inviteWhoIsCalled = version(INVITE_WHO_IS_CALLED, 1) == 1;
    if (inviteWhoIsCalled) {
      effects.inviteWhoIsCalled();
    }
    resolvePagesWithoutAck = version(RESOLVE_PAGES_WITHOUT_ACK, 1) == 1;
    refuseOtherIncident = version(REFUSE_OTHER_INCIDENT, 1) == 1;
    renameChannelWithSeverity = version(RENAME_CHANNEL_WITH_SEVERITY, 1) == 1;
    replanByWhoWasCalled = version(REPLAN_BY_WHO_WAS_CALLED, 1) == 1;
    if (replanByWhoWasCalled) {
      effects.stepKeysOfTheirOwn();
    }
    pageAgainOnRecurrence = version(PAGE_AGAIN_ON_RECURRENCE, 1) == 1;
    raiseWithAlerts = version(RAISE_WITH_ALERTS, 1) == 1;
    resolvePagesWhenUnpaged = version(RESOLVE_PAGES_WHEN_UNPAGED, 1) == 1;
    attributesFollowSeverity = version(ATTRIBUTES_FOLLOW_SEVERITY, 1) == 1;
    followSeverityWhileOpening = version(FOLLOW_SEVERITY_WHILE_OPENING, 1) == 1;
    escalatePastNobody = version(ESCALATE_PAST_NOBODY, 1) == 1;
    renameAfterWaitingRenames = version(RENAME_AFTER_WAITING_RENAMES, 1) == 1;
    if (version(PAGES_IN_BACKGROUND, 1) == 1) {
      effects.pageInBackground();
    }
    if (input.carried() != null) {
      state = input.carried();
      savedThrough = state.lastSequence();
      followTodaysRules();
      takeCarriedRunsEarlyAlerts();
    } else if (pageWhileOpening) {
      openPagingFirst(input);
    } else {
      openChannelFirst(input);
    }
    opened = true;
    recorded = true;
    while (true) {
      settle();
      if (state.isTerminal()) {
        break;
      }
      if (state.fireDueTimers(now())) {
        continue;
      }
      if (historyIsLong()) {
        if (slackInBackground) {
          continueAsNewWhenIdle(input);
        } else {
          Workflow.await(() -> Workflow.isEveryHandlerFinished());
          settle();
          if (!state.isTerminal() && !state.hasEffects()) {
            Workflow.continueAsNew(input.continuing(state));
          }
        }
        continue;
      }
      awaitWork(
          state.nextDeadline(),
          wakeToContinue ? () -> hasWork() || historyIsLong() && isIdle() : this::hasWork);
    }
    while (!effects.ticketsSettled()) {
      // Over while Jira was still answering: the ticket's key is recorded before the run ends, and
      // the comment that the incident ended, which its answer may bring, is made.
      Workflow.await(effects::ticketsSettled);
      settle();
    }
    Postmortems.startFor(state);
    Workflow.await(() -> effects.slackSent() && effects.pagesSent());
    if (state.hasChannel()) {
      try {
        slack.archiveChannel(new SlackChannel(state.channelId(), state.channelName()));
      } catch (ActivityFailure failure) {
        log.warn(
            "{}: could not archive #{}: {}",
            state.incidentId(),
            state.channelName(),
            failure.getMessage());
      }
    }
    Workflow.await(() -> Workflow.isEveryHandlerFinished());
    if (!lateAlerts.isEmpty() && lateAlertsOpenTheNextIncident()) {
      // The group fired again while this incident was closing (or, canceled, winding down): that
      // is a new incident, under the same workflow id so further deliveries of the group find it.
      log.info(
          "{} {} as its alert group fired again; opening a new incident",
          state.incidentId(),
          state.status().wireName());
      IncidentInput next = input.continuing(null);
      if (raiseWithAlerts) {
        // At the severity the group fires at now: the first delivery's may be long out of date.
        next =
            lateAlerts.stream()
                .map(AlertEvent::severity)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(next::atSeverity)
                .orElse(next);
      }
      Workflow.continueAsNew(next);
    }
    return new IncidentOutcome(state.incidentId(), state.status());
  }

  /** Whether the firing deliveries that came while the incident ended open its group's next one. */
  private boolean lateAlertsOpenTheNextIncident() {
    return switch (state.status()) {
      case CLOSED -> true;
      case CANCELED -> takesChange(NEXT_INCIDENT_AFTER_CANCEL);
      default -> false;
    };
  }

  /**
   * Whether this run takes {@code change}, one made after {@link #BASELINE}: records its marker (at
   * version 1) in a new run, reads it in a replayed one; a run recorded before the change has none
   * and goes on without it.
   */
  private static boolean takesChange(String change) {
    return Workflow.getVersion(change, Workflow.DEFAULT_VERSION, 1) == 1;
  }

  /**
   * The version of {@code change}, one of the 23 changes version 1 of {@link #BASELINE} covers: its
   * latest in a run that took the baseline, else the one its own marker records (taken now when it
   * has none). Not for later changes: a run with baseline 1 takes their own markers, also once a
   * later baseline covers them.
   */
  private int version(String change, int latest) {
    return baseline >= 1 ? latest : Workflow.getVersion(change, Workflow.DEFAULT_VERSION, latest);
  }

  /**
   * Opens a new incident: records and staffs it, pages step 0 while its channel opens, then briefs
   * the channel and announces it to stakeholders.
   */
  private void openPagingFirst(IncidentInput input) {
    int pageBeforeSave = version(PAGE_BEFORE_SAVE, 4);
    Responders responders =
        switch (pageBeforeSave) {
          case Workflow.DEFAULT_VERSION -> declare(input);
          case 1, 2, 3 -> declareAtOnce(input, pageBeforeSave == 3);
          default -> declareInOneGo(input);
        };
    String name = ChannelName.of(state.number(), state.severity(), state.title());
    OpenChannel request = channelRequest(name, responders);
    Promise<SlackChannel> channel = Async.function(slack::openChannel, request);
    effects.channelOpening(name, request.members());
    state.fireDueTimers(now());
    switch (pageBeforeSave) {
      case 1 -> settleEffectsFirst();
      case 2, 3, 4 -> settlePagingFirst();
      default -> settle();
    }
    effects.forgetResolved(state);
    SlackChannel created;
    if (slackInBackground) {
      // Changes are taken from here on, also while Slack is down; registered() waits for the
      // channel.
      recorded = true;
      created = awaitChannel(channel);
    } else {
      created = perform(channel::get);
    }
    if (created != null) {
      state.channelOpened(created.id(), created.name(), now());
    }
    // With Slack messages sent together, the context is looked up before the first is queued: the
    // outbox would send what it holds while the lookup runs, and the rest after it.
    IncidentContext known =
        slackTogether && state.hasChannel() ? lookUpContext(responders, true) : null;
    if (created != null
        && slackInBackground
        && !request.topic().equals(IncidentEffects.topic(state))) {
      effects.perform(state, new Effect.RefreshTopic());
    }
    brief(input, responders);
    if (slackInBackground) {
      // The held "Paging ..." post right after the briefing, before the context.
      effects.channelSettled(state);
    }
    if (state.hasChannel()) {
      tellContext(slackTogether ? known : lookUpContext(responders, true));
    }
    if (!slackInBackground) {
      effects.channelSettled(state);
    }
    announce();
    settle();
  }

  /**
   * Opens a new incident as version 0 did: the channel, briefing and announcement before the page.
   */
  private void openChannelFirst(IncidentInput input) {
    Responders responders = declare(input);
    String name = ChannelName.of(state.number(), state.severity(), state.title());
    SlackChannel channel = perform(() -> slack.openChannel(channelRequest(name, responders)));
    if (channel != null) {
      state.channelOpened(channel.id(), channel.name(), now());
    }
    brief(input, responders);
    if (state.hasChannel() && takesChange("incident-context")) {
      tellContext(lookUpContext(responders, false));
    }
    announce();
    state.fireDueTimers(now());
    settle();
  }

  /**
   * Declares, numbers and staffs the incident from the policy and the catalog, one lookup after
   * another, and saves it (version 0 of {@link #PAGE_BEFORE_SAVE}).
   */
  private Responders declare(IncidentInput input) {
    WorkflowInfo info = Workflow.getInfo();
    state =
        IncidentState.declare(
            input, info.getWorkflowId(), info.getRunId(), directory.currentPolicy(), now());
    takeEarlyAlerts();
    IncidentNumber number = store.recordIncident(newIncident(input, info, state.startedAt()));
    state.numbered(number.number());
    Responders responders = directory.responders(responderQuery(input, state.startedAt()));
    staff(responders);
    save();
    state.addLinks(nonNull(runbook(input, responders), dashboard(input, responders)));
    return responders;
  }

  /**
   * Declares, numbers and staffs the incident with the three lookups running at once; the first
   * save is left to the caller (versions 1 to 3 of {@link #PAGE_BEFORE_SAVE}). With {@code
   * firstPageToo} the staffing lookup also resolves whom the first page goes to.
   */
  private Responders declareAtOnce(IncidentInput input, boolean firstPageToo) {
    WorkflowInfo info = Workflow.getInfo();
    Instant startedAt = now();
    ResponderQuery query = responderQuery(input, startedAt);
    Promise<Policy> policy = Async.function(directory::currentPolicy);
    Promise<IncidentNumber> number =
        Async.function(store::recordIncident, newIncident(input, info, startedAt));
    Promise<Staffing> staffing =
        firstPageToo
            ? Async.function(directory::staffing, query)
            : Async.function(directory::responders, query)
                .thenApply(responders -> new Staffing(responders, null, null));
    return declared(input, info, startedAt, policy.get(), number.get(), staffing.get());
  }

  /**
   * Declares, numbers and staffs the incident from one activity, which has also tried to send the
   * first page (version 4 of {@link #PAGE_BEFORE_SAVE}); the first save is left to the caller.
   */
  private Responders declareInOneGo(IncidentInput input) {
    WorkflowInfo info = Workflow.getInfo();
    Instant startedAt = now();
    Opening opening =
        opener.openIncident(newIncident(input, info, startedAt), responderQuery(input, startedAt));
    effects.alreadyPaged(opening.paged(), opening.firstPageKey());
    return declared(input, info, startedAt, opening.policy(), opening.number(), opening.staffing());
  }

  private Responders declared(
      IncidentInput input,
      WorkflowInfo info,
      Instant startedAt,
      Policy policy,
      IncidentNumber number,
      Staffing staffing) {
    state = IncidentState.declare(input, info.getWorkflowId(), info.getRunId(), policy, startedAt);
    if (!raiseWithAlerts) {
      takeEarlyAlerts();
    }
    state.numbered(number.number());
    Responders responders = staffing.responders();
    if (staffing.firstPage() != null) {
      effects.alreadyResolved(staffing.firstPage(), staffing.firstPageTargets());
    }
    staff(responders);
    state.addLinks(nonNull(runbook(input, responders), dashboard(input, responders)));
    followTodaysRules();
    if (replanByWhoWasCalled) {
      state.replanByWhoWasCalled();
    }
    if (resolvePagesWhenUnpaged) {
      state.resolvePagesWhenUnpaged();
    }
    if (followSeverityWhileOpening) {
      state.followSeverityWhileOpening();
    }
    if (escalatePastNobody) {
      state.escalatePastNobody();
    }
    if (raiseWithAlerts) {
      // The deliveries that came while it opened are taken once it is numbered and staffed: one
      // that fires at a worse severity raises it before its channel is named, its escalation
      // starts and a ticket is asked for.
      state.raiseWithAlerts();
      takeEarlyAlerts();
    }
    if (ticketForUnpaged) {
      state.ticketsTo(
          new IncidentState.TicketDesk(
              responders.service().jiraProject(), responders.service().team()));
    }
    return responders;
  }

  /** Tells a new or carried state which of the versioned rules kept in it this run follows. */
  private void followTodaysRules() {
    if (inviteWhoIsCalled) {
      state.inviteRoleHolders();
    }
    if (resolvePagesWithoutAck) {
      state.resolvePagesWithoutAcknowledging();
    }
    if (renameChannelWithSeverity) {
      state.renameChannelWithSeverity();
    }
    if (renameAfterWaitingRenames) {
      state.renameAfterWaitingRenames();
    }
    if (pageAgainOnRecurrence) {
      state.pageAgainOnRecurrence();
    }
  }

  private void takeEarlyAlerts() {
    earlyAlerts.forEach(alert -> state.alert(alert, now()));
    earlyAlerts.clear();
  }

  /**
   * The deliveries that reached a continued run before its first workflow task, taken as {@link
   * #alert} takes any other once the run has its carried state (see {@link
   * #CARRIED_RUN_TAKES_EARLY_ALERTS}).
   */
  private void takeCarriedRunsEarlyAlerts() {
    if (earlyAlerts.isEmpty() || !takesChange(CARRIED_RUN_TAKES_EARLY_ALERTS)) {
      return;
    }
    List<AlertEvent> early = List.copyOf(earlyAlerts);
    earlyAlerts.clear();
    early.forEach(this::alert);
  }

  private static NewIncident newIncident(IncidentInput input, WorkflowInfo info, Instant at) {
    return new NewIncident(
        info.getWorkflowId(),
        info.getRunId(),
        input.title(),
        input.description(),
        input.severity(),
        input.service(),
        input.source(),
        input.dedupKey(),
        input.declaredBy(),
        at);
  }

  private static ResponderQuery responderQuery(IncidentInput input, Instant at) {
    return new ResponderQuery(input.service(), at, input.commander(), input.severity());
  }

  private void staff(Responders responders) {
    state.staffed(
        responders.commander() == null ? null : responders.commander().handle(),
        responders.service().stakeholderChannel());
  }

  private OpenChannel channelRequest(String name, Responders responders) {
    Map<String, Person> members = new LinkedHashMap<>();
    for (Person person :
        nonNull(responders.commander(), responders.primary(), responders.secondary())) {
      members.putIfAbsent(person.handle(), person);
    }
    for (Person person : responders.stakeholders()) {
      members.putIfAbsent(person.handle(), person);
    }
    return new OpenChannel(
        name, false, IncidentEffects.topic(state), List.copyOf(members.values()));
  }

  /** Posts the Block Kit briefing with the buttons in the channel, if there is one. */
  private void brief(IncidentInput input, Responders responders) {
    if (state.hasChannel()) {
      Briefing briefing =
          new Briefing(
              state.channelId(),
              state.incidentId(),
              state.title(),
              state.description(),
              state.severity(),
              state.service(),
              state.commander(),
              runbook(input, responders),
              dashboard(input, responders),
              state.links());
      perform(
          () -> {
            effects.toSlack(state, "post the briefing", new SlackMessage.BriefingPost(briefing));
            return null;
          });
    }
  }

  /**
   * Looks up recent deploys, similar past incidents and the closed incident this one repeats; with
   * {@code markRepeat} the repeat goes on the timeline. Null when the lookup failed.
   */
  private IncidentContext lookUpContext(Responders responders, boolean markRepeat) {
    IncidentContext known =
        perform(
            () ->
                context.context(
                    new ContextQuery(state.number(), responders.service().dependsOn())));
    if (known != null && markRepeat && known.repeatOf() != null) {
      state.repeats(known.repeatOf(), now());
    }
    return known;
  }

  /** Posts {@code known} in the channel; nothing when it is null or says nothing. */
  private void tellContext(IncidentContext known) {
    if (known == null) {
      return;
    }
    ContextMessage.of(known)
        .ifPresent(
            text ->
                perform(
                    () -> {
                      effects.postInChannel(state, text);
                      return null;
                    }));
  }

  private void announce() {
    perform(
        () -> {
          effects.announceDeclared(
              state,
              state.incidentId()
                  + " declared ("
                  + state.severity()
                  + ", "
                  + state.service()
                  + "): "
                  + state.title()
                  // By id, which Slack shows under the name it has when read (a rename can follow).
                  + (state.hasChannel() ? " in <#" + state.channelId() + ">" : "")
                  + ". IC: "
                  + Objects.toString(state.commander(), "unassigned")
                  + "; "
                  + IncidentEffects.describeCadence(state)
                  + ".");
          return null;
        });
  }

  private static String runbook(IncidentInput input, Responders responders) {
    return input.labels().getOrDefault("runbook_url", responders.service().runbook());
  }

  private static String dashboard(IncidentInput input, Responders responders) {
    return input.labels().getOrDefault("dashboard_url", responders.service().dashboard());
  }

  /** Persists what changed and carries out what the state asked for, until nothing is left. */
  private void settle() {
    if (savesInBackground == null) {
      savesInBackground = takesChange(SAVES_IN_BACKGROUND);
      if (savesInBackground) {
        effects.checkStepAgainAfterLookup();
      }
    }
    if (brokenSave != null) {
      // Not a failed save but a failure of the code that saves: fail the workflow task, as the
      // main thread would, rather than start the broken save again at once.
      throw brokenSave;
    }
    settling = true;
    do {
      if (savesNow()) {
        if (saving) {
          Workflow.await(() -> !saving);
        }
        save();
      } else {
        saveInBackground();
      }
      state.takeEffects().forEach(effect -> effects.perform(state, effect));
    } while (state.hasEffects() || savesNow() && (state.hasUnsavedEvents() || saving));
    if (!savesNow()) {
      // What the effects recorded.
      saveInBackground();
    }
    settling = false;
  }

  /**
   * Whether {@link #settle} saves before it goes on: in runs before {@link #SAVES_IN_BACKGROUND},
   * and once the incident has ended, so that its end is saved before its postmortem, its ticket's
   * last comment and the run's end. Asked on every pass, since the incident may end while a settle
   * carries out effects (a cancel taken while an escalation step looks up its targets).
   */
  private boolean savesNow() {
    return !savesInBackground || state.isTerminal();
  }

  /**
   * Saves what the incident has not saved yet in a workflow thread of its own, unless one does so
   * already: it saves until nothing is left, and the settle that follows the next change starts it
   * again. A save that fails for good (refused, or still failing after {@link
   * ActivityStubs#LOCAL_RETRIED_FOR}) is logged and made again after {@link #SAVE_AGAIN_AFTER}, for
   * as long as it takes: the incident goes on meanwhile, and its unsaved events are carried across
   * continue-as-new.
   */
  private void saveInBackground() {
    if (saving || state.snapshot().equals(lastSaved)) {
      return;
    }
    saving = true;
    Async.procedure(
        () -> {
          try {
            while (!state.snapshot().equals(lastSaved)) {
              try {
                save();
              } catch (ActivityFailure failure) {
                log.warn(
                    "{}: could not save the incident, trying again in {}: {}",
                    state.incidentId(),
                    SAVE_AGAIN_AFTER,
                    failure.getMessage());
                Workflow.sleep(SAVE_AGAIN_AFTER);
              }
            }
          } catch (RuntimeException broken) {
            brokenSave = broken;
            throw broken;
          } finally {
            saving = false;
          }
        });
  }

  /**
   * Like {@link #settle}, but carries out what the state asked for before the first save (version 1
   * of {@link #PAGE_BEFORE_SAVE}).
   */
  private void settleEffectsFirst() {
    settling = true;
    state.takeEffects().forEach(effect -> effects.perform(state, effect));
    settling = false;
    settle();
  }

  /**
   * Like {@link #settle}, but the first save waits for what the state asked for (the page of a new
   * incident), so that the workflow task that declares the incident schedules the page without
   * waiting for the database, for {@link #FIRST_SAVE_WAIT} at most: an outage of PagerDuty, whose
   * page is retried, does not hold the record back for longer.
   */
  private void settlePagingFirst() {
    settling = true;
    List<Effect> first = state.takeEffects();
    Promise<Void> carriedOut =
        Async.procedure(() -> first.forEach(effect -> effects.perform(state, effect)));
    // A page sent in the background is queued at once: the save waits for it to go out as well.
    Supplier<Boolean> sent = () -> carriedOut.isCompleted() && effects.pagesSent();
    boolean paged =
        deadlineTimer == null
            ? Workflow.await(FIRST_SAVE_WAIT, sent)
            : DeadlineTimer.awaitAtMost(FIRST_SAVE_WAIT, sent);
    if (!paged) {
      save();
    }
    carriedOut.get();
    settling = false;
    settle();
  }

  /**
   * Continues as new once no handler is running and every queued Slack call is made (the next run
   * would not make them); until then the incident goes on as in the main loop: a running change
   * waits for its save, and a Slack outage must not stop timers.
   */
  private void continueAsNewWhenIdle(IncidentInput input) {
    if (isIdle()) {
      Workflow.continueAsNew(input.continuing(state));
    }
    awaitWork(state.nextDeadline(), () -> hasWork() || isIdle());
  }

  /**
   * No handler is running, every queued Slack call is made and every ticket answered. A save under
   * way does not count: the next run saves what the state still holds unsaved, as timeline events
   * are stored once whatever saves them again, so an incident whose database is down for days still
   * continues as new.
   */
  private boolean isIdle() {
    return Workflow.isEveryHandlerFinished()
        && effects.slackSent()
        && effects.pagesSent()
        && effects.ticketsSettled();
  }

  /**
   * Runs the incident as the main loop does until its channel is open or Slack refused it: timers
   * fire, escalation steps page, changes are saved; channel posts are held for the channel.
   */
  private SlackChannel awaitChannel(Promise<SlackChannel> channel) {
    while (!channel.isCompleted()) {
      settle();
      if (!state.isTerminal() && state.fireDueTimers(now())) {
        continue;
      }
      awaitWork(
          state.isTerminal() ? Optional.empty() : state.nextDeadline(),
          () -> channel.isCompleted() || hasWork());
    }
    return perform(channel::get);
  }

  /** Waits until {@code wake} holds or the deadline, if any, has come. */
  private void awaitWork(Optional<Instant> deadline, Supplier<Boolean> wake) {
    if (deadline.isEmpty()) {
      if (deadlineTimer != null) {
        deadlineTimer.cancel();
      }
      Workflow.await(wake);
    } else {
      Duration wait = Duration.between(now(), deadline.get());
      if (!wait.isNegative() && !wait.isZero()) {
        if (deadlineTimer == null) {
          Workflow.await(wait, wake);
        } else {
          deadlineTimer.await(deadline.get(), wait, wake);
        }
      }
    }
  }

  private void save() {
    IncidentSnapshot snapshot = state.snapshot();
    if (snapshot.equals(lastSaved)) {
      return;
    }
    store.saveIncident(snapshot);
    lastSaved = snapshot.withoutEvents();
    int through =
        snapshot.newEvents().stream().mapToInt(TimelineEvent::sequence).max().orElse(savedThrough);
    state.saved(through);
    savedThrough = Math.max(savedThrough, through);
    upsertSearchAttributes();
  }

  private void upsertSearchAttributes() {
    if (state.status() == attributedStatus
        && (!attributesFollowSeverity || state.severity() == attributedSeverity)) {
      return;
    }
    Workflow.upsertTypedSearchAttributes(
        IncidentSearchAttributes.NUMBER.valueSet(state.number()),
        IncidentSearchAttributes.SEVERITY.valueSet(state.severity().name()),
        IncidentSearchAttributes.SERVICE.valueSet(state.service()),
        IncidentSearchAttributes.STATUS.valueSet(state.status().wireName()));
    attributedStatus = state.status();
    attributedSeverity = state.severity();
  }

  /** Effects to carry out, or events to save that no save in the background is saving. */
  private boolean hasWork() {
    return state.hasEffects() || state.hasUnsavedEvents() && !saving;
  }

  /** Every effect asked for so far has been carried out and every event persisted. */
  private boolean isSettled() {
    return !settling && !state.hasEffects() && !state.hasUnsavedEvents();
  }

  private boolean historyIsLong() {
    WorkflowInfo info = Workflow.getInfo();
    return info.getHistoryLength() > settings.continueAsNewAfterEvents()
        || info.isContinueAsNewSuggested();
  }

  private <T> T perform(Supplier<T> call) {
    try {
      return call.get();
    } catch (ActivityFailure failure) {
      log.warn(
          "{}: a step failed for good and was skipped: {}",
          state.incidentId(),
          failure.getMessage());
      return null;
    }
  }

  // ---- signals, updates, queries ------------------------------------------------------------

  @Override
  public void alert(AlertEvent event) {
    if (state == null) {
      earlyAlerts.add(event);
    } else if (!state.isTerminal()) {
      if (alertsByTheirStarts == null) {
        alertsByTheirStarts = takesChange(ALERTS_BY_THEIR_STARTS);
        if (alertsByTheirStarts) {
          state.judgeAlertsByTheirStarts();
        }
      }
      if (!askedRecurrenceRules && event.firing() && state.status() == IncidentStatus.RESOLVED) {
        askedRecurrenceRules = true;
        if (takesChange(PAGE_WHEN_RAISED_ON_RECURRENCE)) {
          state.pageWhenRaisedOnRecurrence();
        }
        if (takesChange(LEFT_OUT_STARTS_KNOWN)) {
          state.judgeLeftOutStartsAsKnown();
        }
      }
      if (event.firing()
          && event.severity() != null
          && event.severity().compareTo(state.severity()) < 0) {
        // It may raise the incident.
        askManagerRule();
      }
      state.alert(event, now());
    } else if (event.firing()) {
      lateAlerts.add(event);
    }
  }

  /**
   * Takes {@link #MANAGER_TOLD_ONCE_PER_GAP}'s marker, at the run's first severity change or
   * delivery that may raise it.
   */
  private void askManagerRule() {
    if (askedManagerRule) {
      return;
    }
    askedManagerRule = true;
    if (takesChange(MANAGER_TOLD_ONCE_PER_GAP)) {
      state.tellManagerOncePerGap();
    }
  }

  @Override
  public IncidentView registered() {
    Workflow.await(() -> opened);
    return state.view();
  }

  @Override
  public IncidentView acknowledge(Transition transition) {
    return change(transition, () -> state.advance(IncidentStatus.ACKNOWLEDGED, transition, now()));
  }

  @Override
  public void validateAcknowledge(Transition transition) {
    refuse(transition, () -> state.refusalOf(IncidentStatus.ACKNOWLEDGED));
  }

  @Override
  public IncidentView identify(Transition transition) {
    return change(transition, () -> state.advance(IncidentStatus.IDENTIFIED, transition, now()));
  }

  @Override
  public void validateIdentify(Transition transition) {
    refuse(transition, () -> state.refusalOf(IncidentStatus.IDENTIFIED));
  }

  @Override
  public IncidentView mitigate(Transition transition) {
    return change(transition, () -> state.advance(IncidentStatus.MITIGATED, transition, now()));
  }

  @Override
  public void validateMitigate(Transition transition) {
    refuse(transition, () -> state.refusalOf(IncidentStatus.MITIGATED));
  }

  @Override
  public IncidentView resolve(Transition transition) {
    return change(transition, () -> state.advance(IncidentStatus.RESOLVED, transition, now()));
  }

  @Override
  public void validateResolve(Transition transition) {
    refuse(transition, () -> state.refusalOf(IncidentStatus.RESOLVED));
  }

  @Override
  public IncidentView reopen(Transition transition) {
    return change(transition, () -> state.reopen(transition, now()));
  }

  @Override
  public void validateReopen(Transition transition) {
    refuse(transition, () -> state.refusalOfReopen());
  }

  @Override
  public IncidentView cancel(Transition transition) {
    return change(transition, () -> state.advance(IncidentStatus.CANCELED, transition, now()));
  }

  @Override
  public void validateCancel(Transition transition) {
    refuse(transition, () -> state.refusalOf(IncidentStatus.CANCELED));
  }

  /**
   * Answers once the step has run and is recorded, unlike the other changes: the step is an effect,
   * so on persistence alone the answer (and the stored incident) would still show the old
   * escalation level.
   */
  @Override
  public IncidentView escalate(Transition transition) {
    int[] step = new int[1];
    change(transition, () -> step[0] = state.escalateNow(transition));
    Workflow.await(() -> isSettled() || state.isTerminal() && !state.hasUnsavedEvents());
    Optional<IncidentStatus> overtaken = effects.skipped(step[0]);
    if (overtaken.isPresent()) {
      // Resolved or canceled before the step ran (see NO_STEPS_ONCE_OVER).
      throw ApplicationFailure.newNonRetryableFailure(
          state.incidentId()
              + " was "
              + overtaken.get().wireName()
              + " before its escalation ran; nobody was paged",
          IllegalStateException.class.getName());
    }
    return state.view();
  }

  @Override
  public void validateEscalate(Transition transition) {
    refuse(transition, () -> state.refusalOfEscalate());
  }

  @Override
  public IncidentView changeSeverity(SeverityChange change) {
    return change(
        change,
        () -> {
          askManagerRule();
          state.changeSeverity(change, now(), oneNoticeForMissed);
        });
  }

  @Override
  public void validateChangeSeverity(SeverityChange change) {
    refuse(change, () -> state.refusalOfSeverity(change.severity()));
  }

  @Override
  public IncidentView assignRole(RoleAssignment assignment) {
    return change(assignment, () -> state.assignRole(assignment, now()));
  }

  @Override
  public void validateAssignRole(RoleAssignment assignment) {
    if (!RoleAssignment.ROLES.contains(assignment.role())) {
      throw new IllegalArgumentException(
          "unknown role '"
              + assignment.role()
              + "'; roles are "
              + String.join(", ", RoleAssignment.ROLES.stream().sorted().toList()));
    }
    refuse(assignment, () -> state.refusalOfRole(assignment));
  }

  @Override
  public IncidentView postStatusUpdate(Note update) {
    return change(update, () -> state.statusUpdate(update, now()));
  }

  @Override
  public void validatePostStatusUpdate(Note update) {
    refuse(update, () -> state.refusalOfNote(update));
  }

  @Override
  public IncidentView logDecision(Note decision) {
    return change(decision, () -> state.decision(decision, now()));
  }

  @Override
  public void validateLogDecision(Note decision) {
    refuse(decision, () -> state.refusalOfNote(decision));
  }

  @Override
  public IncidentView view() {
    return state == null ? null : state.view();
  }

  /**
   * Applies a change once the incident is recorded, then waits until it is persisted, so that a
   * caller who reads the incident after the update sees it.
   */
  private IncidentView change(MeantFor meantFor, Runnable apply) {
    Workflow.await(() -> recorded);
    // Checked again here: while a new incident opens, the validator has no number to check against.
    Optional<String> other = refuseOtherIncident ? refusalOfOther(meantFor) : Optional.empty();
    if (other.isPresent()) {
      throw ApplicationFailure.newNonRetryableFailure(
          other.get(), IllegalStateException.class.getName());
    }
    try {
      apply.run();
    } catch (IllegalStateException refused) {
      // The state moved on between validation and handling (another update got there first).
      throw ApplicationFailure.newNonRetryableFailure(
          refused.getMessage(), IllegalStateException.class.getName());
    }
    int sequence = state.lastSequence();
    Workflow.await(
        () -> savedThrough >= sequence || state.isTerminal() && !state.hasUnsavedEvents());
    return state.view();
  }

  /**
   * Refuses the update when the state says why. A validator's exception reaches the caller as an
   * {@code ApplicationFailure} whose type is the exception's class name: {@link
   * IllegalStateException} means the state does not allow it (HTTP 409), {@link
   * IllegalArgumentException} that the request is malformed (HTTP 422).
   */
  private void refuse(MeantFor meantFor, Supplier<Optional<String>> refusal) {
    if (state == null) {
      return;
    }
    Optional<String> reason = refusalOfOther(meantFor).or(refusal);
    if (reason.isPresent()) {
      throw new IllegalStateException(reason.get());
    }
  }

  /**
   * Why a change meant for another incident is refused: one of this alert group's earlier
   * incidents, whose run ended without its end reaching the store (terminated or reset from
   * Temporal UI), or ended in the moment after the caller read it. Empty when it is meant for this
   * one, or for whichever runs.
   */
  private Optional<String> refusalOfOther(MeantFor meantFor) {
    String meant = meantFor.incident();
    if (meant == null || !state.isNumbered() || meant.equals(state.incidentId())) {
      return Optional.empty();
    }
    return Optional.of(
        meant
            + " is no longer running; its alert group's workflow runs "
            + state.incidentId()
            + " now");
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  @SafeVarargs
  private static <T> List<T> nonNull(T... values) {
    List<T> present = new ArrayList<>();
    for (T value : values) {
      if (value != null) {
        present.add(value);
      }
    }
    return present;
  }
}
