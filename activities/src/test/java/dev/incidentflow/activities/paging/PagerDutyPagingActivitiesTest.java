package dev.incidentflow.activities.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.incidentflow.workflows.activities.FailureType;
import dev.incidentflow.workflows.activities.PagerEvent;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PagerDutyPagingActivitiesTest {

  static final String DEFAULT_KEY = "R0UTINGKEYDEFAULT0000000000000000";
  static final String DEDUP_KEY = "incidentflow-INC-42-step-0";

  @RegisterExtension
  static WireMockExtension pagerDuty =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ObjectMapper json = new ObjectMapper();

  /** PagerDuty's answer to an accepted event, from the shared wire-format samples. */
  static ResponseDefinitionBuilder accepted() {
    try (InputStream body =
        PagerDutyPagingActivitiesTest.class.getResourceAsStream(
            "/fixtures/pagerduty-enqueue-202.json")) {
      return aResponse()
          .withStatus(202)
          .withHeader("Content-Type", "application/json")
          .withBody(new String(body.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the PagerDuty fixture", e);
    }
  }

  private PagerDutyPagingActivities paging(String defaultKey) {
    return new PagerDutyPagingActivities(
        new PagerDutySettings(defaultKey, pagerDuty.baseUrl() + "/v2/enqueue"));
  }

  private static void answer(ResponseDefinitionBuilder response) {
    pagerDuty.stubFor(post(urlPathEqualTo("/v2/enqueue")).willReturn(response));
  }

  private static PagerEvent trigger(String routingKey) {
    return new PagerEvent(
        PagerEvent.Action.TRIGGER,
        routingKey,
        DEDUP_KEY,
        "INC-42 SEV1 checkout: Checkout returns 500",
        "incidentflow",
        "critical",
        "checkout",
        Map.of("incident", "INC-42", "runbook", "https://runbooks.example.com/checkout"));
  }

  private static ApplicationFailure failureOf(Runnable call) {
    try {
      call.run();
    } catch (ApplicationFailure failure) {
      return failure;
    }
    throw new AssertionError("expected an ApplicationFailure");
  }

  @Test
  void triggerIsPostedInTheEventsApiV2Format() {
    answer(accepted());

    paging(DEFAULT_KEY).send(trigger(null));

    pagerDuty.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v2/enqueue"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {
                      "routing_key": "R0UTINGKEYDEFAULT0000000000000000",
                      "event_action": "trigger",
                      "dedup_key": "incidentflow-INC-42-step-0",
                      "payload": {
                        "summary": "INC-42 SEV1 checkout: Checkout returns 500",
                        "source": "incidentflow",
                        "severity": "critical",
                        "component": "checkout",
                        "custom_details": {
                          "incident": "INC-42",
                          "runbook": "https://runbooks.example.com/checkout"
                        }
                      }
                    }
                    """)));
  }

  @Test
  void acknowledgeAndResolveCarryOnlyTheRoutingAndDedupKeys() {
    answer(accepted());
    PagerDutyPagingActivities paging = paging(DEFAULT_KEY);

    paging.send(trigger("R0UTINGKEYPERSON00000000000000000"));
    paging.send(
        new PagerEvent(
            PagerEvent.Action.ACKNOWLEDGE,
            "R0UTINGKEYPERSON00000000000000000",
            DEDUP_KEY,
            "ignored",
            null,
            null,
            null,
            Map.of("ignored", "too")));
    paging.send(
        new PagerEvent(
            PagerEvent.Action.RESOLVE,
            "R0UTINGKEYPERSON00000000000000000",
            DEDUP_KEY,
            null,
            null,
            null,
            null,
            null));

    // equalToJson without ignoreExtraElements: a payload on acknowledge would fail the match.
    for (String action : new String[] {"acknowledge", "resolve"}) {
      pagerDuty.verify(
          1,
          postRequestedFor(urlPathEqualTo("/v2/enqueue"))
              .withRequestBody(
                  equalToJson(
                      "{\"routing_key\": \"R0UTINGKEYPERSON00000000000000000\","
                          + " \"event_action\": \""
                          + action
                          + "\", \"dedup_key\": \"incidentflow-INC-42-step-0\"}")));
    }
  }

  @Test
  void eventRoutingKeyWinsOverTheDefault() throws IOException {
    answer(accepted());

    paging(DEFAULT_KEY).send(trigger("R0UTINGKEYPERSON00000000000000000"));

    JsonNode body =
        json.readTree(pagerDuty.getAllServeEvents().get(0).getRequest().getBodyAsString());
    assertThat(body.get("routing_key").asText()).isEqualTo("R0UTINGKEYPERSON00000000000000000");
  }

  @Test
  void noRoutingKeyAnywhereIsNonRetryableConfigInvalidAndSendsNothing() {
    ApplicationFailure failure = failureOf(() -> paging(null).send(trigger(null)));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(FailureType.CONFIG_INVALID.name());
    assertThat(failure.getOriginalMessage()).contains("PAGERDUTY_ROUTING_KEY", DEDUP_KEY);
    assertThat(pagerDuty.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void badRequestIsNonRetryablePagerDutyRejectedWithPagerDutysReasons() {
    answer(
        aResponse()
            .withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
                    + "\"errors\":[\"Length of 'routing_key' is incorrect (should be 32"
                    + " characters)\"]}"));

    ApplicationFailure failure = failureOf(() -> paging("too-short").send(trigger(null)));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(FailureType.PAGERDUTY_REJECTED.name());
    assertThat(failure.getOriginalMessage())
        .contains("400", "Event object is invalid", "Length of 'routing_key' is incorrect");
  }

  @Test
  void rateLimitIsRetryableAfterPagerDutysRetryAfter() {
    answer(aResponse().withStatus(429).withHeader("Retry-After", "3"));

    ApplicationFailure failure = failureOf(() -> paging(DEFAULT_KEY).send(trigger(null)));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(PagerDutyErrors.RATE_LIMITED);
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterGivenAsAnHttpDateBecomesTheDelayFromNow() {
    answer(aResponse().withStatus(503).withHeader("Retry-After", "Wed, 21 Oct 2026 07:28:30 GMT"));
    Clock clock = Clock.fixed(Instant.parse("2026-10-21T07:28:00Z"), ZoneOffset.UTC);
    PagerDutyPagingActivities paging =
        new PagerDutyPagingActivities(
            new PagerDutySettings(DEFAULT_KEY, pagerDuty.baseUrl() + "/v2/enqueue"),
            HttpClient.newHttpClient(),
            Duration.ofSeconds(5),
            clock);

    ApplicationFailure failure = failureOf(() -> paging.send(trigger(null)));

    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void serverErrorWithoutRetryAfterIsRetryableOnThePolicysSchedule() {
    answer(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"));

    ApplicationFailure failure = failureOf(() -> paging(DEFAULT_KEY).send(trigger(null)));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(PagerDutyErrors.UNAVAILABLE);
    assertThat(failure.getNextRetryDelay()).isNull();
    assertThat(failure.getOriginalMessage()).contains("503", "Service Unavailable");
  }

  @Test
  void timeoutIsRetryable() {
    answer(accepted().withFixedDelay(2_000));
    PagerDutyPagingActivities paging =
        new PagerDutyPagingActivities(
            new PagerDutySettings(DEFAULT_KEY, pagerDuty.baseUrl() + "/v2/enqueue"),
            HttpClient.newHttpClient(),
            Duration.ofMillis(200),
            Clock.systemUTC());

    ApplicationFailure failure = failureOf(() -> paging.send(trigger(null)));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(PagerDutyErrors.UNAVAILABLE);
  }

  @Test
  void summaryIsCutToPagerDutysLimit() throws IOException {
    answer(accepted());
    PagerEvent longSummary =
        new PagerEvent(
            PagerEvent.Action.TRIGGER, null, DEDUP_KEY, "x".repeat(5_000), null, null, null, null);

    paging(DEFAULT_KEY).send(longSummary);

    JsonNode body =
        json.readTree(pagerDuty.getAllServeEvents().get(0).getRequest().getBodyAsString());
    String summary = body.path("payload").path("summary").asText();
    assertThat(summary).hasSize(1024).endsWith("\u2026");
    assertThat(body.path("payload").has("component")).isFalse();
    assertThat(body.path("payload").has("custom_details")).isFalse();
  }

  @Test
  void emptySummaryFallsBackToTheDedupKey() throws IOException {
    answer(accepted());

    paging(DEFAULT_KEY)
        .send(
            new PagerEvent(PagerEvent.Action.TRIGGER, null, DEDUP_KEY, "", null, null, null, null));

    JsonNode body =
        json.readTree(pagerDuty.getAllServeEvents().get(0).getRequest().getBodyAsString());
    assertThat(body.path("payload").path("summary").asText()).isEqualTo(DEDUP_KEY);
  }
}
