package dev.incidentflow.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end: the real application (API and worker) on an embedded Temporal
 * test server and PostgreSQL, Slack and PagerDuty as WireMock servers.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AlertToIncidentEndToEndTest {
  private static final TestStack STACK = TestStack.get();
  static final DropwizardAppExtension<IncidentFlowConfiguration> APP = STACK.app("e2e/policy.yml");

  @Test
  void
      alertDeliveredThreeTimesConcurrentlyMakesOneIncidentChannelAndPageThenAcknowledgeResolveAndClose()
          throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    String alert = TestStack.fixture("alertmanager-firing.json");

    ExecutorService senders = Executors.newFixedThreadPool(3);
    List<Callable<ApiClient.Answer>> deliveries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      deliveries.add(() -> api.post("/v1/alerts/alertmanager", alert));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<ApiClient.Answer> answer : senders.invokeAll(deliveries)) {
      statuses.add(answer.get().status());
    }
    senders.shutdown();
    assertThat(statuses).containsExactly(202, 202, 202);

    JsonNode incident =
        api.await(
                "/v1/incidents/INC-1",
                answer ->
                    answer.status() == 200
                        && types(answer.body()).containsAll(List.of("paged", "channel_created"))
                        && types(answer.body()).stream().filter("alert_fired"::equals).count() == 3)
            .body();
    assertThat(incident.path("severity").asText()).isEqualTo("SEV1");
    assertThat(incident.path("service").asText()).isEqualTo("checkout");
    assertThat(incident.path("status").asText()).isEqualTo("triggered");
    assertThat(incident.path("commander").asText()).isNotBlank();
    assertThat(incident.path("channel").path("id").asText()).isEqualTo("C0INC0001");
    assertThat(types(incident))
        .startsWith("declared", "alert_fired")
        .contains("channel_created", "paged");
    assertThat(api.get("/v1/incidents").body()).hasSize(1);
    STACK.slack.verify(
        1,
        postRequestedFor(urlEqualTo("/api/conversations.create"))
            .withRequestBody(
                containing(
                    "name=inc-1-sev1-checkout-is-burning-its-30-day-error-budget-at-14-4x")));
    // The SEV1 row invites the engineering manager (dana) besides the commander and on-call.
    STACK.slack.verify(
        1,
        postRequestedFor(urlEqualTo("/api/conversations.invite"))
            .withRequestBody(containing("U0DANA")));
    STACK.pagerDuty.verify(
        1,
        postRequestedFor(urlEqualTo("/v2/enqueue"))
            .withRequestBody(
                matchingJsonPath(
                    "$.event_action",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo("trigger")))
            .withRequestBody(
                matchingJsonPath(
                    "$.dedup_key",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "incidentflow-INC-1-step-0")))
            .withRequestBody(
                matchingJsonPath(
                    "$.routing_key",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo("R0UTINGKEY"))));

    ApiClient.Answer acknowledged =
        api.post("/v1/incidents/INC-1/acknowledge", "{\"by\":\"alice\",\"note\":\"looking\"}");
    assertThat(acknowledged.status()).isEqualTo(200);
    assertThat(acknowledged.body().path("status").asText()).isEqualTo("acknowledged");
    assertThat(acknowledged.body().path("acknowledgedAt").asText()).isNotBlank();

    ApiClient.Answer resolved =
        api.post("/v1/incidents/INC-1/resolve", "{\"by\":\"alice\",\"note\":\"rolled back\"}");
    assertThat(resolved.status()).isEqualTo(200);
    assertThat(resolved.body().path("status").asText()).isEqualTo("resolved");

    ApiClient.Answer refused = api.post("/v1/incidents/INC-1/acknowledge", "{\"by\":\"bob\"}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.error()).isEqualTo("INC-1 is already resolved");

    JsonNode closed =
        api.await(
                "/v1/incidents/INC-1",
                answer -> answer.body().path("status").asText().equals("closed"))
            .body();
    assertThat(types(closed)).contains("acknowledged", "resolved", "closed");
    assertThat(closed.path("closedAt").asText()).isNotBlank();
    api.await(
        "/v1/incidents/INC-1",
        answer ->
            STACK.slack.findAll(postRequestedFor(urlEqualTo("/api/conversations.archive"))).size()
                == 1);
    for (String action : List.of("acknowledge", "resolve")) {
      STACK.pagerDuty.verify(
          1,
          postRequestedFor(urlEqualTo("/v2/enqueue"))
              .withRequestBody(
                  matchingJsonPath(
                      "$.event_action",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo(action)))
              .withRequestBody(
                  matchingJsonPath(
                      "$.dedup_key",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                          "incidentflow-INC-1-step-0"))));
    }
    assertThat(api.get("/v1/incidents?status=closed").body()).hasSize(1);
    assertThat(api.get("/v1/incidents/INC-1/history").body().path("events").size())
        .isGreaterThan(10);

    // The Temporal SDK's own metrics, on the admin port with the rest: the worker's workflow tasks
    // found this incident in its cache (tally reports once a second).
    ApiClient admin = new ApiClient(APP.getAdminPort(), TestStack.TOKEN);
    admin.await("/metrics", answer -> cacheHits(answer.body()) > 0);
  }

  /**
   * One of a group's two alerts resolves before the other: Alertmanager sends the group again,
   * firing, with the alert still firing as it started. The person who just resolved the incident is
   * not woken for it. The alert firing anew, with a new start, reopens the incident and pages.
   */
  @Test
  void aFiringSentAgainLeavesTheResolvedIncidentResolvedAndAnAlertFiringAnewReopensIt() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    // A SEV2 group of its own: SEV2's monitoring window is long enough to watch.
    String alert =
        TestStack.fixture("alertmanager-firing.json")
            .replace("CheckoutErrorBudgetBurn", "CheckoutSentAgain")
            .replace("critical", "error");
    String incidentId = incidentOf(api, api.post("/v1/alerts/alertmanager", alert));
    String path = "/v1/incidents/" + incidentId;
    api.await(path, answer -> types(answer.body()).contains("paged"));
    assertThat(api.post(path + "/resolve", "{\"by\":\"alice\"}").status()).isEqualTo(200);

    String sentAgain =
        alert.replaceFirst(
            "\"status\": \"firing\",(\\s*\"labels\")", "\"status\": \"resolved\",$1");
    assertThat(sentAgain).isNotEqualTo(alert);
    assertThat(api.post("/v1/alerts/alertmanager", sentAgain).status()).isEqualTo(202);
    JsonNode incident =
        api.await(
                path,
                answer -> types(answer.body()).stream().filter("alert_fired"::equals).count() == 2)
            .body();
    assertThat(incident.path("status").asText()).isEqualTo("resolved");
    assertThat(texts(incident))
        .contains(
            "Alert still firing: Checkout is burning its 30-day error budget at 14.4x (alerts"
                + " that fired before it was resolved)");
    assertThat(triggers(incidentId)).isEqualTo(1);

    String firingAnew =
        alert.replace("2026-11-20T02:03:41.090Z", java.time.Instant.now().toString());
    assertThat(api.post("/v1/alerts/alertmanager", firingAnew).status()).isEqualTo(202);
    api.await(path, answer -> answer.body().path("status").asText().equals("acknowledged"));
    assertThat(texts(api.get(path).body()))
        .contains("Reopened: the alert fired again during the monitoring window");
    api.await(path, answer -> triggers(incidentId) == 2);
  }

  /** The incident the accepted delivery opened, once it has a number. */
  private static String incidentOf(ApiClient api, ApiClient.Answer accepted) {
    assertThat(accepted.status()).isEqualTo(202);
    String workflowId = accepted.body().path("workflowId").asText();
    return StreamSupport.stream(
            api.await(
                    "/v1/incidents",
                    all ->
                        StreamSupport.stream(all.body().spliterator(), false)
                            .anyMatch(i -> workflowId.equals(i.path("workflowId").asText())))
                .body()
                .spliterator(),
            false)
        .filter(i -> workflowId.equals(i.path("workflowId").asText()))
        .findFirst()
        .orElseThrow()
        .path("id")
        .asText();
  }

  /** How many pages PagerDuty was asked to open for {@code incidentId}. */
  private static int triggers(String incidentId) {
    return STACK
        .pagerDuty
        .findAll(
            postRequestedFor(urlEqualTo("/v2/enqueue"))
                .withRequestBody(
                    matchingJsonPath(
                        "$.event_action",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("trigger")))
                .withRequestBody(containing("incidentflow-" + incidentId + "-step-")))
        .size();
  }

  private static List<String> texts(JsonNode incident) {
    return StreamSupport.stream(incident.path("timeline").spliterator(), false)
        .map(event -> event.path("text").asText())
        .toList();
  }

  /** The worker's workflow cache hits on task queue {@code incidents}, from {@code /metrics}. */
  private static long cacheHits(JsonNode metrics) {
    long hits = 0;
    for (var counter : metrics.path("counters").properties()) {
      if (counter.getKey().startsWith("temporal_sticky_cache_hit{")
          && counter.getKey().contains("task_queue=incidents")) {
        hits += counter.getValue().path("count").asLong();
      }
    }
    return hits;
  }

  private static List<String> types(JsonNode incident) {
    return StreamSupport.stream(incident.path("timeline").spliterator(), false)
        .map(event -> event.path("type").asText())
        .toList();
  }

  @Test
  void nullsAmongTheAlertsAndLabelsAreLeftOutAndTheRestOfTheDeliveryOpensTheIncident() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    String alert =
        TestStack.fixture("alertmanager-firing.json")
            .replace("CheckoutErrorBudgetBurn\\\", service", "CheckoutNullAlert\\\", service")
            .replace("\"alerts\": [", "\"alerts\": [null, ")
            .replace("\"commonLabels\": {", "\"commonLabels\": {\"region\": null, ");
    // A group of its own, so that the incident found below is this delivery's.
    assertThat(alert).contains("CheckoutNullAlert\\\", service");

    ApiClient.Answer answer = api.post("/v1/alerts/alertmanager", alert);

    assertThat(answer.status()).isEqualTo(202);
    String workflowId = answer.body().path("workflowId").asText();
    assertThat(workflowId).isNotEmpty();
    api.await(
        "/v1/incidents",
        all ->
            StreamSupport.stream(all.body().spliterator(), false)
                .anyMatch(incident -> workflowId.equals(incident.path("workflowId").asText())));
  }
}
