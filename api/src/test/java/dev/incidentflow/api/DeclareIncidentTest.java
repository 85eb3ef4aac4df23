package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** People declare incidents over HTTP; generic and Grafana alerts open them too. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DeclareIncidentTest {
  private static final TestStack STACK = TestStack.get();
  static final DropwizardAppExtension<IncidentFlowConfiguration> APP = STACK.app("e2e/policy.yml");

  @Test
  void declaredIncidentAnswers201WithItsNumberChannelAndNamedCommander() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);

    ApiClient.Answer answer =
        api.post(
            "/v1/incidents",
            "{\"title\":\"Payments API returns 502\",\"severity\":\"P2\",\"service\":\"payments-api\","
                + "\"declaredBy\":\"carol\",\"commander\":\" Bob \"}");

    assertThat(answer.status()).isEqualTo(201);
    JsonNode incident = answer.body();
    assertThat(incident.path("id").asText()).matches("INC-\\d+");
    assertThat(incident.path("severity").asText()).isEqualTo("SEV2");
    assertThat(incident.path("commander").asText()).isEqualTo("bob");
    assertThat(incident.path("declaredBy").asText()).isEqualTo("carol");
    assertThat(incident.path("channel").path("id").asText()).isNotBlank();
    assertThat(incident.path("timeline").get(0).path("type").asText()).isEqualTo("declared");
    assertThat(api.get("/v1/incidents?severity=SEV2&service=payments-api").body())
        .extracting(node -> node.path("id").asText())
        .contains(incident.path("id").asText());

    // A role for someone the catalog lacks would reach nobody: refused, and nothing changes.
    String path = "/v1/incidents/" + incident.path("id").asText();
    ApiClient.Answer role =
        api.post(path + "/roles", "{\"role\":\"scribe\",\"person\":\"zed\",\"by\":\"bob\"}");
    assertThat(role.status()).isEqualTo(422);
    assertThat(role.body().path("details").toString())
        .contains("person 'zed' is not a person in the catalog");
    assertThat(api.get(path).body().path("roles").has("scribe")).isFalse();
    // A catalog person in another case is that person.
    ApiClient.Answer carol =
        api.post(path + "/roles", "{\"role\":\"scribe\",\"person\":\"Carol\",\"by\":\"bob\"}");
    assertThat(carol.status()).isEqualTo(200);
    assertThat(carol.body().path("roles").path("scribe").asText()).isEqualTo("carol");
    // And so is a role.
    ApiClient.Answer lead =
        api.post(path + "/roles", "{\"role\":\"Tech-Lead\",\"person\":\"alice\",\"by\":\"bob\"}");
    assertThat(lead.status()).isEqualTo(200);
    assertThat(lead.body().path("roles").path("tech-lead").asText()).isEqualTo("alice");
  }

  @Test
  void aDeclarationSentAgainWithItsIdempotencyKeyAnswersWithTheIncidentItOpened() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    String declaration =
        "{\"title\":\"Zanzibar login blank\",\"severity\":\"SEV2\",\"service\":\"checkout\","
            + "\"declaredBy\":\"carol\"}";
    Map<String, String> key = Map.of("Idempotency-Key", "declare-login-blank-1");

    ApiClient.Answer first = api.post("/v1/incidents", declaration, key);
    ApiClient.Answer again = api.post("/v1/incidents", declaration, key);
    ApiClient.Answer other =
        api.post(
            "/v1/incidents", declaration.replace("Zanzibar login blank", "Quokka outage"), key);
    ApiClient.Answer otherService =
        api.post("/v1/incidents", declaration.replace("checkout", "search"), key);
    ApiClient.Answer sameServiceSpeltOtherwise =
        api.post("/v1/incidents", declaration.replace("checkout", "Checkout"), key);

    assertThat(first.status()).isEqualTo(201);
    String id = first.body().path("id").asText();
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("id").asText()).isEqualTo(id);
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.error())
        .isEqualTo(
            "Idempotency-Key 'declare-login-blank-1' already declared "
                + id
                + " (Zanzibar login blank, service checkout), another incident; send a new key for"
                + " a new incident");
    assertThat(otherService.status()).isEqualTo(409);
    assertThat(otherService.error()).isEqualTo(other.error());
    assertThat(sameServiceSpeltOtherwise.status()).isEqualTo(200);
    assertThat(api.get("/v1/incidents?q=zanzibar").body())
        .extracting(node -> node.path("id").asText())
        .containsExactly(id);
    assertThat(api.get("/v1/incidents?q=quokka").body()).isEmpty();

    // Stored with U+FFFD for the NUL, the service is still the one sent again.
    String withNul = declaration.replace("\"checkout\"", "\"check\\u0000out\"");
    Map<String, String> another = Map.of("Idempotency-Key", "declare-login-blank-nul");
    assertThat(api.post("/v1/incidents", withNul, another).status()).isEqualTo(201);
    assertThat(api.post("/v1/incidents", withNul, another).status()).isEqualTo(200);
  }

  @Test
  void aServiceNamedInAnotherCaseIsTheCatalogsServiceAndItsOnCallIsPaged() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);

    ApiClient.Answer answer =
        api.post(
            "/v1/incidents",
            "{\"title\":\"Refunds fail\",\"severity\":\"SEV2\",\"service\":\" Payments-API \","
                + "\"declaredBy\":\"carol\"}");

    assertThat(answer.status()).isEqualTo(201);
    String id = answer.body().path("id").asText();
    assertThat(answer.body().path("service").asText()).isEqualTo("payments-api");
    // The catalog's schedule staffs it: its primary commands and is paged.
    assertThat(answer.body().path("commander").asText()).isNotBlank();
    api.await(
        "/v1/incidents/" + id,
        incident ->
            incident.body().path("timeline").findValuesAsText("type").contains("paged")
                && !incident.body().path("timeline").toString().contains("resolved to nobody"));
    assertThat(api.get("/v1/incidents?service=PAYMENTS-API").body())
        .extracting(node -> node.path("id").asText())
        .contains(id);
  }

  @Test
  void aGroupIsAsSevereAsItsWorstAlertStillFiring() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);

    ApiClient.Answer answer =
        api.post(
            "/v1/alerts/alertmanager",
            "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"QueueLag\\\"}\",\"status\":\"firing\","
                + "\"groupLabels\":{\"alertname\":\"QueueLag\"},\"commonLabels\":{\"service\":\"queue-workers\"},"
                + "\"alerts\":["
                + "{\"status\":\"resolved\",\"labels\":{\"alertname\":\"QueueLag\",\"severity\":\"critical\"}},"
                + "{\"status\":\"firing\",\"labels\":{\"alertname\":\"QueueLag\",\"severity\":\"warning\"}}]}");

    assertThat(answer.status()).isEqualTo(202);
    JsonNode incident =
        api.await("/v1/incidents?q=QueueLag", found -> found.body().size() == 1).body().get(0);
    assertThat(incident.path("severity").asText()).isEqualTo("SEV3");
  }

  @Test
  void aGroupWhoseAlertTurnsCriticalRaisesItsOpenIncidentToSev1AndPages() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    String delivery =
        "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"DiskPressure\\\"}\",\"status\":\"firing\","
            + "\"groupLabels\":{\"alertname\":\"DiskPressure\"},\"commonLabels\":{\"service\":\"queue-workers\"},"
            + "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"DiskPressure\",\"severity\":\"%s\"}}]}";

    assertThat(api.post("/v1/alerts/alertmanager", delivery.formatted("warning")).status())
        .isEqualTo(202);
    String id =
        api.await("/v1/incidents?q=DiskPressure", found -> found.body().size() == 1)
            .body()
            .get(0)
            .path("id")
            .asText();
    assertThat(api.post("/v1/alerts/alertmanager", delivery.formatted("critical")).status())
        .isEqualTo(202);

    // However the second delivery met the opening, the channel ends up named for SEV1.
    JsonNode incident =
        api.await(
                "/v1/incidents/" + id,
                found ->
                    found.body().path("timeline").findValuesAsText("type").contains("paged")
                        && found
                            .body()
                            .path("channel")
                            .path("name")
                            .asText()
                            .startsWith(id.toLowerCase(Locale.ROOT) + "-sev1-"))
            .body();
    assertThat(incident.path("severity").asText()).isEqualTo("SEV1");
    assertThat(incident.path("timeline").findValuesAsText("text"))
        .contains("Severity SEV3 -> SEV1 by system: its alert fires at SEV1 now (DiskPressure)");
  }

  @Test
  void grafanaAndGenericAlertsOpenIncidentsMappedThroughTheAliasesTheirNullsLeftOut() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);

    ApiClient.Answer grafana =
        api.post("/v1/alerts/grafana", TestStack.fixture("grafana-firing.json"));
    ApiClient.Answer generic =
        api.post(
            "/v1/alerts",
            "{\"dedupKey\":\"db-disk-full\",\"status\":\"firing\",\"service\":\"payments-api\",\"severity\":\"critical\","
                + "\"title\":\"Primary DB disk 95% full\",\"labels\":{\"team\":null},"
                + "\"links\":[null,\"https://grafana.example.com/d/db\"]}");

    assertThat(grafana.status()).isEqualTo(202);
    assertThat(generic.status()).isEqualTo(202);
    JsonNode search =
        api.await("/v1/incidents?service=search", answer -> answer.body().size() == 1)
            .body()
            .get(0);
    assertThat(search.path("severity").asText()).isEqualTo("SEV3");
    assertThat(search.path("title").asText()).isEqualTo("Search p99 latency above 800ms for 10m");
    JsonNode database =
        api.await("/v1/incidents?q=disk", answer -> answer.body().size() == 1).body().get(0);
    assertThat(database.path("severity").asText()).isEqualTo("SEV1");
    assertThat(database.path("source").asText()).isEqualTo("generic");
  }
}
