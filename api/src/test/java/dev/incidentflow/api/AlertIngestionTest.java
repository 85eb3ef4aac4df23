package dev.incidentflow.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alert deliveries that the API used to lose, though nothing was wrong with the alert: an incident
 * that could never be recorded, a known alert refused for its neighbour's label, a sender's {@code
 * Accept}, {@code Content-Type} or {@code Authorization} header.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AlertIngestionTest {
  private static final TestStack STACK = TestStack.get();
  static final DropwizardAppExtension<IncidentFlowConfiguration> APP = STACK.app("e2e/policy.yml");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);

  @Test
  void aGroupWhoseServiceLabelIsTooLongToStoreStillOpensItsIncidentAndPages() {
    // Thousands of characters that do not compress: the store's index of service names takes about
    // 2.7 kB, and the incident's first save failed, and was retried, for ever.
    Random random = new Random(42);
    StringBuilder service = new StringBuilder();
    while (service.length() < 4000) {
      service.append(Integer.toHexString(random.nextInt()));
    }
    String alert =
        TestStack.fixture("alertmanager-firing.json")
            .replace("CheckoutErrorBudgetBurn\\\", service", "LongServiceLabel\\\", service")
            .replace(
                "\"service\": \"checkout\", \"severity\"",
                "\"service\": \"" + service + "\", \"severity\"");

    ApiClient.Answer answer = api.post("/v1/alerts/alertmanager", alert);

    assertThat(answer.status()).isEqualTo(202);
    JsonNode incident = incidentOf(answer.body().path("workflowId").asText());
    assertThat(incident.path("service").asText())
        .hasSize(200)
        .startsWith(service.substring(0, 100))
        .endsWith("\u2026");
    // The catalog has no schedule for a service of that name: the chain goes on to whom it has.
    awaitPage(incident.path("id").asText(), "-step-");
  }

  @Test
  void aGroupOfThousandsOfAlertsPastOneMebibyteOpensItsIncidentAndPages() throws Exception {
    // A cluster-wide outage grouped by alert name: 3,000 alerts, 1.8 MB. It was refused with
    // 413, over the limit of every other request, and Alertmanager does not send a refused
    // delivery again.
    ObjectNode delivery = (ObjectNode) JSON.readTree(TestStack.fixture("alertmanager-firing.json"));
    delivery.put("groupKey", "{}:{alertname=\"KubePodNotReady\"}");
    ArrayNode alerts = (ArrayNode) delivery.get("alerts");
    ObjectNode first = (ObjectNode) alerts.get(0);
    alerts.removeAll();
    for (int pod = 0; pod < 3000; pod++) {
      ObjectNode alert = first.deepCopy();
      ((ObjectNode) alert.get("labels")).put("instance", "checkout-api-" + pod);
      ((ObjectNode) alert.get("annotations"))
          .put("description", "Pod checkout-api-" + pod + " has been not ready for 15 minutes.");
      alert.put("startsAt", Instant.parse("2026-11-20T02:03:11Z").plusSeconds(pod).toString());
      alerts.add(alert);
    }
    String body = JSON.writeValueAsString(delivery);
    assertThat(body.length()).isGreaterThan(1 << 20);

    ApiClient.Answer answer = api.post("/v1/alerts/alertmanager", body);

    assertThat(answer.status()).isEqualTo(202);
    awaitPage(incidentOf(answer.body().path("workflowId").asText()).path("id").asText(), "-step-0");
  }

  /** Waits until PagerDuty got a page of incident {@code number} whose key goes on {@code step}. */
  private void awaitPage(String number, String step) {
    api.await(
        "/v1/incidents/" + number,
        opened ->
            !STACK
                .pagerDuty
                .findAll(
                    postRequestedFor(urlEqualTo("/v2/enqueue"))
                        .withRequestBody(containing("incidentflow-" + number + step)))
                .isEmpty());
  }

  @Test
  void aGroupWithAnAlertOfAnUnknownSeverityBesideAKnownOneOpensAtTheKnownAndSaysWhatItLeftOut() {
    String alert =
        TestStack.fixture("alertmanager-firing.json")
            .replace("CheckoutErrorBudgetBurn\\\", service", "MixedSeverities\\\", service")
            .replace(
                "\"severity\": \"critical\", \"team\": \"payments\"}", "\"team\": \"payments\"}")
            .replace(
                "\"severity\": \"critical\", \"team\": \"payments\", \"instance\": \"checkout-api-1\"",
                "\"severity\": \"sev-zero\", \"team\": \"payments\", \"instance\": \"checkout-api-1\"");

    ApiClient.Answer answer = api.post("/v1/alerts/alertmanager", alert);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().path("outcome").asText()).isEqualTo("fired");
    assertThat(answer.body().path("warnings").get(0).asText())
        .startsWith("alerts[].labels.severity 'sev-zero' is not a known severity or alias")
        .endsWith(
            "the group fires at SEV1, the worst severity of its alerts that the policy knows");
    assertThat(incidentOf(answer.body().path("workflowId").asText()).path("severity").asText())
        .isEqualTo("SEV1");
  }

  @Test
  void anAlertIsTakenWhateverTheAnswerItsSenderAccepts() {
    for (String accept : new String[] {"text/plain", "application/xml", "text/html;q=0.9"}) {
      ApiClient.Answer answer =
          api.post(
              "/v1/alerts",
              "{\"dedupKey\":\"accept-" + accept + "\",\"status\":\"resolved\"}",
              Map.of("Accept", accept));

      assertThat(answer.status()).as(accept).isEqualTo(202);
      assertThat(answer.header("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(answer.body().path("outcome").asText()).isEqualTo("ignored");
    }
    ApiClient.Answer firing =
        api.post(
            "/v1/alerts",
            "{\"dedupKey\":\"accept-firing\",\"status\":\"firing\",\"severity\":\"info\"}",
            Map.of("Accept", "text/plain"));
    assertThat(firing.status()).isEqualTo(202);
    assertThat(incidentOf(firing.body().path("workflowId").asText()).path("title").asText())
        .isEqualTo("accept-firing");
  }

  @Test
  void jsonIsReadHoweverItsSenderLabelledIt() {
    byte[] resolved =
        "{\"dedupKey\":\"labelled\",\"status\":\"resolved\"}".getBytes(StandardCharsets.UTF_8);
    for (Map<String, String> headers :
        List.of(
            Map.<String, String>of(),
            Map.of("Content-Type", "text/plain;charset=UTF-8"),
            Map.of("Content-Type", "application/octet-stream"),
            Map.of("Content-Type", "text/json"),
            Map.of("Content-Type", "application/vnd.sender.alert+json; charset=utf-8"))) {
      ApiClient.Answer answer = api.postBytes("/v1/alerts", resolved, headers);

      assertThat(answer.status()).as(headers.toString()).isEqualTo(202);
      assertThat(answer.body().path("outcome").asText()).isEqualTo("ignored");
    }
    ApiClient.Answer grafana =
        api.postBytes(
            "/v1/alerts/grafana",
            TestStack.fixture("grafana-firing.json")
                .replace("\"status\": \"firing\"", "\"status\": \"resolved\"")
                .replace("SearchLatencyP99High\\\"}", "Unlabelled\\\"}")
                .getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(grafana.status()).isEqualTo(202);
  }

  @Test
  void aSenderThatCanOnlySendBasicCredentialsDeliversWithTheTokenAsThePassword() {
    // Grafana 8 sends Basic credentials only, and only with a user name; Alertmanager's basic_auth
    // may have none.
    ApiClient grafana =
        ApiClient.withAuthorization(
            APP.getLocalPort(), ApiClient.basic("grafana:" + TestStack.TOKEN));
    ApiClient alertmanager =
        ApiClient.withAuthorization(APP.getLocalPort(), ApiClient.basic(":" + TestStack.TOKEN));

    ApiClient.Answer fromGrafana =
        grafana.post(
            "/v1/alerts/grafana",
            TestStack.fixture("grafana-firing.json")
                .replace("SearchLatencyP99High", "GrafanaWithBasicAuth"));
    ApiClient.Answer fromAlertmanager =
        alertmanager.post(
            "/v1/alerts/alertmanager",
            TestStack.fixture("alertmanager-firing.json")
                .replace("CheckoutErrorBudgetBurn", "AlertmanagerWithBasicAuth"));
    ApiClient.Answer generic =
        alertmanager.post("/v1/alerts", "{\"dedupKey\":\"basic-auth\",\"status\":\"resolved\"}");

    assertThat(fromGrafana.status()).isEqualTo(202);
    assertThat(incidentOf(fromGrafana.body().path("workflowId").asText()).path("id").asText())
        .startsWith("INC-");
    assertThat(fromAlertmanager.status()).isEqualTo(202);
    assertThat(incidentOf(fromAlertmanager.body().path("workflowId").asText()).path("id").asText())
        .startsWith("INC-");
    assertThat(generic.status()).isEqualTo(202);
    assertThat(generic.body().path("outcome").asText()).isEqualTo("ignored");
  }

  /** The incident the alert group's workflow opened, once it is on the list. */
  private JsonNode incidentOf(String workflowId) {
    return StreamSupport.stream(
            api.await(
                    "/v1/incidents",
                    all ->
                        StreamSupport.stream(all.body().spliterator(), false)
                            .anyMatch(
                                incident ->
                                    workflowId.equals(incident.path("workflowId").asText())))
                .body()
                .spliterator(),
            false)
        .filter(incident -> workflowId.equals(incident.path("workflowId").asText()))
        .findFirst()
        .orElseThrow();
  }
}
