package dev.incidentflow.workflows.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.activities.IssueAssignment;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.activities.TrackerStatus;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostmortemWorkflowTest {
  @RegisterExtension final FollowUpTestEnvironment env = new FollowUpTestEnvironment();
  private static final String ID = Postmortems.workflowId(FollowUpTestEnvironment.INCIDENT);

  @BeforeEach
  void incidentTimeline() {
    PostmortemInput input = env.closedSev1();
    env.store.seed(
        FollowUpTestEnvironment.INCIDENT,
        List.of(
            new TimelineEvent(
                1,
                input.times().triggeredAt(),
                TimelineEventType.DECLARED,
                "system",
                "Declared from alertmanager alert: Checkout error budget burn",
                Map.of()),
            new TimelineEvent(
                2,
                input.times().acknowledgedAt(),
                TimelineEventType.ACKNOWLEDGED,
                "alice",
                "Acknowledged by alice",
                Map.of()),
            new TimelineEvent(
                3,
                input.times().identifiedAt(),
                TimelineEventType.DECISION,
                "alice",
                "Roll back release 2024.11.3 | keep the feature flag off",
                Map.of()),
            new TimelineEvent(
                4,
                input.times().resolvedAt(),
                TimelineEventType.RESOLVED,
                "alice",
                "Resolved by alice",
                Map.of())));
  }

  @Test
  void closedSev1GetsAPostmortemIssueDueADayAfterResolutionWithTheTimelineAndFiveWhys() {
    PostmortemInput input = env.closedSev1();
    PostmortemWorkflow postmortem = env.startPostmortem(input);
    env.sleep(Duration.ofMinutes(1));

    assertThat(postmortem.view().status()).isEqualTo(PostmortemStatus.SCHEDULED);
    assertThat(postmortem.view().dueAt())
        .isEqualTo(input.times().resolvedAt().plus(Duration.ofHours(24)));
    assertThat(env.tracker.issues).containsOnlyKeys("PAY-1");
    NewTrackerIssue issue = env.tracker.issues.get("PAY-1");
    assertThat(issue.summary())
        .isEqualTo("Postmortem INC-7 (SEV1, checkout): Checkout error budget burn");
    assertThat(issue.assignee()).isEqualTo("acc-alice");
    assertThat(issue.dueDate()).isEqualTo(LocalDate.ofInstant(input.dueAt(), ZoneOffset.UTC));
    assertThat(issue.labels())
        .contains(
            "incidentflow", "postmortem", "inc-7", "sev1", "incidentflow-postmortem-3f1c9a52-run");
    assertThat(issue.description())
        .contains("h2. Impact window", "(1h 30m)")
        .contains(
            "|Detection|triggered|acknowledged|5m|",
            "|Triage|acknowledged|identified|20m|",
            "|Remediation|identified|mitigated|35m|",
            "|Verification|mitigated|resolved|30m|")
        .contains("|alice|acknowledged|Acknowledged by alice|")
        .contains("|alice|*DECISION*|*Roll back release 2024.11.3 \\| keep the feature flag off*|")
        .contains("h2. Five Whys", "# Why did this incident happen?", "#* Answer: ");
    assertThat(env.store.postmortems.get(7L).jiraKey()).isEqualTo("PAY-1");
    assertThat(env.store.postmortems.get(7L).owner()).isEqualTo("alice");
    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_SCHEDULED))
        .singleElement()
        .satisfies(event -> assertThat(event.data()).containsEntry("jiraKey", "PAY-1"));
    assertThat(env.people.textsIn("incidents"))
        .singleElement()
        .asString()
        .contains("INC-7", "<@U0ALICE>", "https://jira.example.com/browse/PAY-1");
    assertThat(env.people.textsTo("alice"))
        .singleElement()
        .asString()
        .contains("You own the postmortem of INC-7");
  }

  @Test
  void commanderIsRemindedFourHoursBeforeAndTheManagerIsToldWhenItIsOverdue() {
    PostmortemInput input = env.closedSev1();
    env.startPostmortem(input);

    env.sleepUntil(input.dueAt().minus(Duration.ofHours(4)).minus(Duration.ofMinutes(1)));
    assertThat(env.people.textsTo("alice")).hasSize(1);
    env.sleep(Duration.ofMinutes(2));
    assertThat(env.people.textsTo("alice"))
        .hasSize(2)
        .last()
        .asString()
        .startsWith("Reminder: the postmortem of INC-7");
    assertThat(env.people.textsTo("dana")).isEmpty();

    env.sleepUntil(input.dueAt().plus(Duration.ofMinutes(1)));
    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_OVERDUE))
        .singleElement()
        .satisfies(event -> assertThat(event.text()).contains("escalated to dana"));
    assertThat(env.store.postmortems.get(7L).status()).isEqualTo(PostmortemStatus.OVERDUE);
    assertThat(env.people.textsTo("dana"))
        .singleElement()
        .asString()
        .contains("postmortem of INC-7", "owned by <@U0ALICE> is overdue");
    assertThat(env.people.textsTo("alice")).last().asString().contains("is overdue");
    env.recordHistory(ID, "postmortem-overdue.json");
  }

  @Test
  void aPostmortemWithoutACommanderRemindsItsOwnerAndEscalatesToTheirManager() {
    PostmortemInput input = env.closedSev1WithoutCommander("alice");
    env.startPostmortem(input);

    env.sleepUntil(input.dueAt().plus(Duration.ofMinutes(1)));
    assertThat(env.store.postmortems.get(7L).owner()).isEqualTo("alice");

    assertThat(env.people.textsTo("alice"))
        .anySatisfy(text -> assertThat(text).startsWith("Reminder: the postmortem of INC-7"));
    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_OVERDUE))
        .singleElement()
        .satisfies(event -> assertThat(event.text()).contains("escalated to dana"));
  }

  @Test
  void aPostmortemNobodyOwnsSaysSoOnTheTimelineAndInTheChannel() {
    PostmortemInput input = env.closedSev1WithoutCommander(null);
    env.startPostmortem(input);

    env.sleepUntil(input.dueAt().plus(Duration.ofMinutes(1)));
    assertThat(env.store.postmortems.get(7L).owner()).isNull();

    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_SCHEDULED))
        .singleElement()
        .satisfies(event -> assertThat(event.text()).contains("it has no owner"));
    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_OVERDUE))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.text())
                    .contains("it has no owner")
                    .doesNotContain("no manager to escalate to"));
    assertThat(env.people.textsIn("incidents"))
        .hasSize(2)
        .allSatisfy(
            text ->
                assertThat(text)
                    .contains("has no owner")
                    .doesNotContain("owner: nobody", "owned by nobody"));
    assertThat(env.people.directMessages).isEmpty();
    assertThat(env.tracker.issues.get("PAY-1").assignee()).isNull();
  }

  @Test
  void aHandedOverPostmortemRemindsTheNewOwnerAndEscalatesToTheirManager() {
    PostmortemInput input = env.closedSev1();
    PostmortemWorkflow postmortem = env.startPostmortem(input);
    env.sleep(Duration.ofHours(1));

    PostmortemView view = postmortem.handOver(new Handover("dana", "alice"));

    assertThat(view.status()).isEqualTo(PostmortemStatus.SCHEDULED);
    assertThat(env.store.postmortems.get(7L).owner()).isEqualTo("dana");
    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_HANDED_OVER))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.by()).isEqualTo("alice");
              assertThat(event.text())
                  .isEqualTo("Postmortem handed over from alice to dana by alice");
              assertThat(event.data()).containsEntry("from", "alice").containsEntry("to", "dana");
            });
    FollowUpTestEnvironment.eventually(
        () -> {
          assertThat(env.people.textsTo("dana"))
              .singleElement()
              .asString()
              .startsWith("alice handed the postmortem of INC-7 over to you.")
              .contains("You own the postmortem of INC-7");
          assertThat(env.tracker.assignments)
              .containsExactly(new IssueAssignment("PAY-1", "acc-dana"));
        });

    env.sleepUntil(input.dueAt().plus(Duration.ofMinutes(1)));
    assertThat(env.people.textsTo("dana"))
        .anySatisfy(text -> assertThat(text).startsWith("Reminder: the postmortem of INC-7"))
        .anySatisfy(text -> assertThat(text).contains("is overdue"));
    assertThat(env.people.textsTo("erin"))
        .singleElement()
        .asString()
        .contains("postmortem of INC-7", "owned by <@U0DANA> is overdue");
    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_OVERDUE))
        .singleElement()
        .satisfies(event -> assertThat(event.text()).contains("escalated to erin"));
    // alice heard only that she owned it, before she handed it over.
    assertThat(env.people.textsTo("alice")).hasSize(1);
    assertThat(env.store.postmortems.get(7L).owner()).isEqualTo("dana");
    env.recordHistory(ID, "postmortem-handed-over.json");
  }

  @Test
  void theOwnerSomeoneElseHandedItOverFromIsToldTheyNoLongerOwnIt() {
    PostmortemInput input = env.closedSev1();
    PostmortemWorkflow postmortem = env.startPostmortem(input);
    env.sleep(Duration.ofHours(1));

    postmortem.handOver(new Handover("dana", "bob"));

    FollowUpTestEnvironment.eventually(
        () ->
            assertThat(env.people.textsTo("alice"))
                .hasSize(2)
                .last()
                .isEqualTo(
                    "bob handed the postmortem of INC-7 over to dana: you are no longer reminded"
                        + " of it."));
    env.sleepUntil(input.dueAt().plus(Duration.ofMinutes(1)));
    assertThat(env.people.textsTo("alice")).hasSize(2);
    assertThat(env.people.textsTo("bob")).isEmpty();
  }

  @Test
  void aHandOverWaitingBehindAnotherWhileThePostmortemIsPublishedIsRefusedNotDroppedSilently()
      throws Exception {
    PostmortemWorkflow postmortem = env.startPostmortem(env.closedSev1());
    env.sleep(Duration.ofHours(1));
    env.store.saveGate = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CompletableFuture<PostmortemView> toDana =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> postmortem.handOver(new Handover("dana", "alice")));
    assertThat(env.store.saveHeld.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    // Both accepted (validated, their handlers started) before the held save ends: the hand-over
    // to bob waits behind dana's, and the publication is made meanwhile.
    WorkflowStub stub = WorkflowStub.fromTyped(postmortem);
    WorkflowUpdateHandle<PostmortemView> toBob =
        stub.startUpdate(
            "handOver",
            WorkflowUpdateStage.ACCEPTED,
            PostmortemView.class,
            new Handover("bob", "alice"));
    WorkflowUpdateHandle<PostmortemView> published =
        stub.startUpdate(
            "publish",
            WorkflowUpdateStage.ACCEPTED,
            PostmortemView.class,
            new Publication("https://wiki.example.com/pm/inc-7", "", "alice"));
    env.store.saveGate.countDown();

    // Taken before the publication: answered, the postmortem published by then.
    assertThat(toDana.get(30, java.util.concurrent.TimeUnit.SECONDS).incidentId())
        .isEqualTo("INC-7");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> toBob.getResultAsync().get(30, java.util.concurrent.TimeUnit.SECONDS)))
        .isInstanceOf(java.util.concurrent.ExecutionException.class)
        .cause()
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(
            "the postmortem of INC-7 is already published at https://wiki.example.com/pm/inc-7");
    assertThat(published.getResultAsync().get(30, java.util.concurrent.TimeUnit.SECONDS).status())
        .isEqualTo(PostmortemStatus.PUBLISHED);
    assertThat(env.store.postmortems.get(7L).owner()).isEqualTo("dana");
    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_HANDED_OVER)).hasSize(1);
  }

  @Test
  void aRunContinuedAsNewKeepsTheOwnerItWasHandedOverTo() {
    PostmortemInput sev1 = env.closedSev1();
    // Polled every minute, a run passes the events after which it continues as new within hours.
    PostmortemInput input =
        new PostmortemInput(
            sev1.incidentNumber(),
            sev1.incidentKey(),
            sev1.title(),
            sev1.severity(),
            sev1.service(),
            sev1.commander(),
            sev1.stakeholderChannel(),
            sev1.channelName(),
            sev1.times(),
            sev1.due(),
            sev1.remindBefore(),
            Duration.ofMinutes(1),
            null,
            null);
    PostmortemWorkflow postmortem = env.startPostmortem(input);
    String firstRun = WorkflowStub.fromTyped(postmortem).getExecution().getRunId();
    env.sleep(Duration.ofMinutes(1));
    postmortem.handOver(new Handover("dana", "alice"));

    env.sleepUntil(input.dueAt().plus(Duration.ofMinutes(1)));

    assertThat(env.client().fetchHistory(ID, firstRun).getLastEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    assertThat(env.people.textsTo("dana"))
        .anySatisfy(text -> assertThat(text).startsWith("Reminder: the postmortem of INC-7"));
    assertThat(env.people.textsTo("erin"))
        .singleElement()
        .asString()
        .contains("owned by <@U0DANA>");
    assertThat(env.people.textsTo("alice")).hasSize(1);
    assertThat(env.store.postmortems.get(7L).owner()).isEqualTo("dana");
  }

  @Test
  void handingOverToTheOwnerItHasChangesNothing() {
    PostmortemWorkflow postmortem = env.startPostmortem(env.closedSev1());
    env.sleep(Duration.ofMinutes(1));

    postmortem.handOver(new Handover("bob", "alice"));
    postmortem.handOver(new Handover("bob", "alice"));
    env.sleep(Duration.ofMinutes(1));

    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_HANDED_OVER)).hasSize(1);
    assertThat(env.people.textsTo("bob")).hasSize(1);
    assertThat(env.tracker.assignments).hasSize(1);
  }

  @Test
  void aPublishedPostmortemIsNotHandedOver() {
    PostmortemWorkflow postmortem = env.startPostmortem(env.closedSev1());
    env.sleep(Duration.ofMinutes(1));
    // Slack down holds the run in its announcement: published, and still running.
    env.people.down = true;
    postmortem.publish(new Publication("https://wiki.example.com/pm/inc-7", "", "alice"));

    assertThatThrownBy(() -> postmortem.handOver(new Handover("bob", "alice")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("the postmortem of INC-7 is already published");
    assertThatThrownBy(() -> postmortem.handOver(new Handover(" ", "alice")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("owner is required");
    assertThat(env.store.postmortems.get(7L).owner()).isEqualTo("alice");
    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_HANDED_OVER)).isEmpty();
    env.people.down = false;
  }

  @Test
  void publishingEndsThePostmortemAndStopsTheReminders() {
    PostmortemInput input = env.closedSev1();
    PostmortemWorkflow postmortem = env.startPostmortem(input);
    env.sleep(Duration.ofHours(1));

    PostmortemView published =
        postmortem.publish(
            new Publication("https://wiki.example.com/pm/inc-7", "Bad config push", "alice"));

    assertThat(published.status()).isEqualTo(PostmortemStatus.PUBLISHED);
    assertThat(published.publishedUrl()).isEqualTo("https://wiki.example.com/pm/inc-7");
    PostmortemOutcome outcome = env.result(ID, PostmortemOutcome.class);
    assertThat(outcome.publication().by()).isEqualTo("alice");
    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_PUBLISHED))
        .singleElement()
        .satisfies(event -> assertThat(event.by()).isEqualTo("alice"));
    assertThat(env.store.postmortems.get(7L).status()).isEqualTo(PostmortemStatus.PUBLISHED);
    assertThat(env.store.postmortems.get(7L).publishedUrl())
        .isEqualTo("https://wiki.example.com/pm/inc-7");
    assertThat(env.people.textsIn("incidents"))
        .last()
        .asString()
        .isEqualTo(
            "Postmortem of INC-7 published by alice: https://wiki.example.com/pm/inc-7 - Bad config push");

    env.sleepUntil(input.dueAt().plus(Duration.ofDays(8)));
    assertThat(env.people.textsTo("alice")).hasSize(1);
    assertThat(env.people.textsTo("dana")).isEmpty();
    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_OVERDUE)).isEmpty();
    env.recordHistory(ID, "postmortem-published.json");
  }

  @Test
  void publishingIsAnsweredOnceSavedAndAnnouncedOnceSlackIsBack() throws Exception {
    PostmortemWorkflow postmortem = env.startPostmortem(env.closedSev1());
    env.sleep(Duration.ofHours(1));
    env.people.down = true;

    PostmortemView published =
        java.util.concurrent.CompletableFuture.supplyAsync(
                () ->
                    postmortem.publish(
                        new Publication("https://wiki.example.com/pm/inc-7", "", "alice")))
            .get(30, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(published.status()).isEqualTo(PostmortemStatus.PUBLISHED);
    assertThat(env.store.postmortems.get(7L).status()).isEqualTo(PostmortemStatus.PUBLISHED);
    assertThat(env.people.textsIn("incidents")).noneMatch(text -> text.contains("published"));
    env.people.down = false;
    env.sleep(Duration.ofMinutes(5));
    assertThat(env.people.textsIn("incidents")).last().asString().contains("published by alice");
    assertThat(env.isCompleted(ID)).isTrue();
  }

  @Test
  void whileJiraIsDownAtCloseThePostmortemIsOnRecordAndGetsItsIssueOnceJiraIsBack() {
    env.tracker.outagesBeforeCreate.set(Integer.MAX_VALUE);
    PostmortemWorkflow postmortem = env.startPostmortem(env.closedSev1());
    env.sleep(Duration.ofMinutes(30));

    // On record, so action items for the closed incident are taken, and counted as due.
    assertThat(env.store.postmortems.get(7L).status()).isEqualTo(PostmortemStatus.SCHEDULED);
    assertThat(env.store.postmortems.get(7L).jiraKey()).isNull();

    env.tracker.outagesBeforeCreate.set(0);
    env.sleep(Duration.ofMinutes(30));
    assertThat(env.store.postmortems.get(7L).jiraKey()).isEqualTo("PAY-1");
    assertThat(postmortem.view().jiraKey()).isEqualTo("PAY-1");
    env.recordHistory(ID, "postmortem-saved-while-jira-is-down.json");
  }

  @Test
  void aPollJiraRefusesKeepsThePostmortemChasedAndALaterPollEndsIt() {
    PostmortemInput input = env.closedSev1();
    env.startPostmortem(input);
    env.sleep(Duration.ofMinutes(1));
    env.tracker.refuseStatus = true;

    env.sleepUntil(input.dueAt().plus(Duration.ofMinutes(1)));
    assertThat(env.tracker.polls.get()).isGreaterThan(1);
    assertThat(env.isCompleted(ID)).isFalse();
    assertThat(env.store.postmortems.get(7L).status()).isEqualTo(PostmortemStatus.OVERDUE);
    assertThat(env.people.textsTo("dana")).hasSize(1);

    env.tracker.refuseStatus = false;
    env.tracker.moveTo("PAY-1", "Done", true);
    env.sleep(input.pollEvery());
    assertThat(env.result(ID, PostmortemOutcome.class).publication().by()).isEqualTo("jira");
    env.recordHistory(ID, "postmortem-polls-refused.json");
  }

  @Test
  void aPostmortemDoneInJiraIsPublishedWhenJiraSays() {
    PostmortemInput input = env.closedSev1();
    PostmortemWorkflow postmortem = env.startPostmortem(input);
    env.sleepUntil(input.dueAt().plus(Duration.ofHours(2)));

    // Done in Jira an hour before its due time; its webhook came late.
    java.time.Instant doneAt = input.dueAt().minus(Duration.ofHours(1));
    postmortem.trackerStatusChanged(new TrackerStatus("PAY-1", "Done", true, doneAt));

    assertThat(env.result(ID, PostmortemOutcome.class).publication().by()).isEqualTo("jira");
    assertThat(env.store.postmortems.get(7L).publishedAt()).isEqualTo(doneAt);
  }

  @Test
  void publishingWithoutAUrlIsRefusedAndChangesNothing() {
    PostmortemWorkflow postmortem = env.startPostmortem(env.closedSev1());
    env.sleep(Duration.ofMinutes(1));

    assertThatThrownBy(() -> postmortem.publish(new Publication(" ", "", "alice")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("url is required");
    assertThat(postmortem.view().status()).isEqualTo(PostmortemStatus.SCHEDULED);
  }

  @Test
  void jiraIssueMovedToDoneEndsThePostmortemEvenWhenItsWebhookIsLost() {
    PostmortemInput input = env.closedSev1();
    env.startPostmortem(input);
    env.sleep(Duration.ofHours(1));

    env.tracker.moveTo("PAY-1", "Done", true);
    env.sleep(input.pollEvery());

    PostmortemOutcome outcome = env.result(ID, PostmortemOutcome.class);
    assertThat(outcome.publication().by()).isEqualTo("jira");
    assertThat(outcome.publication().url()).isEqualTo("https://jira.example.com/browse/PAY-1");
    // FakeTracker's statuses carry no time, so the poll's stands in.
    assertThat(env.store.postmortems.get(7L).publishedAt()).isAfter(input.times().resolvedAt());
    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_PUBLISHED)).hasSize(1);
    env.recordHistory(ID, "postmortem-done-in-jira.json");
  }

  @Test
  void jiraRefusingTheIssueStillChasesThePostmortemAndCreatesTheIssueOnceJiraTakesIt() {
    PostmortemInput input = env.closedSev1();
    env.tracker.rejectCreates = true;
    PostmortemWorkflow postmortem = env.startPostmortem(input);
    env.sleep(Duration.ofMinutes(1));

    assertThat(postmortem.view().jiraKey()).isNull();
    assertThat(env.store.events(7, TimelineEventType.POSTMORTEM_SCHEDULED)).hasSize(1);

    env.tracker.rejectCreates = false;
    env.sleep(input.pollEvery());
    assertThat(postmortem.view().jiraKey()).isEqualTo("PAY-1");
    assertThat(env.store.postmortems.get(7L).jiraKey()).isEqualTo("PAY-1");
  }

  @Test
  void doneWebhookForTheIssuePublishesAtOnce() {
    PostmortemWorkflow postmortem = env.startPostmortem(env.closedSev1());
    env.sleep(Duration.ofMinutes(1));

    postmortem.trackerStatusChanged(new TrackerStatus("PAY-9", "Done", true));
    postmortem.trackerStatusChanged(new TrackerStatus("PAY-1", "Done", true));

    assertThat(env.result(ID, PostmortemOutcome.class).jiraKey()).isEqualTo("PAY-1");
    assertThat(env.tracker.polls).hasValue(0);
  }
}
