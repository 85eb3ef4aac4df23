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
 * retention). The items are written into a database of this test's own, as their workflows would
 * have written them; Temporal has no workflow for them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ActionItemIdempotencyTest {
  private static final TestStack STACK = TestStack.get();
  private static final String DATABASE = "action_item_idempotency_test";
  private static final LocalDate DUE = LocalDate.now().plusDays(10);

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", DATABASE);

  private final ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
  private final PastIncidents past = new PastIncidents(STACK, DATABASE);
  private final String incident =
      past.resolvedAnHourAgo("action-item-idempotency-" + UUID.randomUUID());
  private final String key = "key-" + UUID.randomUUID();

  @Test
  void anItemSentAgainAfterTemporalForgotItsWorkflowAnswersWithTheStoredItemAndStartsNothing() {
    String stored =
        stored(
            "Add a burn-rate alert",
            "alice",
            ActionItemStatus.DONE,
            Instant.now().minus(Duration.ofMinutes(30)));

    ApiClient.Answer again = add("Add a burn-rate alert", "alice");
    ApiClient.Answer other = add("Add a canary", "alice");

    assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
    assertThat(again.body().path("id").asText()).isEqualTo(stored);
    assertThat(again.body().path("title").asText()).isEqualTo("Add a burn-rate alert");
    assertThat(again.body().path("status").asText()).isEqualTo("done");
    // Nothing started again: a workflow for the item would chase it as if it were new.
    String workflowId = FollowUpGateway.keyedWorkflowId(incident, key);
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
    String stored = stored("Drain the\u0000queue", "bob", ActionItemStatus.OPEN, null);

    ApiClient.Answer again = add("Drain the\\u0000queue", "bob");

    assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
    assertThat(again.body().path("id").asText()).isEqualTo(stored);
  }

  /**
   * Stores an item of the incident, due {@link #DUE}, as its workflow under the key recorded it.
   */
  private String stored(String title, String owner, ActionItemStatus status, Instant doneAt) {
    return past.storedActionItem(
        FollowUpGateway.keyedWorkflowId(incident, key),
        Long.parseLong(incident.substring("INC-".length())),
        title,
        owner,
        DUE,
        status,
        doneAt);
  }

  /** Adds an item to the incident under the key; {@code jsonTitle} as it goes in a JSON string. */
  private ApiClient.Answer add(String jsonTitle, String owner) {
    return api.post(
        "/v1/incidents/" + incident + "/action-items",
        """
        {"title": "%s", "owner": "%s", "due": "%s", "kind": "improvement", "by": "alice"}"""
            .formatted(jsonTitle, owner, DUE),
        Map.of("Idempotency-Key", key));
  }
}
