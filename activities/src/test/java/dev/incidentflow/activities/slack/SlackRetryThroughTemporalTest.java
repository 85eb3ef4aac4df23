package dev.incidentflow.activities.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.incidentflow.workflows.activities.ChannelMessage;
import dev.incidentflow.workflows.activities.FailureType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves that the failures {@link SlackErrors} builds make Temporal do the right thing: the
 * activity runs on a worker of Temporal's time-skipping test server, so a 7-second {@code
 * Retry-After} costs no wall-clock time but shows up in the server's clock.
 */
class SlackRetryThroughTemporalTest {

  private static final String QUEUE = "slack-retry-test";

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TestWorkflowEnvironment temporal;
  private WorkflowClient client;

  @BeforeEach
  void startTemporal() {
    temporal = TestWorkflowEnvironment.newInstance();
    Worker worker = temporal.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(SlackMessageWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new SlackChatActivitiesImpl(
            new SlackSettings("xoxb-test-token", slack.baseUrl() + "/api/", false)));
    temporal.start();
    client = temporal.getWorkflowClient();
  }

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  private SlackMessageWorkflow workflow() {
    return client.newWorkflowStub(
        SlackMessageWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());
  }

  @Test
  void rateLimitedPostSucceedsOnTheRetryAfterSlacksRetryAfter() {
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .inScenario("rate limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "7")
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
            .willSetStateTo("limit lifted"));
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .inScenario("rate limit")
            .whenScenarioStateIs("limit lifted")
            .willReturn(
                okJson("{\"ok\":true,\"channel\":\"C0NEW\",\"ts\":\"1700000000.000100\"}")));
    long start = temporal.currentTimeMillis();

    workflow().post(new ChannelMessage("C0NEW", "Status: mitigated"));

    assertThat(slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))).hasSize(2);
    // The policy alone would have retried after one second; waiting seven means Temporal took the
    // delay from Slack's Retry-After.
    assertThat(temporal.currentTimeMillis() - start).isGreaterThanOrEqualTo(7_000);
  }

  @Test
  void channelNotFoundFailsTheWorkflowWithoutARetry() {
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));

    assertThatThrownBy(() -> workflow().post(new ChannelMessage("C0GONE", "hello")))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getType()).isEqualTo(FailureType.SLACK_REJECTED.name()));
    assertThat(slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))).hasSize(1);
  }
}
