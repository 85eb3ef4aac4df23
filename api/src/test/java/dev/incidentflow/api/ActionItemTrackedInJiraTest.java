package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /v1/action-items/{id}/done} where Jira is configured (the stack's WireMock Jira
 * Cloud): an item whose issue Jira made is done when Jira says so, and marking it done in
 * IncidentFlow is refused, naming the issue to close.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ActionItemTrackedInJiraTest {
  private static final TestStack STACK = TestStack.get();
  private static final String DATABASE = "action_item_tracked_in_jira_test";

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", DATABASE, STACK.jiraCloud());

  @Test
  void anItemWhoseIssueJiraMadeIsClosedInJiraNotMarkedDone() {
    STACK.resetJira();
    String incident =
        new PastIncidents(STACK, DATABASE)
            .resolvedAnHourAgo("action-item-in-jira-" + UUID.randomUUID());
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    String item = PastIncidents.addActionItem(api, incident, "bob");
    api.await(
        "/v1/action-items?owner=bob",
        answer -> TestStack.ACTION_ITEM_KEY.equals(field(answer, item, "jiraKey")),
        Duration.ofSeconds(60));

    ApiClient.Answer refused =
        api.post("/v1/action-items/" + item + "/done", "{\"by\": \"bob\", \"note\": \"shipped\"}");

    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
    assertThat(refused.error())
        .isEqualTo(
            item
                + " is tracked by PAY-101 in Jira: close PAY-101 in Jira; IncidentFlow follows it");
    assertThat(field(api.get("/v1/action-items?owner=bob"), item, "status")).isEqualTo("open");
  }

  private static String field(ApiClient.Answer answer, String item, String name) {
    return StreamSupport.stream(answer.body().spliterator(), false)
        .filter(row -> row.path("id").asText().equals(item))
        .map(row -> row.path(name).asText())
        .findFirst()
        .orElse(null);
  }
}
