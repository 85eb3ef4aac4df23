package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jira's webhooks about an action item that was done and reopened, delivered out of order as Jira
 * does when it retries a delivery that failed. The item is added over HTTP to an incident written
 * into a database of this test's own; Jira is the stack's WireMock Jira Cloud.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ActionItemReopeningTest {
  private static final TestStack STACK = TestStack.get();
  private static final String DATABASE = "action_item_reopening_test";
  private static final ObjectMapper JSON = new ObjectMapper();

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", DATABASE, STACK.jiraCloud());

  @Test
  void aDoneEventSentBeforeTheReopeningAndDeliveredAfterItLeavesTheItemOpen() throws Exception {
    STACK.resetJira();
    Instant now = Instant.now();
    String incident =
        new PastIncidents(STACK, DATABASE)
            .resolvedAnHourAgo("action-item-reopening-" + UUID.randomUUID());
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    String item = PastIncidents.addActionItem(api, incident, "bob");
    awaitStatus(api, item, "open", TestStack.ACTION_ITEM_KEY);

    Instant done = now.minusSeconds(60);
    assertThat(webhook(event("Done", "done", done))).isIn("signaled");
    awaitStatus(api, item, "done", TestStack.ACTION_ITEM_KEY);
    assertThat(webhook(event("In Progress", "indeterminate", now.minusSeconds(30))))
        .isIn("reopened", "signaled");
    awaitStatus(api, item, "open", TestStack.ACTION_ITEM_KEY);
    api.await(
        "/v1/incidents/" + incident,
        answer -> types(answer.body()).contains("action_item_reopened"),
        Duration.ofSeconds(120));

    // Jira's first delivery of the done event failed; its retry lands after the reopening.
    assertThat(webhook(event("Done", "done", done))).isEqualTo("ignored");
    ApiClient.sleep(2_000);
    assertThat(statusOf(api, item)).isEqualTo("open");

    // Done again for real, later.
    assertThat(webhook(event("Done", "done", Instant.now()))).isEqualTo("signaled");
    awaitStatus(api, item, "done", TestStack.ACTION_ITEM_KEY);
  }

  /** The fixture's {@code jira:issue_updated} event for the item's issue moved to this status. */
  private static String event(String status, String category, Instant at) throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(TestStack.fixture("jira-issue-updated.json"));
    event.put("timestamp", at.toEpochMilli());
    ObjectNode issue = (ObjectNode) event.path("issue");
    issue.put("key", TestStack.ACTION_ITEM_KEY);
    ObjectNode statusNode = (ObjectNode) issue.path("fields").path("status");
    statusNode.put("name", status);
    ((ObjectNode) statusNode.path("statusCategory")).put("key", category);
    ((ObjectNode) event.path("changelog").path("items").get(0)).put("toString", status);
    return JSON.writeValueAsString(event);
  }

  /** Delivers {@code event} as Jira would and returns the answer's {@code action}. */
  private static String webhook(String event) {
    ApiClient.Answer answer =
        new ApiClient(APP.getLocalPort(), TestStack.TOKEN)
            .post("/v1/jira/webhook?secret=" + TestStack.JIRA_WEBHOOK_SECRET, event);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body().path("action").asText();
  }

  private static void awaitStatus(ApiClient api, String item, String status, String jiraKey) {
    api.await(
        "/v1/action-items?owner=bob",
        answer ->
            StreamSupport.stream(answer.body().spliterator(), false)
                .anyMatch(
                    row ->
                        row.path("id").asText().equals(item)
                            && row.path("status").asText().equals(status)
                            && row.path("jiraKey").asText().equals(jiraKey)),
        Duration.ofSeconds(120));
  }

  private static String statusOf(ApiClient api, String item) {
    return StreamSupport.stream(api.get("/v1/action-items?owner=bob").body().spliterator(), false)
        .filter(row -> row.path("id").asText().equals(item))
        .map(row -> row.path("status").asText())
        .findFirst()
        .orElseThrow();
  }

  private static List<String> types(JsonNode incident) {
    return StreamSupport.stream(incident.path("timeline").spliterator(), false)
        .map(event -> event.path("type").asText())
        .toList();
  }
}
