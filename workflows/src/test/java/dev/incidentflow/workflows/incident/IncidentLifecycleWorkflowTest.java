package dev.incidentflow.workflows.incident;

import static dev.incidentflow.workflows.model.TimelineEventType.CANCELED;
import static dev.incidentflow.workflows.model.TimelineEventType.CLOSED;
import static dev.incidentflow.workflows.model.TimelineEventType.ESCALATED;
import static dev.incidentflow.workflows.model.TimelineEventType.REOPENED;
import static dev.incidentflow.workflows.model.TimelineEventType.STATUS_UPDATE;
import static dev.incidentflow.workflows.model.TimelineEventType.UPDATE_OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.activities.DirectMessage;
import dev.incidentflow.workflows.activities.PagerEvent;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The status-update cadence, the monitoring window, reopening and canceling, with time skipping.
 */
class IncidentLifecycleWorkflowTest {
  private static final String CHANNEL = "C100";
  private static final String REMINDER =
      "<@U0ALICE> A status update for INC-1 is overdue (every 15m for SEV1).";

  @RegisterExtension final IncidentTestEnvironment env = new IncidentTestEnvironment();

  private static Duration minutes(long minutes, long seconds) {
    return Duration.ofMinutes(minutes).plusSeconds(seconds);
  }

  /** A SEV1 acknowledged and identified at once: only level 3 (executive at 20m) is still due. */
  private IncidentWorkflow quietSev1() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    incident.acknowledge(new Transition("alice", ""));
    incident.identify(new Transition("alice", "bad deploy"));
    return incident;
  }

  @Test
  void statusUpdateAtFourteenMinutesPushesTheReminderToTwentyNine() {
    IncidentWorkflow incident = quietSev1();
    env.sleepUntil(1, minutes(14, 0));

    IncidentView view = incident.postStatusUpdate(new Note("Rolled back checkout to v41", "alice"));
    assertThat(view.nextUpdateDue())
        .isEqualTo(env.events(1, STATUS_UPDATE).get(0).at().plus(Duration.ofMinutes(15)));

    env.sleepUntil(1, minutes(28, 59));
    assertThat(env.events(1, UPDATE_OVERDUE)).isEmpty();
    assertThat(env.slack.textsIn(CHANNEL)).doesNotContain(REMINDER);

    env.sleepUntil(1, minutes(29, 1));
    assertThat(env.events(1, UPDATE_OVERDUE))
        .singleElement()
        .satisfies(
            overdue -> {
              assertThat(overdue.text()).isEqualTo("No status update for 15m");
              assertThat(overdue.at())
                  .isBetween(
                      env.startedAt(1).plus(minutes(29, 0)), env.startedAt(1).plus(minutes(29, 1)));
            });
    assertThat(env.slack.textsIn(CHANNEL)).containsOnlyOnce(REMINDER);
    assertThat(env.slack.textsIn(CHANNEL))
        .contains("INC-1 update from alice: Rolled back checkout to v41");
    assertThat(env.slack.textsIn("incidents"))
        .contains("INC-1 update from alice: Rolled back checkout to v41");
    env.recordHistory("status-update-pushes-reminder", "alert-a");
  }

  @Test
  void secondOverduePeriodDirectMessagesTheEngineeringManager() {
    quietSev1();

    env.sleepUntil(1, minutes(29, 59));
    assertThat(env.events(1, UPDATE_OVERDUE)).hasSize(1);
    assertThat(env.slack.dmRecipients()).containsExactly("alice", "frank"); // frank: level 3 at 20m

    env.sleepUntil(1, minutes(30, 1));
    assertThat(env.events(1, UPDATE_OVERDUE))
        .extracting(TimelineEvent::text)
        .containsExactly("No status update for 15m", "No status update for 30m");
    assertThat(env.slack.directMessages)
        .filteredOn(dm -> dm.person().handle().equals("dana"))
        .singleElement()
        .extracting(DirectMessage::text)
        .isEqualTo(
            "INC-1 (SEV1, checkout) has had no status update for 30m. Join <#" + CHANNEL + ">.");
    assertThat(env.slack.textsIn(CHANNEL)).filteredOn(REMINDER::equals).hasSize(2);
    env.recordHistory("second-overdue-period", "alert-a");
  }

  @Test
  void secondOverduePeriodGoesToTheCommunicationsLeadWhenThereIsOne() {
    IncidentWorkflow incident = quietSev1();
    incident.assignRole(new RoleAssignment("communications", "carol", "alice"));

    env.sleepUntil(1, minutes(30, 1));

    assertThat(env.slack.dmRecipients()).containsExactly("alice", "frank", "carol");
  }

  @Test
  void reopeningDuringTheMonitoringWindowRestartsTheCadenceAndTheWindowRestartsAtTheNextResolve() {
    IncidentWorkflow incident = quietSev1();
    env.sleepUntil(1, minutes(3, 0));
    incident.resolve(new Transition("alice", "rolled back"));
    env.sleepUntil(1, minutes(20, 0));
    assertThat(env.events(1, UPDATE_OVERDUE)).isEmpty();

    IncidentView reopened = incident.reopen(new Transition("bob", "errors are back"));
    assertThat(reopened.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    env.sleepUntil(1, minutes(34, 59));
    assertThat(env.slack.textsIn("incidents"))
        .contains("INC-1 (SEV1, checkout) reopened by bob: errors are back");
    assertThat(env.events(1, UPDATE_OVERDUE)).isEmpty();
    env.sleepUntil(1, minutes(35, 1));
    assertThat(env.events(1, UPDATE_OVERDUE)).hasSize(1);

    incident.resolve(new Transition("bob", "really fixed"));
    env.sleepUntil(1, minutes(65, 0));
    assertThat(incident.view().status()).isEqualTo(IncidentStatus.RESOLVED);
    // Waiting on the result skips time to the window's end, a second on.
    assertThat(env.awaitOutcome("alert-a").status()).isEqualTo(IncidentStatus.CLOSED);
    assertThat(env.events(1, CLOSED).get(0).at())
        .isBetween(env.startedAt(1).plus(minutes(65, 0)), env.startedAt(1).plus(minutes(65, 2)));
    assertThat(env.events(1, REOPENED))
        .singleElement()
        .extracting(TimelineEvent::by)
        .isEqualTo("bob");
    assertThat(env.events(1, CLOSED)).hasSize(1);
    assertThat(env.events(1, UPDATE_OVERDUE)).hasSize(1);
    assertThatThrownBy(() -> incident.reopen(new Transition("bob", "")))
        .isInstanceOf(WorkflowException.class);
    env.recordHistory("reopen-during-monitoring", "alert-a");
  }

  @Test
  void reopeningAnIncidentThatIsNotResolvedIsRefused() {
    IncidentWorkflow incident = quietSev1();

    assertThatThrownBy(() -> incident.reopen(new Transition("bob", "")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("INC-1 is identified, not resolved");
  }

  @Test
  void cancelingStopsEveryTimerAndEndsTheWorkflow() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleepUntil(1, minutes(2, 0));

    IncidentView canceled = incident.cancel(new Transition("alice", "synthetic check misfired"));

    assertThat(canceled.status()).isEqualTo(IncidentStatus.CANCELED);
    assertThat(env.awaitOutcome("alert-a").status()).isEqualTo(IncidentStatus.CANCELED);
    int messages = env.slack.messages.size();
    int timeline = env.store.timeline(1).size();
    env.sleep(Duration.ofHours(6));

    assertThat(env.paging.triggeredKeys()).containsExactly("incidentflow-INC-1-step-0");
    assertThat(env.paging.of(PagerEvent.Action.RESOLVE))
        .extracting(PagerEvent::dedupKey)
        .containsExactly("incidentflow-INC-1-step-0");
    assertThat(env.paging.of(PagerEvent.Action.ACKNOWLEDGE)).isEmpty();
    assertThat(env.events(1, ESCALATED)).isEmpty();
    assertThat(env.events(1, UPDATE_OVERDUE)).isEmpty();
    assertThat(env.events(1, CANCELED))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo("Canceled as a false alarm by alice: synthetic check misfired");
    assertThat(env.slack.messages).hasSize(messages);
    assertThat(env.store.timeline(1)).hasSize(timeline);
    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.CANCELED);
    assertThat(env.slack.archived).hasSize(1);
    assertThat(env.slack.textsIn("incidents"))
        .contains(
            "INC-1 (SEV1, checkout) canceled as a false alarm by alice: Checkout error budget burn. synthetic check misfired");
    env.recordHistory("cancel", "alert-a");
  }

  @Test
  void resolvingACanceledIncidentFailsBecauseItsWorkflowHasEnded() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    incident.cancel(new Transition("alice", ""));
    env.awaitOutcome("alert-a");

    // The workflow is gone, so no validator can say why: the API answers from the store.
    assertThatThrownBy(() -> incident.resolve(new Transition("alice", "")))
        .isInstanceOf(WorkflowException.class);
    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.CANCELED);
  }

  /**
   * An alert group's incidents share one workflow id. A run terminated from Temporal UI never saves
   * its end, so a change meant for its incident can be sent after the group opened the next one:
   * the workflow refuses it, whether it comes while the next incident opens or after.
   */
  @Test
  void aChangeMeantForAnIncidentWhoseRunWasTerminatedIsRefusedByTheNextIncident() {
    env.startAlertIncident("alert-a", Severity.SEV2);
    WorkflowStub.fromTyped(env.existing("alert-a")).terminate("stuck");
    IncidentWorkflow next = env.beginAlertIncident("alert-a", Severity.SEV2);
    String refusal = "INC-1 is no longer running; its alert group's workflow runs INC-2 now";

    assertThatThrownBy(() -> next.acknowledge(new Transition("bob", "", "INC-1")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(refusal);
    next.registered();
    assertThatThrownBy(
            () -> next.changeSeverity(new SeverityChange(Severity.SEV1, "bob", "", "INC-1")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(refusal);
    assertThatThrownBy(() -> next.postStatusUpdate(new Note("rolled back", "bob", "INC-1")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(refusal);

    assertThat(env.incident(2).status()).isEqualTo(IncidentStatus.TRIGGERED);
    assertThat(env.incident(2).severity()).isEqualTo(Severity.SEV2);
    assertThat(env.events(2, STATUS_UPDATE)).isEmpty();
    assertThat(next.acknowledge(new Transition("bob", "", "INC-2")).status())
        .isEqualTo(IncidentStatus.ACKNOWLEDGED);
  }
}
