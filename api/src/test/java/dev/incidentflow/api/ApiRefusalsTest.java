package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input gets a 4xx whose JSON names the problem, never a 500, and changes nothing: every test
 * checks that no incident appeared.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiRefusalsTest {
  private static final TestStack STACK = TestStack.get();
  static final DropwizardAppExtension<IncidentFlowConfiguration> APP = STACK.app("e2e/policy.yml");

  private ApiClient api;
  private int incidentsBefore;

  @BeforeEach
  void countIncidents() {
    api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    incidentsBefore = api.get("/v1/incidents").body().size();
  }

  @AfterEach
  void nothingChanged() {
    ApiClient.sleep(300);
    assertThat(api.get("/v1/incidents").body().size())
        .as("incidents after a refused request")
        .isEqualTo(incidentsBefore);
  }

  @Test
  void requestsWithoutTheBearerTokenAreUnauthorized() {
    ApiClient.Answer missing =
        api.postWithoutToken(
            "/v1/alerts/alertmanager", TestStack.fixture("alertmanager-firing.json"));
    ApiClient.Answer wrong =
        new ApiClient(APP.getLocalPort(), "not-the-token").get("/v1/incidents");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.error()).isEqualTo("missing bearer token");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.error()).isEqualTo("invalid bearer token");
  }

  @Test
  void basicCredentialsAreTakenOnAlertWebhooksOnlyAndOnlyWithTheTokenAsThePassword() {
    int port = APP.getLocalPort();
    String alert = "{\"dedupKey\":\"basic-refused\",\"status\":\"firing\",\"severity\":\"SEV1\"}";
    String declaration = "{\"title\":\"Basic\",\"severity\":\"SEV2\",\"declaredBy\":\"carol\"}";

    ApiClient.Answer wrongPassword =
        ApiClient.withAuthorization(port, ApiClient.basic("grafana:not-the-token"))
            .post("/v1/alerts/grafana", alert);
    ApiClient.Answer tokenAsUser =
        ApiClient.withAuthorization(port, ApiClient.basic(TestStack.TOKEN + ":"))
            .post("/v1/alerts", alert);
    ApiClient.Answer notBase64 =
        ApiClient.withAuthorization(port, "Basic not*base64").post("/v1/alerts", alert);
    ApiClient.Answer noColon =
        ApiClient.withAuthorization(port, ApiClient.basic(TestStack.TOKEN))
            .post("/v1/alerts/alertmanager", alert);
    ApiClient.Answer empty = ApiClient.withAuthorization(port, "Basic").post("/v1/alerts", alert);
    ApiClient basicWithTheToken =
        ApiClient.withAuthorization(port, ApiClient.basic("me:" + TestStack.TOKEN));
    ApiClient.Answer declared = basicWithTheToken.post("/v1/incidents", declaration);
    ApiClient.Answer listed = basicWithTheToken.get("/v1/incidents");
    ApiClient.Answer none = api.postWithoutToken("/v1/alerts", alert);

    for (ApiClient.Answer refused : List.of(wrongPassword, tokenAsUser)) {
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.error()).isEqualTo("invalid Basic credentials");
      assertThat(refused.body().path("details").get(0).asText())
          .isEqualTo("the password is not INCIDENTFLOW_API_TOKEN");
      assertThat(refused.header("WWW-Authenticate")).hasValue("Bearer realm=\"incidentflow\"");
    }
    assertThat(notBase64.status()).isEqualTo(401);
    assertThat(notBase64.error()).isEqualTo("malformed Basic credentials");
    assertThat(notBase64.body().path("details").get(0).asText())
        .startsWith("the credentials after Basic are not base64 (");
    for (ApiClient.Answer malformed : List.of(noColon, empty)) {
      assertThat(malformed.status()).isEqualTo(401);
      assertThat(malformed.error()).isEqualTo("malformed Basic credentials");
      assertThat(malformed.body().path("details").get(0).asText())
          .isEqualTo(
              "the credentials after Basic have no ':' between the user name and the password");
    }
    for (ApiClient.Answer elsewhere : List.of(declared, listed)) {
      assertThat(elsewhere.status()).isEqualTo(401);
      assertThat(elsewhere.error()).isEqualTo("missing bearer token");
      assertThat(elsewhere.body().path("details").get(0).asText())
          .isEqualTo("Basic credentials are taken on the alert webhooks (/v1/alerts...) only");
    }
    assertThat(none.error()).isEqualTo("missing bearer token");
    assertThat(none.body().path("details").get(1).asText())
        .isEqualTo(
            "or, from a sender that can only send HTTP Basic, Authorization: Basic with"
                + " INCIDENTFLOW_API_TOKEN as the password and any user name");
  }

  @Test
  void malformedJsonIsABadRequestThatSaysWhere() {
    ApiClient.Answer answer =
        api.post("/v1/alerts/alertmanager", "{\"groupKey\": \"x\", \"status\": ");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).isEqualTo("invalid JSON body");
    assertThat(answer.body().path("details").get(0).asText())
        .startsWith("malformed JSON at line 1");
  }

  @Test
  void alertWithoutGroupKeyNamesTheMissingField() {
    String alert =
        TestStack.fixture("alertmanager-firing.json")
            .replace("\"groupKey\"", "\"groupKeyMissing\"");

    ApiClient.Answer answer = api.post("/v1/alerts/alertmanager", alert);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details").toString()).contains("groupKey is required");
  }

  @Test
  void alertWithAnUnknownSeverityNamesTheLabelAndTheKnownOnes() {
    String alert =
        TestStack.fixture("alertmanager-firing.json").replace("\"critical\"", "\"apocalyptic\"");

    ApiClient.Answer answer = api.post("/v1/alerts/alertmanager", alert);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details").get(0).asText())
        .contains("commonLabels.severity 'apocalyptic' is not a known severity or alias")
        .contains("critical");
  }

  @Test
  void bodyOverOneMebibyteIsRefusedBeforeParsingAndItsSenderReadsThe413() {
    String huge = "{\"title\":\"" + "a".repeat((1 << 20) + 10) + "\"}";

    // The server reads what is left of the refused body before it answers: when it closed the
    // connection with the body unread, 12 of 60 such senders saw a connection reset instead.
    for (int sender = 1; sender <= 20; sender++) {
      ApiClient.Answer answer = api.post("/v1/incidents", huge);

      assertThat(answer.status()).as("sender %d", sender).isEqualTo(413);
      assertThat(answer.error()).isEqualTo("request body too large");
    }
  }

  @Test
  void alertDeliveryOverSixteenMebibytesIsRefusedWithItsLimit() {
    ApiClient.Answer answer = api.post("/v1/alerts/alertmanager", alertPast(16 << 20));

    assertTooLarge(answer, 16 << 20);
    assertThat(answer.error()).isEqualTo("request body too large");
  }

  @Test
  void alertDeliveryPastOneMebibyteWithoutTheTokenIsRefusedAtTheSmallerLimit() {
    // The body is read before the token is checked: only a sender with the token gets 16 MiB.
    ApiClient.Answer answer =
        new ApiClient(APP.getLocalPort(), "not-the-token")
            .post("/v1/alerts/alertmanager", alertPast(1 << 20));

    assertTooLarge(answer, 1 << 20);
  }

  /** An Alertmanager delivery whose {@code message} takes it just past {@code limit} bytes. */
  private static String alertPast(int limit) {
    return "{\"groupKey\":\"{}:{alertname=\\\"Big\\\"}\",\"status\":\"firing\",\"alerts\":[],"
        + "\"message\":\""
        + "a".repeat(limit + 10)
        + "\"}";
  }

  private static void assertTooLarge(ApiClient.Answer answer, int limit) {
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body().path("details").get(0).asText())
        .isEqualTo("the limit is " + limit + " bytes");
  }

  @Test
  void declarationWithoutTitleOrWithAnUnknownSeverityNamesEveryProblem() {
    ApiClient.Answer answer =
        api.post("/v1/incidents", "{\"severity\":\"SEV9\",\"declaredBy\":\"carol\"}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.error()).isEqualTo("invalid declaration");
    assertThat(answer.body().path("details").toString())
        .contains("title is required")
        .contains("severity 'SEV9' is not a known severity or alias");
  }

  @Test
  void declarationWhoseServiceIsTooLongToRecordIsRefused() {
    ApiClient.Answer answer =
        api.post(
            "/v1/incidents",
            "{\"title\":\"Refunds fail\",\"severity\":\"SEV2\",\"declaredBy\":\"carol\","
                + "\"service\":\""
                + "payments-".repeat(30)
                + "\"}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details").toString())
        .contains("service is longer than 200 characters");
  }

  @Test
  void declarationWhoseCommanderTheCatalogLacksIsRefused() {
    ApiClient.Answer answer =
        api.post(
            "/v1/incidents",
            "{\"title\":\"Refunds fail\",\"severity\":\"SEV2\",\"declaredBy\":\"carol\","
                + "\"commander\":\"bbo\"}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details").toString())
        .contains("commander 'bbo' is not a person in the catalog");
  }

  @Test
  void aBodyThatIsNotInItsContentEncodingIsABadRequest() {
    ApiClient.Answer answer =
        api.post(
            "/v1/alerts/alertmanager",
            TestStack.fixture("alertmanager-firing.json"),
            Map.of("Content-Encoding", "gzip"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).isEqualTo("request body cannot be decoded");
    assertThat(answer.body().path("details").get(0).asText())
        .isEqualTo("the body is not gzip, as its Content-Encoding says");
  }

  @Test
  void whatJettyRefusesBeforeJerseySeesItIsAnsweredInTheSameJsonShape() {
    ApiClient.Answer separator = api.send("GET", "/v1/incidents/INC-1%2F");
    ApiClient.Answer badUtf8 = api.send("GET", "/v1/incidents/%ff");
    ApiClient.Answer trace = api.send("TRACE", "/v1/incidents");

    assertThat(separator.status()).isEqualTo(400);
    assertThat(separator.error()).isEqualTo("Ambiguous URI path separator");
    assertThat(badUtf8.status()).isEqualTo(400);
    assertThat(badUtf8.error()).isNotBlank();
    assertThat(trace.status()).isEqualTo(405);
    assertThat(trace.error()).isNotBlank();
  }

  @Test
  void wrongJsonTypeNamesTheField() {
    ApiClient.Answer answer =
        api.post(
            "/v1/incidents", "{\"title\":[\"x\"],\"severity\":\"SEV2\",\"declaredBy\":\"carol\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("details").get(0).asText()).isEqualTo("title: expected a string");
    ApiClient.Answer labels =
        api.post(
            "/v1/alerts",
            "{\"dedupKey\":\"k\",\"status\":\"firing\",\"labels\":[\"team\"],\"links\":{}}");
    assertThat(labels.status()).isEqualTo(400);
    assertThat(labels.body().path("details").get(0).asText())
        .isEqualTo("labels: expected an object");
    ApiClient.Answer alerts =
        api.post(
            "/v1/alerts/alertmanager",
            "{\"groupKey\":\"k\",\"status\":\"firing\",\"alerts\":{\"labels\":{}}}");
    assertThat(alerts.body().path("details").get(0).asText())
        .isEqualTo("alerts: expected an array");
  }

  @Test
  void anAlertDeclaredAsAnotherShapeThanJsonIsRefusedNamingTheTypeItWasSentAs() {
    for (String type : List.of("application/x-www-form-urlencoded", "application/xml")) {
      ApiClient.Answer answer =
          api.postBytes(
              "/v1/alerts",
              "{\"dedupKey\":\"form\",\"status\":\"firing\",\"severity\":\"SEV1\"}"
                  .getBytes(StandardCharsets.UTF_8),
              Map.of("Content-Type", type));

      assertThat(answer.status()).isEqualTo(415);
      assertThat(answer.error()).isEqualTo("alerts are JSON: send Content-Type: application/json");
      assertThat(answer.body().path("details").get(0).asText())
          .isEqualTo("the request's Content-Type is '" + type + "'");
    }
  }

  @Test
  void aContentTypeThatCannotBeReadIsRefusedNamingIt() {
    byte[] alert =
        "{\"dedupKey\":\"unreadable-type\",\"status\":\"firing\",\"severity\":\"SEV1\"}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] declaration =
        "{\"title\":\"Unreadable type\",\"severity\":\"SEV2\",\"declaredBy\":\"carol\"}"
            .getBytes(StandardCharsets.UTF_8);
    for (String type :
        List.of(";;;", "application/json; charset", "application/json; =utf-8", "")) {
      for (String path : List.of("/v1/alerts/alertmanager", "/v1/alerts", "/v1/incidents")) {
        ApiClient.Answer answer =
            api.postBytes(
                path,
                path.equals("/v1/incidents") ? declaration : alert,
                Map.of("Content-Type", type));

        assertThat(answer.status()).as("%s with '%s'", path, type).isEqualTo(415);
        assertThat(answer.error()).isEqualTo("Content-Type cannot be read");
        assertThat(answer.body().path("details").get(0).asText())
            .isEqualTo(
                "the request's Content-Type is '"
                    + type
                    + "', which cannot be read as a media type");
      }
    }
    ApiClient.Answer twice =
        api.postBytes(
            "/v1/incidents",
            declaration,
            List.of(
                Map.entry("Content-Type", "application/json"),
                Map.entry("Content-Type", "text/plain")));
    assertThat(twice.status()).isEqualTo(415);
    assertThat(twice.body().path("details").get(0).asText())
        .isEqualTo("the request has 2 Content-Type headers: 'application/json', 'text/plain'");
  }

  @Test
  void everySenderWhoseContentTypeCannotBeReadHearsTheRefusal() {
    byte[] alert =
        "{\"dedupKey\":\"unreadable-type\",\"status\":\"firing\",\"severity\":\"SEV1\"}"
            .getBytes(StandardCharsets.UTF_8);

    // The refusal reads the body before it answers: answered with the body unread, 13 of 360 such
    // requests, sent one after another on the client's kept-alive connections, got no answer.
    for (int request = 1; request <= 300; request++) {
      ApiClient.Answer answer =
          api.postBytes(
              request % 2 == 0 ? "/v1/alerts" : "/v1/incidents",
              alert,
              Map.of("Content-Type", ";;;"));

      assertThat(answer.status()).as("request %d", request).isEqualTo(415);
    }
  }

  @Test
  void aJsonBodySentAsAFormPostIsRefusedSayingWhichContentTypeToSend() {
    String item =
        "{\"title\":\"x\",\"owner\":\"bob\",\"due\":\"2030-01-01\",\"kind\":\"root_cause\"}";
    for (String path :
        List.of(
            "/v1/incidents",
            "/v1/incidents/INC-1/action-items",
            "/v1/incidents/INC-1/postmortem")) {
      // What curl -d sends unless told otherwise.
      ApiClient.Answer form =
          api.postBytes(
              path,
              item.getBytes(StandardCharsets.UTF_8),
              Map.of("Content-Type", "application/x-www-form-urlencoded"));
      ApiClient.Answer untyped =
          api.postBytes(path, item.getBytes(StandardCharsets.UTF_8), Map.of());

      assertThat(form.status()).isEqualTo(415);
      assertThat(form.error()).isEqualTo("the body is JSON: send Content-Type: application/json");
      assertThat(form.body().path("details").get(0).asText())
          .isEqualTo("the request's Content-Type is 'application/x-www-form-urlencoded'");
      assertThat(untyped.status()).isEqualTo(415);
      assertThat(untyped.body().path("details").get(0).asText())
          .isEqualTo("the request has no Content-Type");
    }
  }

  @Test
  void aBodyInAnEncodingOtherThanGzipIsRefusedNamingTheEncoding() {
    byte[] alert =
        "{\"dedupKey\":\"deflated\",\"status\":\"firing\",\"severity\":\"SEV1\"}"
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
      out.write(alert);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    ApiClient.Answer answer =
        api.postBytes(
            "/v1/alerts",
            deflated.toByteArray(),
            Map.of("Content-Type", "application/json", "Content-Encoding", "deflate"));

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.error()).isEqualTo("request body encoding not supported");
    assertThat(answer.body().path("details").get(0).asText())
        .isEqualTo(
            "the body's Content-Encoding is 'deflate'; send it as it is or with Content-Encoding:"
                + " gzip");
  }

  @Test
  void resolvedAlertForAGroupWithNoRunningIncidentStartsNothing() {
    String resolved =
        TestStack.fixture("alertmanager-resolved.json")
            .replace("CheckoutErrorBudgetBurn", "NeverFired");

    ApiClient.Answer answer = api.post("/v1/alerts/alertmanager", resolved);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().path("outcome").asText()).isEqualTo("ignored");
  }

  @Test
  void unknownIncidentIsNotFoundAndBadListFiltersAreNamed() {
    assertThat(api.post("/v1/incidents/INC-999/acknowledge", "{\"by\":\"alice\"}").status())
        .isEqualTo(404);
    ApiClient.Answer filter = api.get("/v1/incidents?status=bogus&severity=SEV7");
    assertThat(filter.status()).isEqualTo(422);
    assertThat(filter.body().path("details").toString())
        .contains("status 'bogus'")
        .contains("severity 'SEV7'");
    for (String limit : List.of("0", "501", "99999999999", "ten")) {
      ApiClient.Answer answer = api.get("/v1/incidents?limit=" + limit);
      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.body().path("details").get(0).asText())
          .isEqualTo("limit must be a whole number from 1 to 500, not '" + limit + "'");
    }
  }

  /** The benchmark's HTTP floor answers every post with 202: only the bench's own run serves it. */
  @Test
  void theBenchmarksHttpFloorIsNotServed() {
    ApiClient.Answer answer =
        api.post("/v1/alerts/bench-http-floor", TestStack.fixture("alertmanager-firing.json"));

    assertThat(answer.status()).isEqualTo(404);
  }

  @Test
  void anActionItemOwnerFilterNamingNobodyIsNamedNotAnEmptyList() {
    ApiClient.Answer typo = api.get("/v1/action-items?status=overdue&owner=alcie");

    assertThat(typo.status()).isEqualTo(422);
    assertThat(typo.body().path("details").get(0).asText())
        .isEqualTo("owner 'alcie' is not a person in the catalog and owns no action item");
    assertThat(api.get("/v1/action-items?owner=Alice").status()).isEqualTo(200);
  }

  @Test
  void aServiceFilterWithANulCharacterIsAnEmptyListNotAnError() {
    ApiClient.Answer answer = api.get("/v1/incidents?service=check%00out");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
  }

  @Test
  void aMistypedFilterIsRefusedNamingItRatherThanListingEverything() {
    ApiClient.Answer incidents = api.get("/v1/incidents?sevrity=SEV1&status=resolved");
    ApiClient.Answer items = api.get("/v1/action-items?stauts=overdue");
    ApiClient.Answer metrics = api.get("/v1/metrics/incidents?group=service");

    assertThat(incidents.status()).isEqualTo(422);
    assertThat(incidents.body().path("details").get(0).asText())
        .isEqualTo(
            "unknown query parameter 'sevrity': this takes status, severity, service, q, before,"
                + " limit, offset, page");
    assertThat(items.status()).isEqualTo(422);
    assertThat(items.body().path("details").get(0).asText())
        .isEqualTo("unknown query parameter 'stauts': this takes status, owner, after, limit");
    assertThat(metrics.status()).isEqualTo(422);
    assertThat(metrics.body().path("details").get(0).asText())
        .isEqualTo("unknown query parameter 'group': this takes from, to, groupBy, format");
    // A cache-busting parameter is left alone.
    assertThat(api.get("/v1/incidents?status=resolved&_=1733400000").status()).isEqualTo(200);
    assertThat(api.get("/v1/action-items?_=1").status()).isEqualTo(200);
    assertThat(api.get("/v1/metrics/incidents?_=1").status()).isEqualTo(200);
  }
}
