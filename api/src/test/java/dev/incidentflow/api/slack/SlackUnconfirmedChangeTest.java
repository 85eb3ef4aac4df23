package dev.incidentflow.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.api.ApiClient;
import dev.incidentflow.api.IncidentFlowConfiguration;
import dev.incidentflow.api.PastIncidents;
import dev.incidentflow.api.TestStack;
import dev.incidentflow.api.UnpolledIncidents;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A change typed in Slack that its incident's workflow has not made within the 30 s the API waits
 * for a change: the person who typed it hears that it still runs, then that it was not confirmed
 * and where to look before typing it again.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlackUnconfirmedChangeTest {
  private static final TestStack STACK = TestStack.get();

  /** Its own database: the incident is written straight into the store. */
  private static final String DATABASE = "slack_unconfirmed_change_test";

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app(
          "e2e/policy.yml",
          DATABASE,
          ConfigOverride.config("slack.signingSecret", SlackSender.SIGNING_SECRET));

  @Test
  void aChangeNotConfirmedWithinThirtySecondsSendsItsTyperToTheChannelOrStatus() {
    // The incident's workflow runs, but on a task queue no worker polls (its workers all down), so
    // nothing takes the acknowledgement.
    String workflowId = "declared-" + UUID.randomUUID();
    UnpolledIncidents.start(STACK.temporalClient(), workflowId);
    try {
      String incident =
          new PastIncidents(STACK, DATABASE)
              .store(
                  workflowId,
                  "Checkout down",
                  "",
                  Severity.SEV2,
                  "checkout",
                  null,
                  Map.of(IncidentStatus.TRIGGERED, Instant.now()),
                  List.of());
      SlackSender slack = new SlackSender(APP.getLocalPort(), STACK.slack);
      String responseUrl = slack.responseUrl("commands");

      SlackSender.assertWorking(
          slack.command("C0GENERAL", "U0ALICE", "alice.ng", incident + " ack", responseUrl));
      List<JsonNode> replies = slack.awaitReplies(responseUrl, 2, Duration.ofSeconds(90));

      assertThat(replies.get(0).path("text").asText()).startsWith("Still working on it");
      assertThat(replies.get(1).path("response_type").asText()).isEqualTo("ephemeral");
      assertThat(replies.get(1).path("text").asText())
          .isEqualTo(
              incident
                  + " did not confirm the change within 30 s (its worker or the database is slow"
                  + " or down); it may still be made. Check the incident channel or `/incident"
                  + " status` before typing it again.");
      assertThat(
              new ApiClient(APP.getLocalPort(), TestStack.TOKEN)
                  .get("/v1/incidents/" + incident)
                  .body()
                  .path("status")
                  .asText())
          .isEqualTo("triggered");
    } finally {
      STACK.temporalClient().newUntypedWorkflowStub(workflowId).terminate("the test is over");
    }
  }
}
