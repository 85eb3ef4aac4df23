package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.activities.store.ActionItemRow;
import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.workflows.activities.ActionItemNumber;
import dev.incidentflow.workflows.postmortem.ActionItemOutcome;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /v1/action-items/{id}/done} where Jira is not configured: the stand-in hands out
 * {@code DEV} keys that nothing closes, so marking the item done is the only way its chasing ends.
 * The items are added over HTTP to incidents written into a database of this test's own.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ActionItemDoneTest {
  private static final TestStack STACK = TestStack.get();
  private static final String DATABASE = "action_item_done_test";

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", DATABASE);

  @Test
  void markingAnItemDoneEndsItsChasingAndListsItDoneWithWhoAndWhen() throws Exception {
    PastIncidents past = new PastIncidents(STACK, DATABASE);
    String incident = resolvedIncident(past);
    String item = add(incident, "carol");
    Instant before = Instant.now();

    ApiClient.Answer done =
        api()
            .post(
                "/v1/action-items/" + item.toLowerCase() + "/done",
                """
                {"by": "Alice", "note": "Canary alert is live"}""");

    assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
    assertThat(done.body().path("id").asText()).isEqualTo(item);
    assertThat(done.body().path("status").asText()).isEqualTo("done");
    assertThat(done.body().path("jiraKey").asText()).startsWith("DEV-");
    assertThat(listed("/v1/action-items?status=done&owner=carol", item)).isEqualTo(done.body());
    ActionItemRow row =
        new FollowUpRepository(past.jdbi())
            .actionItem(ActionItemNumber.parse(item).orElseThrow().number())
            .orElseThrow();
    assertThat(row.doneAt()).isBetween(before, Instant.now());
    assertThat(Instant.parse(done.body().path("doneAt").asText())).isEqualTo(row.doneAt());
    assertThat(row.doneBy()).isEqualTo("alice");
    assertThat(done.body().path("doneBy").asText()).isEqualTo("alice");
    // Its workflow ends: no reminder, overdue notice or escalation is left to send.
    ActionItemOutcome outcome =
        STACK
            .temporalClient()
            .newUntypedWorkflowStub(row.workflowId())
            .getResult(30, TimeUnit.SECONDS, ActionItemOutcome.class);
    assertThat(outcome.doneAt()).isEqualTo(row.doneAt());
    JsonNode event =
        api()
            .await(
                "/v1/incidents/" + incident,
                answer -> doneEvent(answer.body()) != null,
                Duration.ofSeconds(60))
            .body();
    assertThat(doneEvent(event).path("by").asText()).isEqualTo("alice");
    assertThat(doneEvent(event).path("text").asText())
        .isEqualTo(
            "Action item "
                + item
                + " done (marked done by alice: Canary alert is live): Add a canary for checkout"
                + " releases");

    // Sent again (its answer was lost): the same answer, and nothing more on the timeline.
    ApiClient.Answer again = api().post("/v1/action-items/" + item + "/done", "{\"by\": \"bob\"}");
    assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(done.body());
    assertThat(
            StreamSupport.stream(
                    api().get("/v1/incidents/" + incident).body().path("timeline").spliterator(),
                    false)
                .filter(entry -> entry.path("type").asText().equals("action_item_done"))
                .count())
        .isEqualTo(1);
  }

  @Test
  void anItemThatDoesNotExistIsNotFound() {
    ApiClient.Answer unknown =
        api().post("/v1/action-items/AI-987654321/done", "{\"by\": \"alice\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error()).isEqualTo("AI-987654321 does not exist");

    ApiClient.Answer notAnId = api().post("/v1/action-items/INC-1/done", "{\"by\": \"alice\"}");
    assertThat(notAnId.status()).isEqualTo(404);
    assertThat(notAnId.error()).isEqualTo("'INC-1' is not an action item id (AI-<number>)");
  }

  @Test
  void someoneWhoIsNotInTheCatalogOrNobodyCannotMarkAnItemDone() {
    String item = add(resolvedIncident(new PastIncidents(STACK, DATABASE)), "carol");

    ApiClient.Answer stranger =
        api().post("/v1/action-items/" + item + "/done", "{\"by\": \"mallory\"}");
    ApiClient.Answer nobody = api().post("/v1/action-items/" + item + "/done", "{\"note\": \"x\"}");

    assertThat(stranger.status()).isEqualTo(422);
    assertThat(stranger.body().path("details").toString())
        .contains("by 'mallory' is not a person in the catalog");
    assertThat(nobody.status()).isEqualTo(422);
    assertThat(nobody.body().path("details").toString()).contains("by is required");
    assertThat(listed("/v1/action-items?owner=carol", item).path("status").asText())
        .isEqualTo("open");
  }

  private static String resolvedIncident(PastIncidents past) {
    return past.resolvedAnHourAgo("action-item-done-" + UUID.randomUUID());
  }

  /** Adds an item due in ten days and returns its id once it is listed open. */
  private static String add(String incident, String owner) {
    String item = PastIncidents.addActionItem(api(), incident, owner);
    api()
        .await(
            "/v1/action-items?owner=" + owner,
            answer -> listed(answer.body(), item) != null,
            Duration.ofSeconds(60));
    return item;
  }

  private static JsonNode listed(String path, String item) {
    JsonNode row = listed(api().get(path).body(), item);
    assertThat(row).as(item + " in " + path).isNotNull();
    return row;
  }

  private static JsonNode listed(JsonNode items, String item) {
    return StreamSupport.stream(items.spliterator(), false)
        .filter(row -> row.path("id").asText().equals(item))
        .findFirst()
        .orElse(null);
  }

  private static JsonNode doneEvent(JsonNode incident) {
    return StreamSupport.stream(incident.path("timeline").spliterator(), false)
        .filter(event -> event.path("type").asText().equals("action_item_done"))
        .findFirst()
        .orElse(null);
  }

  private static ApiClient api() {
    return new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
  }
}
