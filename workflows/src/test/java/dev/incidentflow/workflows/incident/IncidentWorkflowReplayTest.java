package dev.incidentflow.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.activities.Opening;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.NonDeterministicException;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the checked-in histories of every path the workflow tests take (recorded with {@code
 * -Dincidentflow.recordHistories=true}) against today's {@link IncidentWorkflowImpl}. A change that
 * would make running incidents fail on replay fails here: guard it with {@code Workflow.getVersion}
 * and record the histories again alongside the old ones.
 */
class IncidentWorkflowReplayTest {

  /** Each recorded path, and the settings the workflow ran with when it was recorded. */
  enum RecordedPath {
    SEV1_UNACKNOWLEDGED_ESCALATION("sev1-unacknowledged-escalation", 1),
    SEV1_ACKNOWLEDGED_AT_FOUR_MINUTES("sev1-acknowledged-at-four-minutes", 1),
    SEV2_ENGINEERING_MANAGER("sev2-engineering-manager", 1),
    SEV2_DOWNGRADED_TO_SEV3("sev2-downgraded-to-sev3", 1),
    SEVERITY_CHANGE("severity-change", 1),
    ROLE_ASSIGNMENT("role-assignment", 1),
    MANUAL_ESCALATE("manual-escalate", 1),
    STEP_RESOLVING_TO_NOBODY("step-resolving-to-nobody", 1),
    STATUS_UPDATE_PUSHES_REMINDER("status-update-pushes-reminder", 1),
    SECOND_OVERDUE_PERIOD("second-overdue-period", 1),
    REOPEN_DURING_MONITORING("reopen-during-monitoring", 1),
    ALERT_REOPENS_DURING_MONITORING("alert-reopens-during-monitoring", 1),
    MONITORING_WINDOW_CLOSES("monitoring-window-closes", 1),
    CANCEL("cancel", 1),
    WORKER_RESTART("worker-restart", 1),
    CONTINUE_AS_NEW("continue-as-new", 3, IncidentContinueAsNewTest.LOW_THRESHOLD),
    /** Recorded since {@link IncidentWorkflowImpl#NO_STEPS_ONCE_OVER}: the step is skipped. */
    MANUAL_ESCALATE_OVERTAKEN_BY_CANCEL(
        "manual-escalate-overtaken-by-cancel",
        1,
        IncidentWorkflowSettings.defaults(),
        Recording.V9),
    /** Recorded since {@link IncidentWorkflowImpl#TICKET_FOR_UNPAGED}: a SEV3 opens its ticket. */
    SEV3_OPENS_TICKET("sev3-opens-ticket", 1, IncidentWorkflowSettings.defaults(), Recording.V10),
    /**
     * Recorded since {@link IncidentWorkflowImpl#RESOLVE_PAGES_WITHOUT_ACK}: resolved untouched,
     * its page resolved without an acknowledgement.
     */
    RESOLVED_BEFORE_ACKNOWLEDGED(
        "resolved-before-acknowledged", 1, IncidentWorkflowSettings.defaults(), Recording.V10),
    /**
     * Recorded since {@link IncidentWorkflowImpl#REPLAN_BY_WHO_WAS_CALLED}: raised to SEV1 after
     * its manager was paged, it pages the secondary under a key of its own.
     */
    SEV2_RAISED_TO_SEV1_AFTER_ITS_MANAGER(
        "sev2-raised-to-sev1-after-its-manager",
        1,
        IncidentWorkflowSettings.defaults(),
        Recording.V11),
    /**
     * Recorded since {@link IncidentWorkflowImpl#RAISE_WITH_ALERTS}: a SEV4 whose alert turns
     * critical is raised to SEV1 and pages.
     */
    SEV4_ALERT_TURNS_CRITICAL(
        "sev4-alert-turns-critical", 1, IncidentWorkflowSettings.defaults(), Recording.V12),
    /**
     * Recorded since {@link IncidentWorkflowImpl#RESOLVE_PAGES_WHEN_UNPAGED}: lowered to SEV3 its
     * page is resolved, and raised again it pages its primary under a new key.
     */
    SEV1_LOWERED_TO_SEV3_AND_RAISED_AGAIN(
        "sev1-lowered-to-sev3-and-raised-again",
        1,
        IncidentWorkflowSettings.defaults(),
        Recording.V12),
    /**
     * Recorded since {@link IncidentWorkflowImpl#ESCALATE_PAST_NOBODY}: a first step that reaches
     * nobody runs the next at once.
     */
    FIRST_STEP_REACHING_NOBODY(
        "first-step-reaching-nobody", 1, IncidentWorkflowSettings.defaults(), Recording.V12),
    /**
     * Recorded since {@link IncidentWorkflowImpl#RENAME_AFTER_WAITING_RENAMES}: raised and lowered
     * while Slack is down, the channel is renamed there and back.
     */
    SEVERITY_RAISED_AND_LOWERED_WHILE_SLACK_IS_DOWN(
        "severity-raised-and-lowered-while-slack-is-down",
        1,
        IncidentWorkflowSettings.defaults(),
        Recording.V13),
    /**
     * Recorded since {@link IncidentWorkflowImpl#PAGES_IN_BACKGROUND}: while PagerDuty is down the
     * incident escalates and takes an acknowledgement and a resolve; its events go out in order.
     */
    PAGERDUTY_DOWN("pagerduty-down", 1, IncidentWorkflowSettings.defaults(), Recording.V13),
    /**
     * Recorded since {@link IncidentWorkflowImpl#ALERTS_BY_THEIR_STARTS}: a firing sent again while
     * resolved leaves it resolved, and an alert firing anew reopens it.
     */
    ALERT_SENT_AGAIN_WHILE_RESOLVED(
        "alert-sent-again-while-resolved",
        1,
        IncidentWorkflowSettings.defaults(),
        Recording.CURRENT),
    /**
     * Recorded since {@link Opening#firstPageKey()}: opened while the database is down, the
     * incident pages without its number, then pages, and resolves, under that page's key.
     */
    DATABASE_DOWN_AT_OPENING(
        "database-down-at-opening", 1, IncidentWorkflowSettings.defaults(), Recording.CURRENT);

    final String name;
    final int minimumRuns;
    final IncidentWorkflowSettings settings;

    /** The first code that recorded this path: older recordings have no such path. */
    final Recording firstRecorded;

    RecordedPath(String name, int minimumRuns) {
      this(name, minimumRuns, IncidentWorkflowSettings.defaults());
    }

    RecordedPath(String name, int minimumRuns, IncidentWorkflowSettings settings) {
      this(name, minimumRuns, settings, Recording.V0);
    }

    RecordedPath(
        String name, int minimumRuns, IncidentWorkflowSettings settings, Recording firstRecorded) {
      this.name = name;
      this.minimumRuns = minimumRuns;
      this.settings = settings;
      this.firstRecorded = firstRecorded;
    }

    /** The histories of every run, first run first; a missing first run fails the test. */
    List<WorkflowExecutionHistory> runs(Recording recording) {
      List<WorkflowExecutionHistory> runs =
          Stream.iterate(1, run -> run + 1)
              .map(run -> read(recording.folder + HistoryFiles.fileName(name, run)))
              .takeWhile(history -> history != null)
              .toList();
      assertThat(runs).as("runs recorded for %s", name).hasSizeGreaterThanOrEqualTo(minimumRuns);
      return runs;
    }
  }

  /**
   * Which code recorded a history. Runs started before a {@code Workflow.getVersion} change keep
   * replaying their old branch for as long as any may be open, so their recordings stay.
   */
  enum Recording {
    /**
     * Before {@link IncidentWorkflowImpl#PAGE_WHILE_OPENING}: the channel opened before the page.
     */
    V0("v0/"),
    /**
     * Before {@link IncidentWorkflowImpl#PAGE_BEFORE_SAVE}: the three lookups in turn, the first
     * save before the page.
     */
    V1("v1/"),
    /**
     * Version 1 of {@link IncidentWorkflowImpl#PAGE_BEFORE_SAVE}: the first save after the page.
     */
    V2("v2/"),
    /**
     * Version 2 of {@link IncidentWorkflowImpl#PAGE_BEFORE_SAVE} (the first save waits for the page
     * 5 s at most) with {@link IncidentWorkflowImpl#SLACK_IN_BACKGROUND}: the first page's targets
     * resolved after the lookups, in a local activity of their own.
     */
    V3("v3/"),
    /**
     * Version 3 of {@link IncidentWorkflowImpl#PAGE_BEFORE_SAVE} with {@link
     * IncidentWorkflowImpl#WAKE_TO_CONTINUE}: waits that ended early left their timers running.
     */
    V4("v4/"),
    /**
     * Version 3 of {@link IncidentWorkflowImpl#PAGE_BEFORE_SAVE} with {@link
     * IncidentWorkflowImpl#CANCEL_IDLE_TIMERS}: the lookups and the record in local activities, the
     * first page in an activity after them.
     */
    V5("v5/"),
    /**
     * Version 4 of {@link IncidentWorkflowImpl#PAGE_BEFORE_SAVE} (the opening activity pages) with
     * version 1 of {@link IncidentWorkflowImpl#CANCEL_IDLE_TIMERS}: timers due within the task
     * timeout were cancelled too.
     */
    V6("v6/"),
    /**
     * Version 2 of {@link IncidentWorkflowImpl#CANCEL_IDLE_TIMERS}, before {@link
     * IncidentWorkflowImpl#SLACK_TOGETHER}: each Slack message in an activity of its own.
     */
    V7("v7/"),
    /**
     * Before {@link IncidentWorkflowImpl#NO_STEPS_ONCE_OVER}, {@link
     * IncidentWorkflowImpl#SEVERITY_KEEPS_NOTICES} and {@link
     * IncidentWorkflowImpl#STEP_GOES_ON_WHEN_PAGE_REFUSED}: an escalation step asked for before a
     * resolve or cancel still ran after it; a severity change noticed every missed period again; a
     * refused page skipped its whole step.
     */
    V8("v8/"),
    /**
     * Before this session's versions ({@link IncidentWorkflowImpl#TICKET_FOR_UNPAGED}, {@link
     * IncidentWorkflowImpl#INVITE_WHO_IS_CALLED}, {@link
     * IncidentWorkflowImpl#RESOLVE_PAGES_WITHOUT_ACK}, {@link
     * IncidentWorkflowImpl#REFUSE_OTHER_INCIDENT}, {@link
     * IncidentWorkflowImpl#RENAME_CHANNEL_WITH_SEVERITY}): an incident that paged nobody opened no
     * ticket for the owning team, the people paged later or given a role were not invited to the
     * channel, an incident resolved untouched acknowledged its pages before resolving them, and a
     * severity change kept the channel's name.
     */
    V9("v9/"),
    /**
     * Before {@link IncidentWorkflowImpl#REPLAN_BY_WHO_WAS_CALLED} and {@link
     * IncidentWorkflowImpl#PAGE_AGAIN_ON_RECURRENCE}: a severity change went on with the new chain
     * after as many steps as had run, so raising a SEV2 to SEV1 after its step 1 skipped SEV1's
     * step 1 and the secondary on-call; an alert firing again in the monitoring window paged
     * nobody.
     */
    V10("v10/"),
    /**
     * Before {@link IncidentWorkflowImpl#RAISE_WITH_ALERTS}: an alert firing at a worse severity
     * than the incident's was noted and changed nothing else.
     */
    V11("v11/"),
    /**
     * Before {@link IncidentWorkflowImpl#RENAME_AFTER_WAITING_RENAMES} and {@link
     * IncidentWorkflowImpl#PAGES_IN_BACKGROUND}: a severity change compared the channel's name for
     * it with the name the channel had, not the one a rename still waiting would give it; each
     * PagerDuty event was awaited where it was made.
     */
    V12("v12/"),
    /**
     * Before {@link IncidentWorkflowImpl#BASELINE}: every run took the marker of each change at its
     * start, 23 of them in a new incident's first workflow task.
     */
    V13("v13/"),
    /**
     * Before {@link IncidentWorkflowImpl#ALERTS_BY_THEIR_STARTS} and {@link
     * IncidentWorkflowImpl#SAVES_IN_BACKGROUND}: every firing delivery reopened a resolved
     * incident, and every settle waited for its save, so an escalation step asked for while a save
     * was retried waited for it (manual-escalate-overtaken-by-cancel).
     */
    V14("v14/"),
    CURRENT("");

    final String folder;

    Recording(String folder) {
      this.folder = folder;
    }
  }

  static Stream<Arguments> recordings() {
    return Stream.of(Recording.values())
        .flatMap(
            recording ->
                Stream.of(RecordedPath.values())
                    .filter(path -> recording.compareTo(path.firstRecorded) >= 0)
                    .map(path -> Arguments.of(recording, path)));
  }

  /** The workflow with a change that is not replay-safe: a timer before its first activity. */
  static final class SleepFirstIncidentWorkflow extends IncidentWorkflowImpl {
    @Override
    public IncidentOutcome run(IncidentInput input) {
      Workflow.sleep(Duration.ofSeconds(1));
      return super.run(input);
    }
  }

  private static TestWorkflowEnvironment environment;
  private static int workers;

  @BeforeAll
  static void startEnvironment() {
    environment = TestWorkflowEnvironment.newInstance();
  }

  @AfterAll
  static void closeEnvironment() {
    environment.close();
  }

  private static Worker worker(Supplier<? extends IncidentWorkflow> implementation) {
    Worker worker = environment.newWorker("replay-" + ++workers);
    worker.registerWorkflowImplementationFactory(IncidentWorkflow.class, implementation::get);
    return worker;
  }

  private static WorkflowExecutionHistory read(String file) {
    try (InputStream json =
        IncidentWorkflowReplayTest.class
            .getClassLoader()
            .getResourceAsStream(HistoryFiles.RESOURCE_FOLDER + file)) {
      return json == null
          ? null
          : WorkflowExecutionHistory.fromJson(
              new String(json.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("recordings")
  void recordedHistoryReplaysWithTodaysWorkflow(Recording recording, RecordedPath path)
      throws Exception {
    Worker worker = worker(() -> new IncidentWorkflowImpl(path.settings));

    for (WorkflowExecutionHistory run : path.runs(recording)) {
      assertThat(run.getEvents()).as("events of %s", path.name).hasSizeGreaterThan(50);
      worker.replayWorkflowExecution(run);
    }
  }

  @ParameterizedTest
  @EnumSource(Recording.class)
  void continueAsNewHistoryEndsEachRunButTheLastByContinuingAsNew(Recording recording) {
    List<WorkflowExecutionHistory> runs = RecordedPath.CONTINUE_AS_NEW.runs(recording);

    for (WorkflowExecutionHistory run : runs.subList(0, runs.size() - 1)) {
      assertThat(run.getLastEvent().getEventType())
          .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    }
    assertThat(runs.get(runs.size() - 1).getLastEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  }

  @Test
  void replayFailsWhenTheWorkflowChangesNonDeterministically() {
    Worker changed = worker(SleepFirstIncidentWorkflow::new);
    WorkflowExecutionHistory before =
        RecordedPath.SEV1_UNACKNOWLEDGED_ESCALATION.runs(Recording.V0).get(0);
    WorkflowExecutionHistory now =
        RecordedPath.SEV1_UNACKNOWLEDGED_ESCALATION.runs(Recording.CURRENT).get(0);

    // The replayer reports the failure in a message, not as a cause.
    assertThatThrownBy(() -> changed.replayWorkflowExecution(before))
        .hasMessageContaining(NonDeterministicException.class.getName())
        .hasMessageContaining(
            "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED does not match command type COMMAND_TYPE_START_TIMER");
    // Today's first command is the opening activity, where the changed workflow starts a timer.
    assertThatThrownBy(() -> changed.replayWorkflowExecution(now))
        .hasMessageContaining(NonDeterministicException.class.getName())
        .hasMessageContaining(
            "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED does not match command type COMMAND_TYPE_START_TIMER");
  }

  @Test
  void continuingAsNewAtAnotherThresholdIsAlsoCaught() {
    Worker defaults = worker(IncidentWorkflowImpl::new);
    WorkflowExecutionHistory firstRun = RecordedPath.CONTINUE_AS_NEW.runs(Recording.CURRENT).get(0);

    // Where it shows depends on what the run did between deciding to continue and continuing (it
    // lets its Slack calls finish first), so only the kind of failure is asserted.
    assertThatThrownBy(() -> defaults.replayWorkflowExecution(firstRun))
        .hasMessageContaining(NonDeterministicException.class.getName());
  }
}
