package dev.incidentflow.activities.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.incidentflow.workflows.activities.FailureType;
import dev.incidentflow.workflows.activities.PagerEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves that the failures {@link PagerDutyErrors} builds make Temporal do the right thing. The
 * test server runs in real time: with time skipping its clock jumps past any timer, so it cannot
 * tell the policy's backoff from PagerDuty's {@code Retry-After}. A one-second {@code Retry-After}
 * against a 100 ms policy backoff keeps the test short and still tells the two apart.
 */
class PagerDutyRetryThroughTemporalTest {

  private static final String QUEUE = "pagerduty-retry-test";

  @RegisterExtension
  static WireMockExtension pagerDuty =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TestWorkflowEnvironment temporal;
  private WorkflowClient client;

  @BeforeEach
  void startTemporal() {
    temporal =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = temporal.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(PagerEventWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new PagerDutyPagingActivities(
            new PagerDutySettings(
                PagerDutyPagingActivitiesTest.DEFAULT_KEY, pagerDuty.baseUrl() + "/v2/enqueue")));
    temporal.start();
    client = temporal.getWorkflowClient();
  }

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  private void send() {
    client
        .newWorkflowStub(
            PagerEventWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
        .send(
            new PagerEvent(
                PagerEvent.Action.TRIGGER,
                null,
                PagerDutyPagingActivitiesTest.DEDUP_KEY,
                "INC-42 SEV1 checkout: Checkout returns 500",
                null,
                "critical",
                "checkout",
                Map.of()));
  }

  private static void answerFirstThenAccept(ResponseDefinitionBuilder first) {
    pagerDuty.stubFor(
        post(urlPathEqualTo("/v2/enqueue"))
            .inScenario("transient")
            .whenScenarioStateIs(STARTED)
            .willReturn(first)
            .willSetStateTo("healthy"));
    pagerDuty.stubFor(
        post(urlPathEqualTo("/v2/enqueue"))
            .inScenario("transient")
            .whenScenarioStateIs("healthy")
            .willReturn(PagerDutyPagingActivitiesTest.accepted()));
  }

  private static int requests() {
    return pagerDuty.findAll(postRequestedFor(urlPathEqualTo("/v2/enqueue"))).size();
  }

  @Test
  void rateLimitedEventIsSentAgainAfterRetryAfterAndSucceeds() {
    answerFirstThenAccept(
        aResponse()
            .withStatus(429)
            .withHeader("Retry-After", "1")
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"status\":\"throttle event\",\"message\":\"Requests for this service are"
                    + " arriving too quickly\"}"));
    send();

    List<LoggedRequest> sent = pagerDuty.findAll(postRequestedFor(urlPathEqualTo("/v2/enqueue")));
    assertThat(sent).hasSize(2);
    // The policy alone would have retried after 100 ms.
    long gap =
        Math.abs(sent.get(1).getLoggedDate().getTime() - sent.get(0).getLoggedDate().getTime());
    assertThat(gap).isGreaterThanOrEqualTo(1_000);
  }

  @Test
  void unavailableEventIsSentAgainAndSucceeds() {
    answerFirstThenAccept(aResponse().withStatus(503));

    send();

    assertThat(requests()).isEqualTo(2);
  }

  @Test
  void badRequestFailsTheWorkflowWithoutARetry() {
    pagerDuty.stubFor(
        post(urlPathEqualTo("/v2/enqueue"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
                            + "\"errors\":[\"'severity' is missing or blank\"]}")));

    assertThatThrownBy(this::send)
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(FailureType.PAGERDUTY_REJECTED.name());
              assertThat(failure.getOriginalMessage()).contains("'severity' is missing or blank");
            });
    assertThat(requests()).isEqualTo(1);
  }
}
