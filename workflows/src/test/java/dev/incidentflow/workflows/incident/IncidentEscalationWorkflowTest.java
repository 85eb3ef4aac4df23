package dev.incidentflow.workflows.incident;

import static dev.incidentflow.workflows.model.TimelineEventType.CHANNEL_RENAMED;
import static dev.incidentflow.workflows.model.TimelineEventType.ESCALATED;
import static dev.incidentflow.workflows.model.TimelineEventType.PAGED;
import static dev.incidentflow.workflows.model.TimelineEventType.ROLE_ASSIGNED;
import static dev.incidentflow.workflows.model.TimelineEventType.SEVERITY_CHANGED;
import static dev.incidentflow.workflows.model.TimelineEventType.TICKET_CREATED;
import static dev.incidentflow.workflows.model.TimelineEventType.UPDATE_OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.activities.ChannelMessage;
import dev.incidentflow.workflows.activities.ChannelRename;
import dev.incidentflow.workflows.activities.PagerEvent;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.policy.TestPolicies;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every escalation row of the default policy, on Temporal's time-skipping test server. */
class IncidentEscalationWorkflowTest {
  private static final String CHANNEL = "C100";

  @RegisterExtension final IncidentTestEnvironment env = IncidentTestEnvironment.quickTasks();

  private static Duration minutes(long minutes, long seconds) {
    return Duration.ofMinutes(minutes).plusSeconds(seconds);
  }

  private static String key(int step) {
    return "incidentflow-INC-1-step-" + step;
  }

  private List<String> escalatedLevels() {
    return env.events(1, ESCALATED).stream().map(event -> event.data().get("level")).toList();
  }

  @Test
  @Timeout(60) // before the change, acknowledging waited for Slack
  void whileSlackIsDownTheIncidentStillEscalatesAndTakesAcknowledgementsThenSlackCatchesUp() {
    env.slack.down = true;
    IncidentWorkflow incident = env.beginAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(10));

    env.sleepUntil(1, minutes(5, 1));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1));
    assertThat(escalatedLevels()).containsExactly("1");
    IncidentView acknowledged = incident.acknowledge(new Transition("bob", "on it"));
    assertThat(acknowledged.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    env.sleep(Duration.ofSeconds(30));
    assertThat(env.paging.of(PagerEvent.Action.ACKNOWLEDGE)).isNotEmpty();
    assertThat(env.slack.channels).isEmpty();
    assertThat(env.slack.messages).isEmpty();
    assertThat(env.slack.directMessages).isEmpty();

    env.slack.down = false;
    env.sleep(Duration.ofMinutes(2));

    // Everything that waited for Slack goes out once, in order, in the channel opened late.
    assertThat(env.slack.channels).hasSize(1);
    assertThat(env.slack.dmRecipients()).containsExactly("alice", "bob", "dana");
    assertThat(env.slack.briefings).hasSize(1);
    List<String> posts = env.slack.textsIn(CHANNEL);
    assertThat(posts).filteredOn(text -> text.startsWith("Paging ")).hasSize(1);
    assertThat(posts)
        .filteredOn(text -> text.startsWith("Escalation level 1 for INC-1"))
        .hasSize(1);
    assertThat(posts.indexOf(posts.stream().filter(t -> t.startsWith("Paging ")).findFirst().get()))
        .isLessThan(
            posts.indexOf(
                posts.stream().filter(t -> t.startsWith("Escalation level 1")).findFirst().get()));
    assertThat(env.slack.topics)
        .last()
        .extracting(ChannelMessage::text)
        .asString()
        .contains("acknowledged");
    assertThat(env.slack.textsIn("incidents")).anyMatch(text -> text.startsWith("INC-1 declared"));
  }

  @Test
  void anEscalationByHandThatACancelOvertakesPagesNobodyAndIsRefused() throws Exception {
    env.startAlertIncident("alert-a", Severity.SEV1);
    Overtaking overtaking = escalationOvertakenBy("cancel", new Transition("bob", "false alarm"));
    WorkflowUpdateHandle<IncidentView> escalating = overtaking.escalating();
    WorkflowUpdateHandle<IncidentView> canceling = overtaking.change();
    env.sleep(Duration.ofMinutes(2));

    assertThat(canceling.getResultAsync().get(30, TimeUnit.SECONDS).status())
        .isEqualTo(IncidentStatus.CANCELED);
    assertThatThrownBy(() -> escalating.getResultAsync().get(30, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(ApplicationFailure.class)
        .rootCause()
        .hasMessageContaining("INC-1 was canceled before its escalation ran; nobody was paged");
    assertThat(env.awaitOutcome("alert-a").status()).isEqualTo(IncidentStatus.CANCELED);
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0));
    assertThat(env.events(1, ESCALATED)).isEmpty();
    assertThat(env.slack.dmRecipients()).containsExactly("alice");
    env.recordHistory("manual-escalate-overtaken-by-cancel", "alert-a");
  }

  @Test
  void aStepAResolveOvertookIsCalledWhenTheReopenedIncidentIsRaisedAndEscalated() throws Exception {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV2);
    // The escalation by hand (SEV2's step 1, the manager) never runs.
    Overtaking overtaking = escalationOvertakenBy("resolve", new Transition("bob", ""));
    WorkflowUpdateHandle<IncidentView> escalating = overtaking.escalating();
    WorkflowUpdateHandle<IncidentView> resolving = overtaking.change();
    env.sleep(Duration.ofMinutes(1));
    assertThat(resolving.getResultAsync().get(30, TimeUnit.SECONDS).status())
        .isEqualTo(IncidentStatus.RESOLVED);
    assertThatThrownBy(() -> escalating.getResultAsync().get(30, TimeUnit.SECONDS))
        .rootCause()
        .hasMessageContaining("INC-1 was resolved before its escalation ran; nobody was paged");

    incident.reopen(new Transition("bob", "errors are back"));
    incident.changeSeverity(new SeverityChange(Severity.SEV1, "bob", "all regions"));
    IncidentView escalated = incident.escalate(new Transition("bob", ""));
    env.sleep(Duration.ofSeconds(30)); // the DMs go out after the answer

    // SEV1's step 1 has the same number as the step the resolve overtook; it runs, and the
    // manager, never paged, is paged with the secondary.
    assertThat(escalated.escalationLevel()).isEqualTo(1);
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1));
    assertThat(env.slack.dmRecipients()).containsExactly("alice", "bob", "dana");
  }

  @Test
  void aStepWhosePagePagerDutyRefusesStillTellsItsPeopleAndTheChannelWhy() {
    env.paging.rejectsTriggers = true;
    env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleepUntil(1, minutes(5, 1));

    assertThat(env.paging.triggeredKeys()).isEmpty();
    assertThat(env.slack.dmRecipients()).contains("alice", "bob", "dana");
    assertThat(env.slack.textsIn(CHANNEL))
        .contains(
            "Escalation level 1 for INC-1: paging <@U0BOB>, <@U0DANA> (not acknowledged after 5m)")
        .filteredOn(text -> text.startsWith("PagerDuty refused the page of escalation level 1"))
        .singleElement()
        .asString()
        .isEqualTo(
            "PagerDuty refused the page of escalation level 1 for INC-1, so nobody was paged"
                + " through it: PagerDuty answered 400: Event object is invalid");
    assertThat(escalatedLevels()).containsExactly("1");
  }

  /** An escalation by hand and the change that overtakes it. */
  private record Overtaking(
      WorkflowUpdateHandle<IncidentView> escalating, WorkflowUpdateHandle<IncidentView> change) {}

  /**
   * Escalates alert-a's incident by hand 10 s in, and has {@code change} (an end: resolve or
   * cancel) taken before the step runs: the directory holds the step's lookup of its targets back
   * while {@code change} is taken. (Before saves went to the background, a save the database held
   * back did; those runs replay from histories/v14/.)
   */
  private Overtaking escalationOvertakenBy(String change, Transition transition) {
    env.sleep(Duration.ofSeconds(10));
    env.directory.targetsDown = true;
    WorkflowUpdateHandle<IncidentView> escalating = accepted("escalate", new Transition("bob", ""));
    WorkflowUpdateHandle<IncidentView> overtaking = accepted(change, transition);
    env.directory.targetsDown = false;
    return new Overtaking(escalating, overtaking);
  }

  /**
   * The cancel is taken while the step's lookup holds a settle that began with the incident open,
   * its saves in the background: the end is still saved before the channel is archived and the run
   * ends.
   */
  @Test
  void anIncidentEndedWhileASettleRunsSavesItsEndBeforeItCloses() throws Exception {
    env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(10));
    env.store.savesDown = true;
    env.directory.targetsDown = true;
    WorkflowUpdateHandle<IncidentView> escalating = accepted("escalate", new Transition("bob", ""));
    WorkflowUpdateHandle<IncidentView> canceling =
        accepted("cancel", new Transition("bob", "false alarm"));
    env.directory.targetsDown = false;
    // While saves fail each is retried in real time for its first minute, so the run is watched
    // for 10 s of real time rather than left minutes of workflow time.
    env.sleep(Duration.ofSeconds(10));
    for (int second = 0; second < 10; second++) {
      assertThat(env.slack.archived).as("archived before its end was saved").isEmpty();
      Thread.sleep(1000);
    }
    assertThat(env.store.incident(1).status()).isEqualTo(IncidentStatus.TRIGGERED);

    env.store.savesDown = false;
    // Sleeping skips to the save's next attempt; waiting on the answer would not.
    env.sleep(Duration.ofMinutes(2));
    assertThat(canceling.getResultAsync().get(30, TimeUnit.SECONDS).status())
        .isEqualTo(IncidentStatus.CANCELED);
    assertThatThrownBy(() -> escalating.getResultAsync().get(30, TimeUnit.SECONDS))
        .rootCause()
        .hasMessageContaining("INC-1 was canceled before its escalation ran; nobody was paged");
    assertThat(env.awaitOutcome("alert-a").status()).isEqualTo(IncidentStatus.CANCELED);
    assertThat(env.store.incident(1).status()).isEqualTo(IncidentStatus.CANCELED);
    assertThat(env.slack.archived).hasSize(1);
  }

  @Test
  void aSaveTheDatabaseRefusesIsMadeAgainEveryMinuteWhileTheIncidentGoesOn() {
    env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofMinutes(1));
    env.store.savesRefused = true;

    env.sleepUntil(1, minutes(10, 30));

    // A refusal is not retried by the activity: the incident waits a minute between saves rather
    // than saving again at once, in a loop within one workflow task.
    assertThat(env.store.failedSaves.get()).isBetween(5L, 12L);
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1), key(2));

    env.store.savesRefused = false;
    env.sleep(Duration.ofMinutes(2));
    assertThat(escalatedLevels()).containsExactly("1", "2");
  }

  @Test
  void whileTheDatabaseIsDownAnOpenIncidentStillEscalatesAndIsSavedOnceItIsBack() {
    env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofMinutes(1));
    env.store.savesDown = true;

    env.sleepUntil(1, minutes(10, 30));

    // Step 1 pages at 5 minutes and step 2 at 10, while the save of step 1 is still retried.
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1), key(2));
    assertThat(env.store.failedSaves.get()).isGreaterThan(0);
    assertThat(env.events(1, ESCALATED)).isEmpty();

    env.store.savesDown = false;
    env.sleep(Duration.ofMinutes(2));

    assertThat(escalatedLevels()).containsExactly("1", "2");
    assertThat(env.store.conflicts()).isEmpty();
  }

  private WorkflowUpdateHandle<IncidentView> accepted(String name, Object argument) {
    return WorkflowStub.fromTyped(env.existing("alert-a"))
        .startUpdate(
            UpdateOptions.newBuilder(IncidentView.class)
                .setUpdateName(name)
                .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                .build(),
            argument);
  }

  @Test
  @Timeout(60) // before the change, acknowledging waited for PagerDuty
  void whilePagerDutyIsDownTheIncidentStillMessagesEscalatesAndTakesChangesThenPagesInOrder() {
    env.paging.down = true;
    IncidentWorkflow incident = env.beginAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(10));

    env.sleepUntil(1, minutes(5, 1));
    // Level 1 ran on time, and its people and the first page's heard, though PagerDuty took none.
    assertThat(env.paging.events).isEmpty();
    assertThat(escalatedLevels()).containsExactly("1");
    assertThat(env.slack.dmRecipients()).containsExactly("alice", "bob", "dana");
    IncidentView acknowledged = incident.acknowledge(new Transition("bob", "on it"));
    assertThat(acknowledged.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    incident.resolve(new Transition("bob", "rolled back"));
    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.RESOLVED);

    env.paging.down = false;
    env.sleep(Duration.ofMinutes(2));
    // Each event once, in the order it was made: no acknowledgement before the page it closes. The
    // first page was on its way; level 1's, still waiting when bob acknowledged, calls nobody now.
    assertThat(env.paging.events)
        .extracting(event -> event.action() + " " + event.dedupKey())
        .containsExactly(
            "TRIGGER " + key(0),
            "ACKNOWLEDGE " + key(0),
            "ACKNOWLEDGE " + key(1),
            "RESOLVE " + key(0),
            "RESOLVE " + key(1));
    env.recordHistory("pagerduty-down", "alert-a");
  }

  @Test
  void changesMadeWhileSlackIsDownAreAnnouncedAfterTheIncidentItself() {
    env.slack.down = true;
    IncidentWorkflow incident = env.beginAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(30));
    incident.changeSeverity(new SeverityChange(Severity.SEV2, "bob", "smaller than it looked"));
    incident.cancel(new Transition("bob", "false alarm"));
    env.sleep(Duration.ofSeconds(30));
    env.slack.down = false;

    // Waiting on the result skips time through the queued posts' retries to the run's end.
    assertThat(env.awaitOutcome("alert-a").status()).isEqualTo(IncidentStatus.CANCELED);
    List<String> announced = env.slack.textsIn("incidents");
    assertThat(announced).hasSize(3);
    assertThat(announced.get(0)).startsWith("INC-1 declared (");
    assertThat(announced.get(1)).contains("SEV2");
    assertThat(announced.get(2)).contains("false alarm");
  }

  @Test
  void unacknowledgedSev1ReachesLevelOneAtFiveMinutesAndLevelThreeAtTwentyAndNotEarlier() {
    env.startAlertIncident("alert-a", Severity.SEV1);

    env.sleepUntil(1, minutes(4, 59));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0));
    assertThat(env.events(1, ESCALATED)).isEmpty();

    env.sleepUntil(1, minutes(5, 1));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1));
    assertThat(env.events(1, ESCALATED))
        .singleElement()
        .satisfies(
            escalated -> {
              assertThat(escalated.at())
                  .isBetween(
                      env.startedAt(1).plus(minutes(5, 0)), env.startedAt(1).plus(minutes(5, 1)));
              assertThat(escalated.text())
                  .isEqualTo("Escalated to level 1: paged bob, dana (not acknowledged after 5m)");
              assertThat(escalated.data()).containsEntry("level", "1");
            });
    assertThat(env.slack.dmRecipients()).containsExactly("alice", "bob", "dana");

    env.sleepUntil(1, minutes(9, 59));
    assertThat(escalatedLevels()).containsExactly("1");
    env.sleepUntil(1, minutes(10, 1));
    assertThat(escalatedLevels()).containsExactly("1", "2");

    env.sleepUntil(1, minutes(19, 59));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1), key(2));
    env.sleepUntil(1, minutes(20, 1));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1), key(2), key(3));
    assertThat(escalatedLevels()).containsExactly("1", "2", "3");
    assertThat(env.slack.dmRecipients()).containsExactly("alice", "bob", "dana", "erin", "frank");
    // Step 0's people were in the channel from its start; each later step's are invited into it.
    assertThat(env.slack.invited())
        .containsExactly(List.of("bob", "dana"), List.of("erin"), List.of("frank"));
    assertThat(env.slack.invites).allMatch(invite -> invite.channelId().equals(CHANNEL));
    assertThat(env.slack.textsIn(CHANNEL))
        .contains("Escalation level 3 for INC-1: paging <@U0FRANK> (not resolved after 20m)");
    assertThat(env.incident(1).escalationLevel()).isEqualTo(3);

    env.sleepUntil(1, Duration.ofHours(2));
    assertThat(env.paging.triggeredKeys()).hasSize(4);
    env.recordHistory("sev1-unacknowledged-escalation", "alert-a");
  }

  @Test
  void whoIsCalledWhileTheChannelIsOpeningIsInvitedOnceItOpensBesidesItsMembers() {
    env.slack.down = true;
    IncidentWorkflow incident = env.beginAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(10));
    // Step 1 pages bob and dana, whom the channel is being opened with; step 2 pages erin.
    env.sleepUntil(1, minutes(10, 1));
    incident.assignRole(new RoleAssignment("communications", "carol", "bob"));

    env.slack.down = false;
    env.sleep(Duration.ofMinutes(2));

    assertThat(env.slack.openRequests)
        .last()
        .satisfies(
            request ->
                assertThat(request.members())
                    .extracting(Person::handle)
                    .containsExactly("alice", "bob", "dana"));
    assertThat(env.slack.invited()).containsExactly(List.of("erin", "carol"));
    assertThat(env.slack.invites).allMatch(invite -> invite.channelId().equals(CHANNEL));
  }

  @Test
  void whoIsCalledWhileAChannelSlackNeverOpensIsInvitedNowhere() {
    env.slack.rejectChannels = true;
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    incident.assignRole(new RoleAssignment("communications", "carol", "bob"));
    env.sleepUntil(1, minutes(10, 1));

    assertThat(env.slack.channels).isEmpty();
    assertThat(env.paging.triggeredKeys()).hasSize(3);
    assertThat(env.slack.invites).isEmpty();
  }

  @Test
  void acknowledgingAtFourMinutesStopsLevelOne() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleepUntil(1, minutes(4, 0));

    incident.acknowledge(new Transition("alice", "on it"));
    env.sleepUntil(1, minutes(9, 59));

    assertThat(env.paging.triggeredKeys()).containsExactly(key(0));
    assertThat(env.paging.of(PagerEvent.Action.ACKNOWLEDGE))
        .extracting(PagerEvent::dedupKey)
        .containsExactly(key(0));
    assertThat(env.slack.dmRecipients()).containsExactly("alice");
    assertThat(env.events(1, ESCALATED)).isEmpty();

    env.sleepUntil(1, minutes(10, 1));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(2));
    assertThat(escalatedLevels()).containsExactly("2");
    env.recordHistory("sev1-acknowledged-at-four-minutes", "alert-a");
  }

  @Test
  void unacknowledgedSev2PagesTheEngineeringManagerAtFifteenMinutes() {
    env.startAlertIncident("alert-a", Severity.SEV2);

    env.sleepUntil(1, minutes(14, 59));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0));
    assertThat(env.paging.events).extracting(PagerEvent::severity).containsOnly("error");

    env.sleepUntil(1, minutes(15, 1));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1));
    assertThat(env.slack.dmRecipients()).containsExactly("alice", "dana");
    assertThat(env.events(1, ESCALATED))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo("Escalated to level 1: paged dana (not acknowledged after 15m)");

    env.sleepUntil(1, Duration.ofHours(2));
    assertThat(env.paging.triggeredKeys()).hasSize(2);
    env.recordHistory("sev2-engineering-manager", "alert-a");
  }

  @Test
  void sev2RaisedToSev1AfterPagingItsManagerPagesTheSecondaryAtOnceAndNotTheManagerAgain() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV2);
    env.sleepUntil(1, minutes(16, 0));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1));

    incident.changeSeverity(new SeverityChange(Severity.SEV1, "alice", "all regions"));
    env.sleepUntil(1, minutes(16, 1));

    // SEV1's step 1 (the secondary and the manager) came due at 5 minutes: it calls the secondary
    // now, under a key of its own, for PagerDuty would fold a second page under step 1's key into
    // the manager's open alert. Step 2 (the VP, due at 10 minutes) follows.
    assertThat(env.paging.triggeredKeys())
        .containsExactly(key(0), key(1), key(1) + "-sev1", key(2));
    assertThat(env.slack.dmRecipients()).containsExactly("alice", "dana", "bob", "erin");
    assertThat(env.events(1, ESCALATED))
        .extracting(TimelineEvent::text)
        .containsExactly(
            "Escalated to level 1: paged dana (not acknowledged after 15m)",
            "Escalated to level 1: paged bob (not acknowledged after 5m)",
            "Escalated to level 2: paged erin (not identified after 10m)");

    env.sleepUntil(1, minutes(20, 1));
    assertThat(escalatedLevels()).containsExactly("1", "1", "2", "3");
    assertThat(env.paging.triggeredKeys()).hasSize(5).doesNotHaveDuplicates();

    incident.resolve(new Transition("alice", ""));
    env.sleepUntil(1, minutes(21, 0));
    assertThat(env.paging.of(PagerEvent.Action.RESOLVE))
        .extracting(PagerEvent::dedupKey)
        .containsExactlyInAnyOrder(key(0), key(1), key(1) + "-sev1", key(2), key(3));
    env.recordHistory("sev2-raised-to-sev1-after-its-manager", "alert-a");
  }

  @Test
  void sev1LoweredToSev2AndRaisedAgainCallsNobodyTwice() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleepUntil(1, minutes(5, 30));
    incident.changeSeverity(new SeverityChange(Severity.SEV2, "alice", ""));
    env.sleepUntil(1, minutes(6, 0));
    incident.changeSeverity(new SeverityChange(Severity.SEV1, "alice", ""));
    env.sleepUntil(1, minutes(10, 1));

    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1), key(2));
    assertThat(env.slack.dmRecipients()).containsExactly("alice", "bob", "dana", "erin");

    assertThat(escalatedLevels()).containsExactly("1", "2");
  }

  @Test
  void aSev4WhoseAlertTurnsCriticalBecomesASev1AndPages() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV4);
    env.sleepUntil(1, minutes(2, 0));
    assertThat(env.paging.triggeredKeys()).isEmpty();

    incident.alert(env.firing("alert-a", Severity.SEV1));
    env.sleepUntil(1, minutes(2, 1));

    assertThat(env.incident(1).severity()).isEqualTo(Severity.SEV1);
    assertThat(env.events(1, SEVERITY_CHANGED))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo(
            "Severity SEV4 -> SEV1 by system: its alert fires at SEV1 now"
                + " (Checkout error budget burn)");
    assertThat(env.paging.of(PagerEvent.Action.TRIGGER))
        .singleElement()
        .satisfies(
            page -> {
              assertThat(page.dedupKey()).isEqualTo(key(0));
              assertThat(page.severity()).isEqualTo("critical");
            });
    assertThat(env.slack.dmRecipients()).containsExactly("alice");
    // The page's message links the channel by its id, so it reads under the name the rename gives.
    assertThat(env.slack.directMessages.get(0).text()).endsWith("Join <#" + CHANNEL + ">.");
    assertThat(env.slack.renames)
        .containsExactly(new ChannelRename(CHANNEL, "inc-1-sev1-checkout-error-budget-burn"));

    // Delivered again at SEV1 or at a better severity, it changes nothing more; SEV1's chain
    // counts from the raise, so its step 1 comes at 7 minutes, not at once.
    incident.alert(env.firing("alert-a", Severity.SEV1));
    incident.alert(env.firing("alert-a", Severity.SEV3));
    env.sleepUntil(1, minutes(6, 59));
    assertThat(env.events(1, SEVERITY_CHANGED)).hasSize(1);
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0));
    env.sleepUntil(1, minutes(7, 1));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1));

    incident.resolve(new Transition("alice", ""));
    env.sleepUntil(1, minutes(8, 0));
    env.recordHistory("sev4-alert-turns-critical", "alert-a");
  }

  @Test
  void anUnacknowledgedSev1LoweredToSev3AndRaisedAgainPagesItsPrimaryAgainUnderANewKey() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleepUntil(1, minutes(2, 0));
    incident.changeSeverity(new SeverityChange(Severity.SEV3, "alice", "only one shard"));
    env.sleepUntil(1, minutes(3, 0));
    assertThat(env.paging.of(PagerEvent.Action.RESOLVE))
        .extracting(PagerEvent::dedupKey)
        .containsExactly(key(0));

    incident.changeSeverity(new SeverityChange(Severity.SEV1, "alice", "all shards now"));
    env.sleepUntil(1, minutes(3, 1));

    // PagerDuty resolved step 0's alert: the primary is paged again, under a key of its own.
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(0) + "-sev1");
    assertThat(env.slack.dmRecipients()).containsExactly("alice", "alice");

    incident.acknowledge(new Transition("alice", ""));
    incident.resolve(new Transition("alice", ""));
    env.sleepUntil(1, minutes(4, 0));
    assertThat(env.paging.triggeredKeys()).hasSize(2);
    // Temporal UI finds it under the severity it has had, as it changed.
    assertThat(env.upserted("alert-a", "IncidentSeverity"))
        .containsSubsequence("SEV1", "SEV3", "SEV1");
    env.recordHistory("sev1-lowered-to-sev3-and-raised-again", "alert-a");
  }

  @Test
  void acknowledgedSev2NeverPagesTheEngineeringManager() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV2);
    env.sleepUntil(1, minutes(14, 0));

    incident.acknowledge(new Transition("alice", ""));
    env.sleepUntil(1, minutes(29, 0));
    assertThat(env.slack.dmRecipients()).containsExactly("alice");
    env.sleepUntil(1, Duration.ofHours(2));

    assertThat(env.paging.triggeredKeys()).containsExactly(key(0));
    assertThat(env.events(1, ESCALATED)).isEmpty();
  }

  @Test
  void sev2DowngradedToSev3StopsPagingAndNagging() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV2);
    env.sleepUntil(1, minutes(7, 0));

    IncidentView view =
        incident.changeSeverity(new SeverityChange(Severity.SEV3, "alice", "only EU"));
    env.sleepUntil(1, Duration.ofHours(3));

    assertThat(view.severity()).isEqualTo(Severity.SEV3);
    assertThat(view.nextUpdateDue()).isNull();
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0));
    // Its page is resolved, so PagerDuty's own escalation stops too.
    assertThat(env.paging.of(PagerEvent.Action.RESOLVE))
        .extracting(PagerEvent::dedupKey)
        .containsExactly(key(0));
    assertThat(env.slack.textsIn(CHANNEL))
        .contains("SEV3 pages nobody: the pages of INC-1 are resolved");
    assertThat(env.events(1, UPDATE_OVERDUE)).isEmpty();
    assertThat(env.events(1, SEVERITY_CHANGED))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo("Severity SEV2 -> SEV3 by alice: only EU");
    assertThat(env.incident(1).severity()).isEqualTo(Severity.SEV3);
    assertThatThrownBy(() -> incident.escalate(new Transition("bob", "")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("SEV3 does not page; raise the severity to escalate");
    assertThat(env.tracker.issues).containsOnlyKeys("PAY-1");
    assertThat(env.events(1, TICKET_CREATED))
        .singleElement()
        .extracting(TimelineEvent::at)
        .satisfies(
            at ->
                assertThat(at)
                    .isBetween(
                        env.startedAt(1).plus(minutes(7, 0)),
                        env.startedAt(1).plus(minutes(7, 1))));
    env.recordHistory("sev2-downgraded-to-sev3", "alert-a");
  }

  @Test
  void sev3RaisedToSev1PagesStepZeroAtOnceAndEscalatesFromThere() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV3);
    env.sleepUntil(1, minutes(2, 0));
    assertThat(env.paging.events).isEmpty();

    incident.changeSeverity(new SeverityChange(Severity.SEV1, "alice", ""));
    env.sleepUntil(1, minutes(2, 1));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0));
    assertThat(env.events(1, PAGED)).hasSize(1);

    env.sleepUntil(1, minutes(5, 1));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1));
  }

  @Test
  void severityChangeIsAnnouncedInTheChannelAndToStakeholdersAndTheTopicFollows() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV2);
    env.sleepUntil(1, minutes(7, 0));

    IncidentView view =
        incident.changeSeverity(new SeverityChange(Severity.SEV1, "erin", "all regions"));
    env.sleepUntil(1, minutes(7, 1));

    assertThat(view.severity()).isEqualTo(Severity.SEV1);
    assertThat(env.slack.textsIn(CHANNEL))
        .contains("INC-1 Severity SEV2 -> SEV1 by erin: all regions");
    assertThat(env.slack.textsIn("incidents"))
        .contains(
            "INC-1 (checkout) Severity SEV2 -> SEV1 by erin: all regions: Checkout error budget burn");
    assertThat(env.slack.topics)
        .last()
        .extracting(topic -> topic.text())
        .asString()
        .startsWith("SEV1 | triggered");
    // SEV1's level 1 was due at 5m: the change fires it now, and step 0 is not paged again.
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1));
    assertThat(env.paging.of(PagerEvent.Action.TRIGGER))
        .last()
        .extracting(PagerEvent::severity)
        .isEqualTo("critical");
    // The channel's name says the new severity.
    assertThat(env.slack.renames)
        .containsExactly(new ChannelRename(CHANNEL, "inc-1-sev1-checkout-error-budget-burn"));
    assertThat(env.incident(1).channelName()).isEqualTo("inc-1-sev1-checkout-error-budget-burn");
    assertThat(env.events(1, CHANNEL_RENAMED))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo(
            "Renamed #inc-1-sev2-checkout-error-budget-burn to #inc-1-sev1-checkout-error-budget-burn");
    env.recordHistory("severity-change", "alert-a");
  }

  @Test
  void aChannelNameSlackRefusesLeavesTheOldNameAndTheIncidentGoesOn() {
    env.slack.takenName = "inc-1-sev1-checkout-error-budget-burn";
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV2);

    incident.changeSeverity(new SeverityChange(Severity.SEV1, "erin", ""));
    env.sleepUntil(1, minutes(1, 0));

    assertThat(env.slack.renames).isEmpty();
    assertThat(env.events(1, CHANNEL_RENAMED)).isEmpty();
    assertThat(env.incident(1).channelName()).isEqualTo("inc-1-sev2-checkout-error-budget-burn");
    assertThat(env.incident(1).severity()).isEqualTo(Severity.SEV1);
    assertThat(incident.acknowledge(new Transition("bob", "")).status())
        .isEqualTo(IncidentStatus.ACKNOWLEDGED);
  }

  @Test
  void aSeverityRaisedAndLoweredBeforeSlackRenamedTheChannelEndsWithTheLowersName() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV2);
    env.sleepUntil(1, minutes(1, 0));
    env.slack.down = true;

    incident.changeSeverity(new SeverityChange(Severity.SEV1, "erin", "all regions"));
    incident.changeSeverity(new SeverityChange(Severity.SEV2, "erin", "one region after all"));
    env.sleep(Duration.ofSeconds(30));
    assertThat(env.slack.renames).isEmpty();
    env.slack.down = false;
    env.sleep(Duration.ofMinutes(2));

    // The lowering is compared with the name the raise asked for, not the one Slack has not
    // changed yet: the channel is renamed there and back, and says SEV2 as the incident does.
    assertThat(env.slack.renames)
        .containsExactly(
            new ChannelRename(CHANNEL, "inc-1-sev1-checkout-error-budget-burn"),
            new ChannelRename(CHANNEL, "inc-1-sev2-checkout-error-budget-burn"));
    assertThat(env.incident(1).severity()).isEqualTo(Severity.SEV2);
    assertThat(env.incident(1).channelName()).isEqualTo("inc-1-sev2-checkout-error-budget-burn");
    env.recordHistory("severity-raised-and-lowered-while-slack-is-down", "alert-a");
  }

  @Test
  void roleAssignmentIsAnnouncedAndAnUnknownRoleIsRefusedAsMalformed() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);

    IncidentView view = incident.assignRole(new RoleAssignment("commander", "carol", "alice"));
    incident.assignRole(new RoleAssignment("communications", "bob", "carol"));
    env.sleep(Duration.ofSeconds(1)); // announced after the update answers, once it is persisted

    assertThat(view.commander()).isEqualTo("carol");
    assertThat(env.slack.textsIn(CHANNEL))
        .contains(
            "INC-1: carol is now commander (assigned by alice)",
            "INC-1: bob is now communications (assigned by carol)");
    assertThat(env.events(1, ROLE_ASSIGNED)).hasSize(2);
    assertThat(env.slack.invited()).containsExactly(List.of("carol"), List.of("bob"));
    assertThat(env.incident(1).roles())
        .containsEntry("commander", "carol")
        .containsEntry("communications", "bob");
    assertThatThrownBy(() -> incident.assignRole(new RoleAssignment("pilot", "bob", "carol")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(
            "unknown role 'pilot'; roles are commander, communications, scribe, tech-lead")
        .extracting(failure -> ((ApplicationFailure) failure).getType())
        .isEqualTo(IllegalArgumentException.class.getName());
    assertThat(env.events(1, ROLE_ASSIGNED)).hasSize(2);
    env.recordHistory("role-assignment", "alert-a");
  }

  @Test
  void manualEscalateRunsTheNextStepNowAndAnswersWithTheNewLevel() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleepUntil(1, minutes(2, 0));

    IncidentView view = incident.escalate(new Transition("alice", "need a second pair of hands"));
    env.sleep(Duration.ofSeconds(1)); // the page goes out after the answer, in the background

    assertThat(view.escalationLevel()).isEqualTo(1);
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1));
    assertThat(env.events(1, ESCALATED))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo(
            "Escalated to level 1: paged bob, dana (escalated by alice: need a second pair of hands)");

    env.sleepUntil(1, minutes(9, 59));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1));
    env.sleepUntil(1, minutes(10, 1));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(1), key(2));
    env.recordHistory("manual-escalate", "alert-a");
  }

  @Test
  void manualEscalateIsRefusedOnceTheChainIsDone() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleepUntil(1, minutes(21, 0));

    assertThatThrownBy(() -> incident.escalate(new Transition("alice", "")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("INC-1 has run every step of its escalation chain");
    assertThat(env.paging.triggeredKeys()).hasSize(4);
  }

  @Test
  void aFirstStepThatReachesNobodyPagesTheNextAtOnce() {
    env.directory.setPolicy(
        TestPolicies.withSev1Chain(
            TestPolicies.step(0, null, "role:nobody-home"),
            TestPolicies.step(5, IncidentStatus.ACKNOWLEDGED, "role:engineering-manager"),
            TestPolicies.step(10, IncidentStatus.IDENTIFIED, "role:vp-engineering")));
    env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleepUntil(1, minutes(0, 30));

    assertThat(env.events(1, ESCALATED))
        .extracting(TimelineEvent::text)
        .containsExactly("Escalated to level 1: paged dana (nobody was reached at level 0)");
    assertThat(env.paging.triggeredKeys()).containsExactly(key(1));
    env.sleepUntil(1, minutes(10, 1));
    assertThat(env.paging.triggeredKeys()).containsExactly(key(1), key(2));
    env.recordHistory("first-step-reaching-nobody", "alert-a");
  }

  @Test
  void stepWhoseTargetsResolveToNobodyIsRecordedAsSuchAndTheChainMovesOn() {
    env.directory.setPolicy(
        TestPolicies.withSev1Chain(
            TestPolicies.step(0, null, "oncall:primary"),
            TestPolicies.step(5, IncidentStatus.ACKNOWLEDGED, "role:nobody-home"),
            TestPolicies.step(10, IncidentStatus.IDENTIFIED, "role:vp-engineering")));
    env.startAlertIncident("alert-a", Severity.SEV1);

    // The primary was reached at level 0 and can acknowledge: the VP keeps level 2's time.
    env.sleepUntil(1, minutes(10, 1));

    assertThat(env.events(1, ESCALATED))
        .extracting(TimelineEvent::text)
        .containsExactly(
            "Escalated to level 1: paged nobody (role:nobody-home resolved to nobody) (not acknowledged after 5m)",
            "Escalated to level 2: paged erin (not identified after 10m)");
    assertThat(env.slack.textsIn(CHANNEL))
        .contains(
            "Escalation level 1 for INC-1: paging nobody (not acknowledged after 5m). Resolved to nobody: role:nobody-home");
    assertThat(env.paging.triggeredKeys()).containsExactly(key(0), key(2));
    assertThat(env.incident(1).escalationLevel()).isEqualTo(2);
    env.recordHistory("step-resolving-to-nobody", "alert-a");
  }
}
