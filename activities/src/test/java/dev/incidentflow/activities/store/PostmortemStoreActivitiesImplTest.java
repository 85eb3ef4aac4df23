package dev.incidentflow.activities.store;

import static dev.incidentflow.activities.store.SampleIncidents.START;
import static dev.incidentflow.activities.store.SampleIncidents.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.activities.ActionItemNumber;
import dev.incidentflow.workflows.activities.ActionItemRecord;
import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.NewActionItem;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.postmortem.ActionItemAdmission;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostmortemStoreActivitiesImplTest {

  @RegisterExtension
  static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

  private PostmortemStoreActivitiesImpl store;
  private FollowUpRepository repository;
  private long incident;

  @BeforeEach
  void setUp() {
    store = new PostmortemStoreActivitiesImpl(POSTGRES.jdbi());
    repository = new FollowUpRepository(POSTGRES.jdbi());
    incident =
        new IncidentStoreActivitiesImpl(POSTGRES.jdbi())
            .recordIncident(alert("alert-group-1", "run-1"))
            .number();
  }

  @Test
  void postmortemIsWrittenThenOverwrittenAndFoundByItsJiraKey() {
    store.savePostmortem(postmortem(PostmortemStatus.SCHEDULED, null));
    assertThat(store.findPostmortemIssue(new IncidentNumber(incident)).exists()).isFalse();

    store.savePostmortem(postmortem(PostmortemStatus.SCHEDULED, "PAY-100"));
    store.savePostmortem(postmortem(PostmortemStatus.OVERDUE, null));

    assertThat(store.findPostmortemIssue(new IncidentNumber(incident)).key()).isEqualTo("PAY-100");
    assertThat(repository.postmortemByJiraKey("PAY-100"))
        .hasValueSatisfying(
            found -> {
              assertThat(found.status()).isEqualTo(PostmortemStatus.OVERDUE);
              assertThat(found.workflowId()).isEqualTo("postmortem-INC-1");
              assertThat(found.dueAt()).isEqualTo(START.plus(Duration.ofHours(24)));
            });
  }

  @Test
  void recordingTheSameActionItemTwiceGivesOneRowAndOneNumber() {
    ActionItemNumber first = store.recordActionItem(item("action-item-a", "bob", 3));
    ActionItemNumber retry = store.recordActionItem(item("action-item-a", "bob", 3));
    ActionItemNumber other = store.recordActionItem(item("action-item-b", "carol", 5));

    assertThat(retry).isEqualTo(first);
    assertThat(first.id()).isEqualTo("AI-1");
    assertThat(other.id()).isEqualTo("AI-2");
    assertThat(repository.actionItems(new ActionItemFilter(null, null))).hasSize(2);
  }

  @Test
  void actionItemsAreListedByStatusAndOwnerSoonestDueFirst() {
    long late = store.recordActionItem(item("action-item-a", "bob", 5)).number();
    long soon = store.recordActionItem(item("action-item-b", "bob", 2)).number();
    long carols = store.recordActionItem(item("action-item-c", "carol", 1)).number();
    store.saveActionItem(
        new ActionItemRecord(
            late,
            "action-item-a",
            ActionItemStatus.OVERDUE,
            "PAY-7",
            "https://jira.example.com/browse/PAY-7",
            0,
            null,
            null));
    store.saveActionItem(
        new ActionItemRecord(
            carols,
            "action-item-c",
            ActionItemStatus.DONE,
            "PAY-8",
            "https://jira.example.com/browse/PAY-8",
            0,
            START,
            "carol"));

    assertThat(repository.actionItems(new ActionItemFilter(null, "bob")))
        .extracting(ActionItemRow::number)
        .containsExactly(soon, late);
    assertThat(repository.actionItems(new ActionItemFilter(ActionItemStatus.OVERDUE, null)))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.id()).isEqualTo("AI-1");
              assertThat(row.incidentId()).isEqualTo("INC-1");
              assertThat(row.jiraKey()).isEqualTo("PAY-7");
              assertThat(row.kind()).isEqualTo(ActionItemKind.ROOT_CAUSE);
              assertThat(row.due()).isEqualTo(LocalDate.parse("2025-05-06"));
            });
    assertThat(repository.actionItems(new ActionItemFilter(ActionItemStatus.DONE, "carol")))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.doneAt()).isEqualTo(START);
              assertThat(row.doneBy()).isEqualTo("carol");
            });
    assertThat(repository.actionItemByJiraKey("PAY-8")).map(ActionItemRow::number).contains(carols);
  }

  @Test
  void whoMarkedAnItemDoneIsKeptBySavesThatDoNotSayAndClearedWhenItIsReopened() {
    long number = store.recordActionItem(item("action-item-a", "bob", 3)).number();
    saveWithoutIssue(number, "action-item-a", ActionItemStatus.DONE, 0, START, "carol");
    assertThat(doneBy(number)).isEqualTo("carol");

    // A worker older than doneBy saving the item done again.
    saveWithoutIssue(number, "action-item-a", ActionItemStatus.DONE, 0, START, null);
    assertThat(doneBy(number)).isEqualTo("carol");

    // Reopened in Jira: its next round is open again, done by nobody yet.
    saveWithoutIssue(number, "action-item-a", ActionItemStatus.OPEN, 1, null, null);
    assertThat(doneBy(number)).isNull();
  }

  @Test
  void aDoneItemStoredWithoutWhoDidItTakesItsDoneEventAndAnOpenOneNobody() {
    long done = store.recordActionItem(item("action-item-a", "bob", 3)).number();
    long reopened = store.recordActionItem(item("action-item-b", "bob", 3)).number();
    POSTGRES
        .jdbi()
        .useHandle(
            handle -> {
              // As a worker older than done_by leaves them: the first saved done, the second
              // saved open again after a newer one had saved it done.
              handle.execute("UPDATE action_items SET status = 'done' WHERE number = ?", done);
              handle.execute(
                  "UPDATE action_items SET done_by = 'carol' WHERE number = ?", reopened);
              for (String by : new String[] {"jira", "dave"}) {
                handle.execute(
                    "INSERT INTO timeline_events (incident_number, sequence, at, type, by_whom,"
                        + " data) SELECT ?, COALESCE(MAX(sequence), 0) + 1, now(),"
                        + " 'action_item_done', ?, jsonb_build_object('actionItem', 'AI-' || ?)"
                        + " FROM timeline_events WHERE incident_number = ?",
                    incident,
                    by,
                    done,
                    incident);
              }
            });

    assertThat(doneBy(done)).isEqualTo("dave");
    assertThat(doneBy(reopened)).isNull();

    // Done again, saved without who did it: the earlier round's name does not come back.
    saveWithoutIssue(reopened, "action-item-b", ActionItemStatus.DONE, 1, START, null);
    assertThat(doneBy(reopened)).isNull();
  }

  /** Saves an item that has no Jira issue, as its workflow does. */
  private void saveWithoutIssue(
      long number,
      String workflowId,
      ActionItemStatus status,
      int round,
      Instant doneAt,
      String doneBy) {
    store.saveActionItem(
        new ActionItemRecord(number, workflowId, status, null, null, round, doneAt, doneBy));
  }

  /** Who the stored item says marked it done; fails when there is no such item. */
  private String doneBy(long number) {
    return repository.actionItem(number).orElseThrow().doneBy();
  }

  @Test
  void onlyADoneItemHasSomebodyWhoMarkedItDone() {
    assertThatThrownBy(
            () ->
                new ActionItemRecord(
                    1, "action-item-a", ActionItemStatus.OPEN, null, null, 0, null, "carol"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("doneBy");
  }

  @Test
  void aNewActionItemIsRefusedOnceItsIncidentWasCanceledOrItsPostmortemPublished() {
    setIncidentStatus("canceled");
    assertThatThrownBy(() -> store.recordActionItem(item("action-item-a", "bob", 3)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            refused -> {
              assertThat(refused.getType()).isEqualTo(ActionItemAdmission.REFUSED);
              assertThat(refused.isNonRetryable()).isTrue();
              assertThat(refused.getOriginalMessage())
                  .isEqualTo("INC-1 was canceled as a false alarm; it has no action items");
            });

    setIncidentStatus("closed");
    store.savePostmortem(postmortem(PostmortemStatus.SCHEDULED, null));
    ActionItemNumber beforePublication = store.recordActionItem(item("action-item-b", "bob", 3));
    store.savePostmortem(postmortem(PostmortemStatus.PUBLISHED, null));
    assertThatThrownBy(() -> store.recordActionItem(item("action-item-c", "bob", 3)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            refused ->
                assertThat(refused.getOriginalMessage())
                    .isEqualTo("INC-1 is closed and its postmortem is published"));

    // A retry of an item already recorded (or the run of one Jira reopened) finds its row.
    assertThat(store.recordActionItem(item("action-item-b", "bob", 3)))
        .isEqualTo(beforePublication);
    assertThat(repository.actionItems(new ActionItemFilter(null, null))).hasSize(1);
  }

  @Test
  void aNewActionItemRacingACancelWaitsForItsSaveAndIsRefused() throws Exception {
    try (Handle canceling = POSTGRES.jdbi().open()) {
      canceling.begin();
      canceling.execute("UPDATE incidents SET status = 'canceled' WHERE number = ?", incident);
      CompletableFuture<ActionItemNumber> recording =
          CompletableFuture.supplyAsync(
              () -> store.recordActionItem(item("action-item-a", "bob", 3)));
      awaitALockWait();
      assertThat(recording).as("recorded while the cancel was being saved").isNotDone();

      canceling.commit();

      assertThatThrownBy(() -> recording.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ApplicationFailure.class)
          .hasMessageContaining("INC-1 was canceled as a false alarm");
    }
    assertThat(repository.actionItems(new ActionItemFilter(null, null))).isEmpty();
  }

  /**
   * Returns once a session waits for a row lock, as the recording must while the cancel's save
   * holds the incident's row; fails if none does within 10 s (the recording did not wait).
   */
  private static void awaitALockWait() throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      boolean waiting =
          POSTGRES
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                              .createQuery(
                                  "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                              .mapTo(Integer.class)
                              .one()
                          > 0);
      if (waiting) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no session waited for a lock: the recording did not wait");
  }

  private void setIncidentStatus(String status) {
    POSTGRES
        .jdbi()
        .useHandle(
            handle ->
                handle.execute(
                    "UPDATE incidents SET status = ? WHERE number = ?", status, incident));
  }

  @Test
  void jiraKeyOnceStoredIsKeptBySavesWithoutOne() {
    long number = store.recordActionItem(item("action-item-a", "bob", 3)).number();
    store.saveActionItem(
        new ActionItemRecord(
            number, "action-item-a", ActionItemStatus.OPEN, "PAY-7", "u", 0, null, null));

    store.saveActionItem(
        new ActionItemRecord(
            number, "action-item-a", ActionItemStatus.OPEN, null, null, 1, null, null));

    assertThat(repository.actionItem(number))
        .hasValueSatisfying(
            row -> {
              assertThat(row.jiraKey()).isEqualTo("PAY-7");
              assertThat(row.round()).isEqualTo(1);
            });
  }

  @Test
  void postmortemOwnerIsStoredAndKeptBySavesWithoutOne() {
    store.savePostmortem(postmortem(PostmortemStatus.SCHEDULED, null, "alice"));
    assertThat(repository.postmortem(incident).orElseThrow().owner()).isEqualTo("alice");

    // As a worker older than owners saves it.
    store.savePostmortem(postmortem(PostmortemStatus.OVERDUE, null, null));
    assertThat(repository.postmortem(incident).orElseThrow())
        .satisfies(
            found -> {
              assertThat(found.status()).isEqualTo(PostmortemStatus.OVERDUE);
              assertThat(found.owner()).isEqualTo("alice");
            });

    store.savePostmortem(postmortem(PostmortemStatus.OVERDUE, null, "bob"));
    assertThat(repository.postmortem(incident).orElseThrow().owner()).isEqualTo("bob");
  }

  private PostmortemRecord postmortem(PostmortemStatus status, String jiraKey) {
    return postmortem(status, jiraKey, "alice");
  }

  private PostmortemRecord postmortem(PostmortemStatus status, String jiraKey, String owner) {
    return new PostmortemRecord(
        incident,
        "postmortem-INC-1",
        status,
        START.plus(Duration.ofHours(24)),
        jiraKey,
        jiraKey == null ? null : "https://jira.example.com/browse/" + jiraKey,
        null,
        null,
        null,
        null,
        owner);
  }

  private NewActionItem item(String workflowId, String owner, int dueInDays) {
    return new NewActionItem(
        workflowId,
        incident,
        "Add a canary alert",
        owner,
        LocalDate.parse("2025-05-01").plusDays(dueInDays),
        ActionItemKind.ROOT_CAUSE,
        "alice");
  }
}
