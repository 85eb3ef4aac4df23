package dev.incidentflow.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.api.ApiClient;
import dev.incidentflow.api.IncidentFlowConfiguration;
import dev.incidentflow.api.TestStack;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Only requests Slack signed just now get through, on the real application. Every refused request
 * is an {@code /incident ack} typed in a triggered incident's channel (or a click on its
 * Acknowledge button); afterwards the incident is still triggered and nothing was posted to
 * response_url.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlackSignatureTest {
  private static final TestStack STACK = TestStack.get();
  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app(
          "e2e/policy.yml",
          ConfigOverride.config("slack.signingSecret", SlackSender.SIGNING_SECRET));
  private static final AtomicInteger CHANNELS = new AtomicInteger();
  private static final String ALICE = "U0ALICE";

  private ApiClient api;
  private SlackSender slack;
  private String channel;
  private String incident;
  private String responseUrl;

  @BeforeEach
  void triggeredIncident() {
    api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    slack = new SlackSender(APP.getLocalPort(), STACK.slack);
    channel = "C0SIGNED" + CHANNELS.incrementAndGet();
    incident = slack.declareIn(api, channel, "SEV2", "Signature checks");
    responseUrl = slack.responseUrl("commands");
  }

  @Test
  void signedRequestIsCarriedOut() {
    SlackSender.Answer answer = slack.signed("/v1/slack/commands", ack());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(slack.awaitReply(responseUrl).path("text").asText())
        .isEqualTo(incident + " is now acknowledged.");
    assertThat(status()).isEqualTo("acknowledged");
  }

  @Test
  void forgedSignatureIsUnauthorized() {
    String form = ack();
    String timestamp = now(0);

    SlackSender.Answer answer =
        slack.post(
            "/v1/slack/commands",
            form,
            Map.of(
                "X-Slack-Request-Timestamp",
                timestamp,
                "X-Slack-Signature",
                new SlackSigner("not-the-signing-secret").sign(timestamp, form)));

    assertUnauthorized(answer, "the signature does not match the body and timestamp");
  }

  @Test
  void tamperedBodyIsUnauthorized() {
    String timestamp = now(0);
    String signature = new SlackSigner(SlackSender.SIGNING_SECRET).sign(timestamp, ack());

    SlackSender.Answer answer =
        slack.post(
            "/v1/slack/commands",
            ack().replace("text=ack", "text=cancel"),
            Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature));

    assertUnauthorized(answer, "the signature does not match the body and timestamp");
  }

  @Test
  void requestSixMinutesOldIsUnauthorizedThoughCorrectlySigned() {
    assertUnauthorized(signedAt(now(-360)), "the request is more than 5 minutes old");
  }

  @Test
  void requestSixMinutesAheadIsUnauthorizedThoughCorrectlySigned() {
    assertUnauthorized(
        signedAt(now(360)), "the request is timestamped more than 5 minutes in the future");
  }

  @Test
  void capturedRequestReplayedUnderANewTimestampIsUnauthorized() {
    String form = ack();
    String capturedAt = now(-400);
    String capturedSignature = new SlackSigner(SlackSender.SIGNING_SECRET).sign(capturedAt, form);

    SlackSender.Answer answer =
        slack.post(
            "/v1/slack/commands",
            form,
            Map.of("X-Slack-Request-Timestamp", now(0), "X-Slack-Signature", capturedSignature));

    assertUnauthorized(answer, "the signature does not match the body and timestamp");
  }

  @Test
  void requestWithoutSignatureHeadersIsUnauthorized() {
    String timestamp = now(0);
    String signature = new SlackSigner(SlackSender.SIGNING_SECRET).sign(timestamp, ack());

    assertUnauthorized(
        slack.post("/v1/slack/commands", ack(), Map.of()),
        "the X-Slack-Request-Timestamp header is missing");
    assertUnauthorized(
        slack.post("/v1/slack/commands", ack(), Map.of("X-Slack-Request-Timestamp", timestamp)),
        "the X-Slack-Signature header is missing");
    assertUnauthorized(
        slack.post("/v1/slack/commands", ack(), Map.of("X-Slack-Signature", signature)),
        "the X-Slack-Request-Timestamp header is missing");
  }

  @Test
  void forgedButtonClickIsUnauthorizedToo() {
    String form =
        SlackSender.clickForm(
            "incident_acknowledge", incident, channel, ALICE, "alice", responseUrl);
    String timestamp = now(0);

    SlackSender.Answer answer =
        slack.post(
            "/v1/slack/interactions",
            form,
            Map.of(
                "X-Slack-Request-Timestamp",
                timestamp,
                "X-Slack-Signature",
                new SlackSigner("not-the-signing-secret").sign(timestamp, form)));

    assertUnauthorized(answer, "the signature does not match the body and timestamp");
  }

  @Test
  void theBearerTokenIsNoSubstituteForASlackSignature() {
    SlackSender.Answer answer =
        slack.post(
            "/v1/slack/commands", ack(), Map.of("Authorization", "Bearer " + TestStack.TOKEN));

    assertUnauthorized(answer, "the X-Slack-Request-Timestamp header is missing");
  }

  @Test
  void aPathSpelledWithMatrixParametersIsVerifiedAsTheSlackPathItMatches() {
    // Jersey matches these to the Slack resource; with the API token they once got through
    // unsigned.
    for (String path :
        List.of("/v1/slack;x=1/commands", "/v1;x=1/slack/commands", "/v1/slack/commands;x=1")) {
      assertUnauthorized(
          slack.post(path, ack(), Map.of("Authorization", "Bearer " + TestStack.TOKEN)),
          "the X-Slack-Request-Timestamp header is missing");
    }
  }

  @Test
  void anotherMethodThanPostIsNotAllowedWhileAnUnsignedPostStaysUnauthorized() {
    for (String path : List.of("/v1/slack/commands", "/v1/slack/interactions")) {
      for (String method : List.of("GET", "PUT", "DELETE")) {
        ApiClient.Answer answer = api.send(method, path);

        assertThat(answer.status()).as(method + " " + path).isEqualTo(405);
        assertThat(answer.error()).as(method + " " + path).isEqualTo("HTTP 405 Method Not Allowed");
        assertThat(answer.header("Allow"))
            .as(method + " " + path)
            .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
      }
      assertUnauthorized(
          slack.post(path, ack(), Map.of()), "the X-Slack-Request-Timestamp header is missing");
    }
  }

  private String ack() {
    return SlackSender.commandForm(channel, ALICE, "alice", "ack", responseUrl);
  }

  private SlackSender.Answer signedAt(String timestamp) {
    String form = ack();
    return slack.post(
        "/v1/slack/commands",
        form,
        Map.of(
            "X-Slack-Request-Timestamp",
            timestamp,
            "X-Slack-Signature",
            new SlackSigner(SlackSender.SIGNING_SECRET).sign(timestamp, form)));
  }

  private void assertUnauthorized(SlackSender.Answer answer, String why) {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/json");
    assertThat(answer.json().path("error").asText()).isEqualTo("invalid Slack request signature");
    assertThat(answer.json().path("details").get(0).asText()).isEqualTo(why);
    ApiClient.sleep(200);
    assertThat(slack.repliesTo(responseUrl)).as("posts to response_url").isZero();
    assertThat(status()).isEqualTo("triggered");
  }

  private String status() {
    return api.get("/v1/incidents/" + incident).body().path("status").asText();
  }

  private static String now(long offsetSeconds) {
    return Long.toString(Instant.now().getEpochSecond() + offsetSeconds);
  }
}
