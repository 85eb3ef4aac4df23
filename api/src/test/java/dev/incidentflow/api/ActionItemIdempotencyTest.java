package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.api.core.FollowUpGateway;
import dev.incidentflow.workflows.model.ActionItemStatus;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An action item sent again with its {@code Idempotency-Key} is the item it added for as long as
 * the store keeps it, also once Temporal has removed the item's ended workflow (the namespace's
 * retention). The items are written into a database of this test's own.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ActionItemIdempotencyTest {
  private static final TestStack STACK = TestStack.get();
  private static final String DATABASE = "action_item_idempotency_test";

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", DATABASE);

  @Test
  void anItemSentAgainAfterTemporalForgotItsWorkflowAnswersWithTheStoredItemAndStartsNothing() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    PastIncidents past = new PastIncidents(STACK, DATABASE);
    String incident = past.resolvedAnHourAgo("action-item-idempotency-" + UUID.randomUUID());
    String key = "burn-rate-" + UUID.randomUUID();
    LocalDate due = LocalDate.now().plusDays(10);
    // As the item's workflow recorded it, done; Temporal has removed the ended workflow since.
    String workflowId = FollowUpGateway.keyedWorkflowId(incident, key);
    String stored =
        past.storedActionItem(
            workflowId,
            Long.parseLong(incident.substring("INC-".length())),
            "Add a burn-rate alert",
            "alice",
            due,
            ActionItemStatus.DONE,
            Instant.now().minus(Duration.ofMinutes(30)));
    String path = "/v1/incidents/" + incident + "/action-items";

    ApiClient.Answer again =
        api.post(path, item("Add a burn-rate alert", due), Map.of("Idempotency-Key", key));
    ApiClient.Answer other =
        api.post(path, item("Add a canary", due), Map.of("Idempotency-Key", key));

    assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
    assertThat(again.body().path("id").asText()).isEqualTo(stored);
    assertThat(again.body().path("title").asText()).isEqualTo("Add a burn-rate alert");
    assertThat(again.body().path("status").asText()).isEqualTo("done");
    // Nothing started again: a workflow for the item would chase it as if it were new.
    assertThatThrownBy(() -> STACK.temporalClient().newUntypedWorkflowStub(workflowId).describe())
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.error())
        .isEqualTo(
            "Idempotency-Key '"
                + key
                + "' already added "
                + stored
                + " (Add a burn-rate alert), another action item; send a new key for a new item");
    List<String> listed = new ArrayList<>();
    for (JsonNode row : api.get("/v1/action-items?owner=alice").body()) {
      listed.add(row.path("id").asText());
    }
    assertThat(listed).containsExactly(stored);
  }

  /** The store keeps a NUL as U+FFFD: the same title sent again is still the same item. */
  @Test
  void anItemWhoseTitleHasANulIsTheSameItemWhenSentAgainAfterTemporalForgotIt() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    PastIncidents past = new PastIncidents(STACK, DATABASE);
    String incident = past.resolvedAnHourAgo("action-item-idempotency-" + UUID.randomUUID());
    String key = "nul-" + UUID.randomUUID();
    LocalDate due = LocalDate.now().plusDays(10);
    String stored =
        past.storedActionItem(
            FollowUpGateway.keyedWorkflowId(incident, key),
            Long.parseLong(incident.substring("INC-".length())),
            "Drain the\u0000queue",
            "bob",
            due,
            ActionItemStatus.OPEN,
            null);

    ApiClient.Answer again =
        api.post(
            "/v1/incidents/" + incident + "/action-items",
            """
            {"title": "Drain the\\u0000queue", "owner": "bob", "due": "%s", "kind": "improvement",
             "by": "alice"}"""
                .formatted(due),
            Map.of("Idempotency-Key", key));

    assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
    assertThat(again.body().path("id").asText()).isEqualTo(stored);
  }

  private static String item(String title, LocalDate due) {
    return """
        {"title": "%s", "owner": "alice", "due": "%s", "kind": "improvement", "by": "alice"}"""
        .formatted(title, due);
  }
}
