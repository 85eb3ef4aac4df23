package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.activities.store.IncidentJdbi;
import dev.incidentflow.activities.store.IncidentStoreActivitiesImpl;
import dev.incidentflow.activities.store.PostmortemStoreActivitiesImpl;
import dev.incidentflow.workflows.activities.ActionItemRecord;
import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.activities.NewActionItem;
import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Incidents from the past with known timestamps, written into the test stack's PostgreSQL through
 * the store activities, as a workflow would have written them.
 */
public final class PastIncidents {
  private final IncidentStoreActivitiesImpl store;
  private final PostmortemStoreActivitiesImpl followUps;
  private final Jdbi jdbi;

  /**
   * Incidents in {@code database}, the one the test's application uses (see {@link
   * TestStack#app(String, String)}).
   */
  public PastIncidents(TestStack stack, String database) {
    stack.jdbcUrl(database);
    this.jdbi = IncidentJdbi.create(stack.postgres.getDatabase("postgres", database));
    this.store = new IncidentStoreActivitiesImpl(jdbi);
    this.followUps = new PostmortemStoreActivitiesImpl(jdbi);
  }

  Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Stores a SEV1 checkout incident triggered two hours ago and resolved an hour ago, which takes
   * action items, and returns its id. {@code workflowId} must be unique to the test.
   */
  public String resolvedAnHourAgo(String workflowId) {
    Instant now = Instant.now();
    return resolved(workflowId, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
  }

  /** Stores a SEV1 checkout incident, resolved, and returns its id; see {@link #store}. */
  public String resolved(String workflowId, Instant triggeredAt, Instant resolvedAt) {
    return store(
        workflowId,
        "Checkout errors",
        "",
        Severity.SEV1,
        "checkout",
        null,
        Map.of(IncidentStatus.TRIGGERED, triggeredAt, IncidentStatus.RESOLVED, resolvedAt),
        List.of());
  }

  /**
   * Stores an action item "Add a burn-rate alert" of {@code incidentNumber}, added by alice, as its
   * workflow would have stored it, and returns its id ({@code AI-<n>}).
   *
   * @param doneAt when it was done; used only when {@code status} is done
   */
  String storedActionItem(
      long incidentNumber, String owner, LocalDate due, ActionItemStatus status, Instant doneAt) {
    return storedActionItem(
        "action-item-" + UUID.randomUUID(),
        incidentNumber,
        "Add a burn-rate alert",
        owner,
        due,
        status,
        doneAt);
  }

  /**
   * As {@link #storedActionItem(long, String, LocalDate, ActionItemStatus, Instant)}, by workflow
   * {@code workflowId} and titled {@code title}.
   */
  String storedActionItem(
      String workflowId,
      long incidentNumber,
      String title,
      String owner,
      LocalDate due,
      ActionItemStatus status,
      Instant doneAt) {
    long number =
        followUps
            .recordActionItem(
                new NewActionItem(
                    workflowId,
                    incidentNumber,
                    title,
                    owner,
                    due,
                    ActionItemKind.IMPROVEMENT,
                    "alice"))
            .number();
    if (status != ActionItemStatus.OPEN) {
      followUps.saveActionItem(
          new ActionItemRecord(
              number,
              workflowId,
              status,
              null,
              null,
              0,
              status == ActionItemStatus.DONE ? doneAt : null,
              status == ActionItemStatus.DONE ? "jira" : null));
    }
    return "AI-" + number;
  }

  /**
   * Adds an action item due in ten days to {@code incident} over HTTP, as alice, and returns its
   * id.
   */
  static String addActionItem(ApiClient api, String incident, String owner) {
    ApiClient.Answer added =
        api.post(
            "/v1/incidents/" + incident + "/action-items",
            """
            {"title": "Add a canary for checkout releases", "owner": "%s", "due": "%s",
             "kind": "root_cause", "by": "alice"}"""
                .formatted(owner, LocalDate.now().plusDays(10)));
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    return added.body().path("id").asText();
  }

  /**
   * Stores an incident whose status is the latest of {@code times} (by lifecycle order) and returns
   * its id. {@code workflowId} must be unique to the test.
   */
  public String store(
      String workflowId,
      String title,
      String description,
      Severity severity,
      String service,
      String dedupKey,
      Map<IncidentStatus, Instant> times,
      List<TimelineEvent> events) {
    Instant triggeredAt = times.get(IncidentStatus.TRIGGERED);
    long number =
        store
            .recordIncident(
                new NewIncident(
                    workflowId,
                    workflowId + "-run",
                    title,
                    description,
                    severity,
                    service,
                    dedupKey == null ? "declared" : "generic",
                    dedupKey,
                    dedupKey == null ? "alice" : null,
                    triggeredAt))
            .number();
    IncidentStatus status = times.keySet().stream().max(Enum::compareTo).orElseThrow();
    store.saveIncident(
        new IncidentSnapshot(
            number,
            workflowId,
            title,
            severity,
            service,
            status,
            null,
            Map.of(),
            null,
            null,
            0,
            null,
            times,
            events));
    return "INC-" + number;
  }
}
