package dev.incidentflow.workflows.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.IssueLink;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.activities.TrackerStatus;
import dev.incidentflow.workflows.activities.TrackerText;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ActionItemWorkflowTest {
  @RegisterExtension final FollowUpTestEnvironment env = new FollowUpTestEnvironment();
  private static final String ID = "action-item-INC-7-0001";

  @Test
  void newItemGetsAnIssueAssignedToItsOwnerWithItsDueDateLinkedToThePostmortem() {
    env.store.postmortemIssue(7, "PAY-100");
    ActionItemInput input = env.dueInThreeDays();
    ActionItemView view = env.startActionItem(ID, input).registered();

    assertThat(view.id()).isEqualTo("AI-1");
    assertThat(view.status()).isEqualTo(ActionItemStatus.OPEN);
    assertThat(view.jiraKey()).isEqualTo("PAY-1");
    NewTrackerIssue issue = env.tracker.issues.get("PAY-1");
    assertThat(issue.summary()).isEqualTo("[INC-7] Add a burn-rate alert for the checkout canary");
    assertThat(issue.assignee()).isEqualTo("acc-bob");
    assertThat(issue.dueDate()).isEqualTo(input.due());
    assertThat(issue.labels())
        .contains(
            "incidentflow",
            "action-item",
            "inc-7",
            "improvement",
            "incidentflow-action-item-inc-7-0001");
    assertThat(env.tracker.links).containsExactly(new IssueLink("PAY-1", "PAY-100"));
    assertThat(env.store.actionItems.get(1L).jiraKey()).isEqualTo("PAY-1");
    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_CREATED))
        .singleElement()
        .satisfies(event -> assertThat(event.by()).isEqualTo("alice"));
    assertThat(env.people.textsTo("bob"))
        .singleElement()
        .asString()
        .startsWith("You own action item AI-1 from INC-7");
  }

  @Test
  void anItemTheStoreRefusesBecauseItsIncidentIsOverIsRefusedAndChasesNobody() {
    env.store.refusal = "INC-7 was canceled as a false alarm; it has no action items";
    ActionItemWorkflow item = env.startActionItem(ID, env.dueInThreeDays());

    assertRefused(item::registered, "INC-7 was canceled as a false alarm; it has no action items");
    ActionItemOutcome outcome = env.result(ID, ActionItemOutcome.class);
    assertThat(outcome.id()).isNull();
    assertThat(outcome.refusal())
        .isEqualTo("INC-7 was canceled as a false alarm; it has no action items");
    env.sleep(Duration.ofDays(10));
    assertThat(env.tracker.issues).isEmpty();
    assertThat(env.store.actionItems).isEmpty();
    assertThat(env.people.textsTo("bob")).isEmpty();
  }

  @Test
  void itemDueInThreeDaysIsRemindedFlaggedOverdueEscalatedAndEndsWhenJiraSaysDone() {
    ActionItemInput input = env.dueInThreeDays();
    ActionItemWorkflow item = env.startActionItem(ID, input);
    item.registered();

    env.sleepUntil(input.dueAt().minus(Duration.ofDays(2)).minus(Duration.ofMinutes(1)));
    assertThat(env.people.textsTo("bob")).hasSize(1);
    env.sleep(Duration.ofMinutes(2));
    assertThat(env.people.textsTo("bob"))
        .last()
        .asString()
        .startsWith("Reminder: action item AI-1");
    assertThat(item.view().status()).isEqualTo(ActionItemStatus.OPEN);

    env.sleepUntil(input.dueAt().plus(Duration.ofMinutes(1)));
    assertThat(item.view().status()).isEqualTo(ActionItemStatus.OVERDUE);
    assertThat(env.store.actionItems.get(1L).status()).isEqualTo(ActionItemStatus.OVERDUE);
    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_OVERDUE)).hasSize(1);
    assertThat(env.people.textsTo("dana")).isEmpty();

    env.sleepUntil(input.dueAt().plus(Duration.ofDays(3)).minus(Duration.ofMinutes(1)));
    assertThat(env.people.textsTo("dana")).isEmpty();
    env.sleep(Duration.ofMinutes(2));
    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_ESCALATED))
        .singleElement()
        .satisfies(event -> assertThat(event.text()).contains("escalated to dana"));
    assertThat(env.people.textsTo("dana"))
        .singleElement()
        .asString()
        .contains("AI-1", "owned by <@U0BOB>", "overdue by 3d");
    // The owner hears of the escalation, not the overdue notice a second time.
    assertThat(env.people.textsTo("bob"))
        .last()
        .asString()
        .startsWith("Action item AI-1 (")
        .contains("is still overdue, by 3d; <@U0DANA> knows");
    assertThat(env.people.textsTo("bob")).doesNotHaveDuplicates();

    item.trackerStatusChanged(new TrackerStatus("PAY-1", "Done", true));
    ActionItemOutcome outcome = env.result(ID, ActionItemOutcome.class);
    assertThat(outcome.jiraStatus()).isEqualTo("Done");
    assertThat(env.store.actionItems.get(1L).status()).isEqualTo(ActionItemStatus.DONE);
    assertThat(env.store.actionItems.get(1L).doneAt()).isNotNull();
    assertThat(env.store.actionItems.get(1L).doneBy()).isEqualTo("jira");
    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_DONE)).hasSize(1);
    env.recordHistory(ID, "action-item-escalated-then-done.json");
  }

  @Test
  void anItemWithoutAJiraIssueMarkedDoneByAPersonEndsAsAJiraDoneWouldNamingThemAndNow() {
    env.tracker.standIn = true;
    ActionItemInput input = env.dueInThreeDays();
    ActionItemWorkflow item = env.startActionItem(ID, input);
    item.registered();
    env.sleep(Duration.ofHours(1));
    Instant markedAt = env.now();

    ActionItemView done = item.markDone(new ActionItemCompletion("bob", "Alert is live"));

    // Answered once it is saved done.
    assertThat(done.status()).isEqualTo(ActionItemStatus.DONE);
    assertThat(env.store.actionItems.get(1L).status()).isEqualTo(ActionItemStatus.DONE);
    assertThat(env.store.actionItems.get(1L).doneAt()).isBetween(markedAt, env.now());
    assertThat(env.store.actionItems.get(1L).doneBy()).isEqualTo("bob");
    ActionItemOutcome outcome = env.result(ID, ActionItemOutcome.class);
    assertThat(outcome.jiraKey()).isEqualTo("PAY-1");
    assertThat(outcome.jiraStatus()).isNull();
    assertThat(outcome.doneAt()).isEqualTo(env.store.actionItems.get(1L).doneAt());
    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_DONE))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.by()).isEqualTo("bob");
              assertThat(event.at()).isBetween(markedAt, env.now());
              assertThat(event.text())
                  .isEqualTo(
                      "Action item AI-1 done (marked done by bob: Alert is live): Add a burn-rate"
                          + " alert for the checkout canary");
            });
    int told = env.people.textsTo("bob").size();

    // Past its due day and its escalation: nobody is chased any more.
    env.sleepUntil(input.dueAt().plus(Duration.ofDays(4)));
    assertThat(env.people.textsTo("bob")).hasSize(told);
    assertThat(env.people.textsTo("dana")).isEmpty();
    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_OVERDUE)).isEmpty();
    env.recordHistory(ID, "action-item-marked-done.json");
  }

  @Test
  void anItemWhoseIssueJiraNeverMadeCanBeMarkedDone() {
    env.tracker.rejectCreates = true;
    ActionItemWorkflow item = env.startActionItem(ID, env.dueInThreeDays());
    assertThat(item.registered().jiraKey()).isNull();

    assertThat(item.markDone(new ActionItemCompletion("alice", null)).status())
        .isEqualTo(ActionItemStatus.DONE);
    assertThat(env.result(ID, ActionItemOutcome.class).jiraKey()).isNull();
    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_DONE))
        .singleElement()
        .satisfies(event -> assertThat(event.text()).contains("(marked done by alice): "));
  }

  @Test
  void anItemWhoseIssueJiraIsMakingAtAPollIsNotMarkedDoneUnderIt() throws Exception {
    env.tracker.rejectCreates = true;
    ActionItemInput input = env.dueInThreeDays();
    ActionItemWorkflow item = env.startActionItem(ID, input);
    assertThat(item.registered().jiraKey()).isNull();
    // Jira is back: the next poll makes the issue, and Jira takes its time to answer.
    env.tracker.rejectCreates = false;
    env.tracker.createRead = new java.util.concurrent.CountDownLatch(1);
    Thread clock = new Thread(() -> env.sleep(input.policy().pollEvery().plusMinutes(1)));
    clock.start();
    assertThat(env.tracker.createRead.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    // Meanwhile a person, seeing no Jira key, marks the item done.
    java.util.concurrent.CompletableFuture<Throwable> marked =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                item.markDone(new ActionItemCompletion("bob", ""));
                return null;
              } catch (RuntimeException refused) {
                return refused;
              }
            });
    Thread.sleep(2_000);
    env.tracker.answerCreate.countDown();
    clock.join();
    Throwable refusal = marked.get(30, java.util.concurrent.TimeUnit.SECONDS);

    // Refused: the issue Jira makes is Jira's to close, not left open under an item done here.
    assertThat(refusal)
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(
            "AI-1's issue is being made in Jira; close it there once it is made, or try again if"
                + " Jira refuses it");
    assertThat(env.isCompleted(ID)).isFalse();
    assertRefused(
        () -> item.markDone(new ActionItemCompletion("bob", "")),
        "AI-1 is tracked by PAY-1 in Jira: close PAY-1 in Jira; IncidentFlow follows it");
  }

  @Test
  void anItemJiraTracksIsNotMarkedDoneInIncidentFlowAndIsStillChased() {
    ActionItemInput input = env.dueInThreeDays();
    ActionItemWorkflow item = env.startActionItem(ID, input);
    item.registered();

    assertRefused(
        () -> item.markDone(new ActionItemCompletion("bob", "")),
        "AI-1 is tracked by PAY-1 in Jira: close PAY-1 in Jira; IncidentFlow follows it");
    env.sleepUntil(input.dueAt().plus(Duration.ofMinutes(1)));
    assertThat(env.isCompleted(ID)).isFalse();
    assertThat(env.store.actionItems.get(1L).status()).isEqualTo(ActionItemStatus.OVERDUE);

    // Jira's done still ends it, as Jira's.
    item.trackerStatusChanged(new TrackerStatus("PAY-1", "Done", true));
    env.result(ID, ActionItemOutcome.class);
    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_DONE))
        .singleElement()
        .satisfies(event -> assertThat(event.by()).isEqualTo("jira"));
  }

  @Test
  void escalatedItemIsRepeatedWeeklyToOwnerAndManagerUntilDone() {
    ActionItemInput input = env.dueInThreeDays();
    env.startActionItem(ID, input).registered();

    env.sleepUntil(input.dueAt().plus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)));
    assertThat(env.people.textsTo("dana")).hasSize(1);
    env.sleep(Duration.ofDays(7));
    assertThat(env.people.textsTo("dana")).hasSize(2);
    env.sleep(Duration.ofDays(7));
    assertThat(env.people.textsTo("dana")).hasSize(3).last().asString().contains("overdue by 17d");
    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_ESCALATED)).hasSize(1);
  }

  @Test
  void itemCreatedAYearOverdueIsFlaggedAndEscalatedOnceThenRepeatedWeeklyNotInABurst() {
    ActionItemView view = env.startActionItem(ID, env.dueInDays(-365)).registered();
    env.sleep(Duration.ofMinutes(1));

    // It answers overdue, as it reads from then on.
    assertThat(view.status()).isEqualTo(ActionItemStatus.OVERDUE);
    assertThat(env.store.actionItems.get(1L).status()).isEqualTo(ActionItemStatus.OVERDUE);

    // Assigned, overdue, and overdue again with the escalation: 52 repeats went out here before.
    assertThat(env.people.textsTo("bob")).hasSize(3);
    assertThat(env.people.textsTo("dana")).hasSize(1);
    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_ESCALATED)).hasSize(1);

    env.sleep(Duration.ofDays(7));
    assertThat(env.people.textsTo("dana")).hasSize(2);
    assertThat(env.people.textsTo("bob")).hasSize(4);
  }

  @Test
  void missedDoneWebhookIsCaughtByPolling() {
    ActionItemInput input = env.dueInThreeDays();
    env.startActionItem(ID, input).registered();
    env.sleep(Duration.ofHours(1));

    env.tracker.moveTo("PAY-1", "Done", true);
    env.sleep(input.policy().pollEvery());

    assertThat(env.isCompleted(ID)).isTrue();
    assertThat(env.store.actionItems.get(1L).status()).isEqualTo(ActionItemStatus.DONE);
    env.recordHistory(ID, "action-item-done-by-polling.json");
  }

  @Test
  void aPollJiraRefusesKeepsTheItemChasedAndALaterPollEndsIt() {
    ActionItemInput input = env.dueInThreeDays();
    env.startActionItem(ID, input).registered();
    env.tracker.refuseStatus = true;

    env.sleepUntil(input.dueAt().plus(Duration.ofMinutes(1)));
    // Refused at every poll since, it is still chased: overdue on its due day.
    assertThat(env.tracker.polls.get()).isGreaterThan(1);
    assertThat(env.isCompleted(ID)).isFalse();
    assertThat(env.store.actionItems.get(1L).status()).isEqualTo(ActionItemStatus.OVERDUE);
    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_OVERDUE)).hasSize(1);

    env.tracker.refuseStatus = false;
    env.tracker.moveTo("PAY-1", "Done", true);
    env.sleep(input.policy().pollEvery());
    assertThat(env.isCompleted(ID)).isTrue();
    assertThat(env.store.actionItems.get(1L).status()).isEqualTo(ActionItemStatus.DONE);
    env.recordHistory(ID, "action-item-polls-refused.json");
  }

  @Test
  void aPollReadBeforeTheDoneWebhookLandedIsNotAReopening() throws Exception {
    ActionItemInput input = env.dueInThreeDays();
    ActionItemWorkflow item = env.startActionItem(ID, input);
    item.registered();
    env.tracker.pollRead = new java.util.concurrent.CountDownLatch(1);
    Thread clock = new Thread(() -> env.sleep(input.policy().pollEvery().plusMinutes(1)));
    clock.start();
    assertThat(env.tracker.pollRead.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    // The poll read "To Do"; the issue is done and its webhook lands before the poll answers.
    env.tracker.moveTo("PAY-1", "Done", true);
    item.trackerStatusChanged(new TrackerStatus("PAY-1", "Done", true));
    env.tracker.answerPoll.countDown();
    clock.join();
    env.sleep(Duration.ofMinutes(1));

    assertThat(env.isCompleted(ID)).isTrue();
    assertThat(env.store.actionItems.get(1L).round()).isZero();
    assertThat(env.store.actionItems.get(1L).status()).isEqualTo(ActionItemStatus.DONE);
    assertThat(env.people.textsTo("bob")).noneMatch(text -> text.contains("reopened"));
    env.recordHistory(ID, "action-item-done-while-polled.json");
  }

  @Test
  void anItemIsDoneWhenJiraSaysAndAnEventFromBeforeThatDeliveredLateIsNoReopening() {
    ActionItemWorkflow item = env.startActionItem(ID, env.dueInThreeDays());
    item.registered();
    env.sleep(Duration.ofDays(2));

    // The webhook was lost; the issue was done a day ago, and its older "In Progress" event comes.
    java.time.Instant doneAt = env.now().minus(Duration.ofDays(1));
    item.trackerStatusChanged(new TrackerStatus("PAY-1", "Done", true, doneAt));
    item.trackerStatusChanged(
        new TrackerStatus("PAY-1", "In Progress", false, doneAt.minus(Duration.ofHours(3))));
    env.sleep(Duration.ofMinutes(1));

    assertThat(env.isCompleted(ID)).isTrue();
    assertThat(env.store.actionItems.get(1L).round()).isZero();
    assertThat(env.store.actionItems.get(1L).doneAt()).isEqualTo(doneAt);
  }

  @Test
  void statusChangesThatAreNotDoneKeepTheItemOpen() {
    ActionItemWorkflow item = env.startActionItem(ID, env.dueInThreeDays());
    item.registered();

    item.trackerStatusChanged(new TrackerStatus("PAY-1", "In Progress", false));
    item.trackerStatusChanged(new TrackerStatus("PAY-2", "Done", true));
    env.sleep(Duration.ofMinutes(1));

    assertThat(env.isCompleted(ID)).isFalse();
    assertThat(item.view().status()).isEqualTo(ActionItemStatus.OPEN);
  }

  @Test
  void postmortemIssueThatComesLaterIsLinkedAtTheNextPoll() {
    ActionItemInput input = env.dueInThreeDays();
    env.startActionItem(ID, input).registered();
    assertThat(env.tracker.links).isEmpty();

    env.store.postmortemIssue(7, "PAY-100");
    env.sleep(input.policy().pollEvery());

    FollowUpTestEnvironment.eventually(
        () -> assertThat(env.tracker.links).containsExactly(new IssueLink("PAY-1", "PAY-100")));
  }

  @Test
  void itemReopenedInJiraWhileItsRunIsFinishingIsChasedAgainByTheNextRun() {
    ActionItemWorkflow item = env.startActionItem(ID, env.dueInThreeDays());
    item.registered();

    item.trackerStatusChanged(new TrackerStatus("PAY-1", "Done", true));
    item.trackerStatusChanged(new TrackerStatus("PAY-1", "In Progress", false));
    env.sleep(Duration.ofMinutes(1));

    assertThat(env.isCompleted(ID)).isFalse();
    assertThat(item.view().status()).isEqualTo(ActionItemStatus.OPEN);
    assertThat(env.store.actionItems.get(1L).round()).isEqualTo(1);
    assertThat(env.tracker.issues).hasSize(1);
    env.recordHistory(
        ID,
        WorkflowStub.fromTyped(item).getExecution().getRunId(),
        "action-item-reopened-while-finishing.json");
  }

  @Test
  void aReopeningInJiraIsOnTheTimelineBetweenTheTwoDonesWithWhoAndWhenJiraSaid() {
    ActionItemWorkflow item = env.startActionItem(ID, env.dueInThreeDays());
    item.registered();
    env.sleep(Duration.ofHours(1));

    // Done ten minutes ago by the webhook; Bob reopened it two minutes ago, while the run finished.
    Instant doneAt = env.now().minus(Duration.ofMinutes(10));
    Instant reopenedAt = env.now().minus(Duration.ofMinutes(2));
    item.trackerStatusChanged(new TrackerStatus("PAY-1", "Done", true, doneAt));
    item.trackerStatusChanged(
        new TrackerStatus("PAY-1", "In Progress", false, reopenedAt, "Bob Stone"));
    env.sleep(Duration.ofMinutes(1));
    assertThat(env.store.actionItems.get(1L).round()).isEqualTo(1);
    env.sleep(Duration.ofHours(1));
    env.client()
        .newWorkflowStub(ActionItemWorkflow.class, ID)
        .trackerStatusChanged(new TrackerStatus("PAY-1", "Done", true, env.now()));
    env.result(ID, ActionItemOutcome.class);

    assertThat(timeline())
        .extracting(TimelineEvent::type)
        .containsExactly(
            TimelineEventType.ACTION_ITEM_CREATED,
            TimelineEventType.ACTION_ITEM_DONE,
            TimelineEventType.ACTION_ITEM_REOPENED,
            TimelineEventType.ACTION_ITEM_DONE);
    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_REOPENED))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.by()).isEqualTo("jira");
              assertThat(event.text())
                  .isEqualTo(
                      "Action item AI-1 reopened in Jira by Bob Stone at "
                          + TrackerText.time(reopenedAt)
                          + " (PAY-1 is In Progress): Add a burn-rate alert for the checkout"
                          + " canary");
              assertThat(event.data())
                  .containsEntry("actionItem", "AI-1")
                  .containsEntry("jiraKey", "PAY-1")
                  .containsEntry("jiraStatus", "In Progress")
                  .containsEntry("reopenedAt", reopenedAt.toString())
                  .containsEntry("reopenedBy", "Bob Stone")
                  .containsEntry("round", "1");
            });
    // The run that chased the reopened item, from its reopening on the timeline to its done.
    env.recordHistory(ID, "action-item-reopening-on-timeline.json");
  }

  @Test
  void aReopeningJiraGaveNoTimeOrPersonForIsOnTheTimelineAsHeard() {
    ActionItemInput input = env.dueInThreeDays();
    ActionItemWorkflow item = env.startActionItem(ID, input);
    item.registered();
    item.trackerStatusChanged(new TrackerStatus("PAY-1", "Done", true));
    env.result(ID, ActionItemOutcome.class);

    env.startActionItem(ID, input.reopened(new TrackerStatus("PAY-1", "To Do", false)))
        .registered();

    assertThat(env.store.events(7, TimelineEventType.ACTION_ITEM_REOPENED))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.text())
                  .isEqualTo(
                      "Action item AI-1 reopened in Jira (PAY-1 is To Do): Add a burn-rate alert"
                          + " for the checkout canary");
              assertThat(event.data())
                  .containsEntry("jiraStatus", "To Do")
                  .doesNotContainKeys("reopenedAt", "reopenedBy");
            });
  }

  /**
   * Asserts that {@code update} is refused as the workflow refuses a change, for {@code reason}.
   */
  private static void assertRefused(ThrowingCallable update, String reason) {
    assertThatThrownBy(update)
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            refused -> {
              assertThat(refused.getOriginalMessage()).isEqualTo(reason);
              assertThat(refused.getType()).isEqualTo(IllegalStateException.class.getName());
            });
  }

  /** The incident's timeline in the order the API shows it: by time, then by number. */
  private List<TimelineEvent> timeline() {
    return env.store.readTimeline(new IncidentNumber(7)).events().stream()
        .sorted(Comparator.comparing(TimelineEvent::at).thenComparing(TimelineEvent::sequence))
        .toList();
  }

  @Test
  void reopenedItemIsChasedAgainWithTheSameNumberAndIssue() {
    ActionItemInput input = env.dueInThreeDays();
    ActionItemWorkflow item = env.startActionItem(ID, input);
    item.registered();
    item.trackerStatusChanged(new TrackerStatus("PAY-1", "Done", true));
    env.result(ID, ActionItemOutcome.class);

    ActionItemView reopened = env.startActionItem(ID, input.reopened()).registered();

    assertThat(reopened.id()).isEqualTo("AI-1");
    assertThat(reopened.jiraKey()).isEqualTo("PAY-1");
    assertThat(reopened.status()).isEqualTo(ActionItemStatus.OPEN);
    assertThat(env.tracker.issues).hasSize(1);
    assertThat(env.store.actionItems.get(1L).round()).isEqualTo(1);
    assertThat(env.people.textsTo("bob")).last().asString().contains("was reopened in Jira");
  }
}
