package dev.incidentflow.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.api.ApiClient;
import dev.incidentflow.api.IncidentFlowConfiguration;
import dev.incidentflow.api.TestStack;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The briefing's buttons end to end on the real application: a signed block_actions click in, an
 * empty 200 at once, the workflow's state changed, the outcome posted to response_url without
 * replacing the briefing, and the channel told.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlackInteractionsTest {
  private static final TestStack STACK = TestStack.get();
  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app(
          "e2e/policy.yml",
          ConfigOverride.config("slack.signingSecret", SlackSender.SIGNING_SECRET));
  private static final AtomicInteger CHANNELS = new AtomicInteger();

  private ApiClient api;
  private SlackSender slack;
  private String channel;
  private String incident;

  @BeforeEach
  void triggeredIncident() {
    api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    slack = new SlackSender(APP.getLocalPort(), STACK.slack);
    channel = "C0BTN" + CHANNELS.incrementAndGet();
    incident = slack.declareIn(api, channel, "SEV2", "Buttons");
  }

  @Test
  void acknowledgeButtonAcknowledgesAsTheCatalogPersonWhoClicked() {
    assertThat(click("incident_acknowledge", "U0ALICE", "alice.ng"))
        .isEqualTo(incident + " is now acknowledged.");

    JsonNode state = api.get("/v1/incidents/" + incident).body();
    assertThat(state.path("status").asText()).isEqualTo("acknowledged");
    assertThat(SlackCommandsTest.events(state.path("timeline"), "acknowledged"))
        .containsExactly("alice: Acknowledged by alice");
    slack.awaitChannelPost(channel, incident + " Acknowledged by alice");
  }

  @Test
  void resolveButtonResolvesAndTellsChannelAndStakeholders() {
    assertThat(click("incident_resolve", "U0BOB", "bob")).isEqualTo(incident + " is now resolved.");

    assertThat(api.get("/v1/incidents/" + incident).body().path("status").asText())
        .isEqualTo("resolved");
    slack.awaitChannelPost(channel, incident + " Resolved by bob");
    slack.awaitChannelPost("incidents", incident + " (SEV2, payments-api) resolved by bob");
  }

  @Test
  void escalateButtonRunsTheNextStepNow() {
    assertThat(click("incident_escalate", "U0ZOE", "zoe"))
        .isEqualTo(incident + " escalated: the next step of its escalation chain is being paged.");

    JsonNode escalated =
        api.await(
                "/v1/incidents/" + incident,
                answer -> answer.body().path("escalationLevel").asInt() == 1)
            .body();
    assertThat(SlackCommandsTest.events(escalated.path("timeline"), "escalated"))
        .singleElement()
        .asString()
        .contains("(escalated by zoe)");
  }

  @Test
  void postUpdateButtonExplainsTheCommandAndChangesNothing() {
    assertThat(click("incident_update", "U0ALICE", "alice"))
        .isEqualTo(
            "To post a status update on "
                + incident
                + ", type `/incident update "
                + incident
                + " &lt;what changed&gt;` (in its channel `/incident update &lt;what changed&gt;` will do).");

    assertThat(api.get("/v1/incidents/" + incident).body().path("status").asText())
        .isEqualTo("triggered");
  }

  @Test
  void refusedClickTellsTheClickerWhy() {
    click("incident_acknowledge", "U0BOB", "bob");

    assertThat(click("incident_acknowledge", "U0ALICE", "alice"))
        .isEqualTo(incident + " is already acknowledged by bob");
    assertThat(
            SlackCommandsTest.events(
                api.get("/v1/incidents/" + incident).body().path("timeline"), "acknowledged"))
        .containsExactly("bob: Acknowledged by bob");
  }

  @Test
  void clickForAnIncidentThatDoesNotExistSaysSo() {
    String responseUrl = slack.responseUrl("actions");

    SlackSender.Answer answer =
        slack.click("incident_acknowledge", "INC-999999", channel, "U0ALICE", "alice", responseUrl);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(slack.awaitReply(responseUrl).path("text").asText())
        .isEqualTo("INC-999999 does not exist");
  }

  @Test
  void clickOnAButtonThatIsNotOursIsAcceptedAndIgnored() {
    String responseUrl = slack.responseUrl("actions");

    SlackSender.Answer answer =
        slack.click("some_other_app_button", incident, channel, "U0ALICE", "alice", responseUrl);

    assertThat(answer.status()).isEqualTo(200);
    ApiClient.sleep(300);
    assertThat(slack.repliesTo(responseUrl)).isZero();
    assertThat(api.get("/v1/incidents/" + incident).body().path("status").asText())
        .isEqualTo("triggered");
  }

  @Test
  void aPayloadThatIsNotAJsonObjectIsABadRequest() {
    SlackSender.Answer answer = slack.signed("/v1/slack/interactions", "payload=null");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("the form field payload must be a JSON object");
  }

  /** Clicks a button on this test's incident; returns what response_url got. */
  private String click(String actionId, String userId, String userName) {
    String responseUrl = slack.responseUrl("actions");
    SlackSender.Answer answer =
        slack.click(actionId, incident, channel, userId, userName, responseUrl);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
    JsonNode reply = slack.awaitReply(responseUrl);
    assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(reply.path("replace_original").asBoolean(true)).isFalse();
    return reply.path("text").asText();
  }
}
