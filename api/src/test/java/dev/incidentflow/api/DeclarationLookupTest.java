package dev.incidentflow.api;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.api.core.DeclarationIds;
import dev.incidentflow.workflows.incident.IncidentOutcome;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A declaration that {@code POST /v1/incidents} answered with 202 leads, through its {@code
 * Location}, to the incident it opened.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DeclarationLookupTest {
  private static final TestStack STACK = TestStack.get();

  /** Its own, so that holding its incidents table holds up no other test's incidents. */
  private static final String DATABASE = "declarations";

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app(
          "e2e/policy.yml",
          DATABASE,
          ConfigOverride.config("declareWait", "1s"),
          ConfigOverride.config("worker.continueAsNewAfterEvents", "100"));

  private final ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);

  @AfterEach
  void goodDayAgain() {
    STACK.resetFakes();
  }

  @Test
  void aDeclarationStillOpeningAnswers202AndItsLocationLeadsToTheIncidentOnceNumbered()
      throws SQLException {
    // Slack would take 20 s to make the channel: the incident is not open for a while after it has
    // its number.
    STACK.slack.stubFor(
        post(urlEqualTo("/api/conversations.create"))
            .willReturn(
                okJson(
                        "{\"ok\":true,\"channel\":{\"id\":\"C0SLOW001\",\"name\":\"inc-slow\",\"is_channel\":true}}")
                    .withFixedDelay(20_000)));
    ApiClient.Answer declared;
    String location;
    try (Connection held = holdIncidentsTable()) {
      // PostgreSQL is held up: the incident cannot be numbered yet.
      declared = api.post("/v1/incidents", declaration("Ledger writes stall", "SEV2"));

      assertThat(declared.status()).isEqualTo(202);
      String workflowId = declared.body().path("workflowId").asText();
      assertThat(workflowId).startsWith("declared-");
      assertThat(declared.body().path("status").asText()).isEqualTo("starting");
      location = path(declared.header("Location").orElseThrow());
      assertThat(location).isEqualTo("/v1/declarations/" + workflowId);

      ApiClient.Answer opening = api.get(location);
      assertThat(opening.status()).isEqualTo(202);
      assertThat(opening.body().path("workflowId").asText()).isEqualTo(workflowId);
      assertThat(opening.body().path("status").asText()).isEqualTo("starting");
      assertThat(opening.body().has("incidentId")).isFalse();
      assertThat(opening.header("Retry-After")).contains("1");
      held.commit();
    }

    // Numbered now, with its channel still being made.
    ApiClient.Answer opened = api.await(location, answer -> answer.status() != 202);
    assertThat(opened.status()).isEqualTo(303);
    String incidentId = opened.body().path("incidentId").asText();
    assertThat(incidentId).matches("INC-\\d+");
    assertThat(opened.body().path("workflowId").asText())
        .isEqualTo(declared.body().path("workflowId").asText());
    assertThat(path(opened.header("Location").orElseThrow()))
        .isEqualTo("/v1/incidents/" + incidentId);
    ApiClient.Answer incident = api.get("/v1/incidents/" + incidentId);
    assertThat(incident.status()).isEqualTo(200);
    assertThat(incident.body().path("title").asText()).isEqualTo("Ledger writes stall");
    assertThat(incident.body().path("workflowId").asText())
        .isEqualTo(declared.body().path("workflowId").asText());
  }

  @Test
  void aCanceledIncidentsDeclarationStillLeadsToIt() throws Exception {
    Declared declared = declare("Checkout 500s on one pod", "SEV2");
    assertThat(
            api.post(
                    "/v1/incidents/" + declared.incidentId() + "/cancel",
                    "{\"by\":\"carol\",\"note\":\"a canary, not customers\"}")
                .status())
        .isEqualTo(200);
    IncidentOutcome outcome = endOf(declared.workflowId());
    assertThat(outcome.status().name()).isEqualTo("CANCELED");

    ApiClient.Answer lookup = api.get("/v1/declarations/" + declared.workflowId());

    assertThat(lookup.status()).isEqualTo(303);
    assertThat(lookup.body().path("incidentId").asText()).isEqualTo(declared.incidentId());
    assertThat(path(lookup.header("Location").orElseThrow()))
        .isEqualTo("/v1/incidents/" + declared.incidentId());
  }

  @Test
  void aDeclarationWhoseIncidentContinuedAsNewAndClosedStillLeadsToIt() throws Exception {
    Declared declared = declare("Search index lags an hour", "SEV1");
    WorkflowStub workflow = STACK.temporalClient().newUntypedWorkflowStub(declared.workflowId());
    String firstRun = workflow.describe().getExecution().getRunId();
    // Past the 100 events this app continues after; it does once its Slack posts are all made.
    for (int decision = 0; workflow.describe().getHistoryLength() <= 120; decision++) {
      assertThat(decision).isLessThan(60);
      assertThat(
              api.post(
                      "/v1/incidents/" + declared.incidentId() + "/decisions",
                      "{\"by\":\"carol\",\"text\":\"Rebuild shard " + decision + "\"}")
                  .status())
          .isEqualTo(200);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (workflow.describe().getExecution().getRunId().equals(firstRun)
        && System.nanoTime() < deadline) {
      ApiClient.sleep(200);
    }
    assertThat(workflow.describe().getExecution().getRunId()).isNotEqualTo(firstRun);
    ApiClient.Answer continued = api.get("/v1/declarations/" + declared.workflowId());
    assertThat(continued.status()).isEqualTo(303);
    assertThat(continued.body().path("incidentId").asText()).isEqualTo(declared.incidentId());

    assertThat(
            api.post(
                    "/v1/incidents/" + declared.incidentId() + "/resolve",
                    "{\"by\":\"carol\",\"note\":\"reindexed\"}")
                .status())
        .isEqualTo(200);
    // SEV1's monitoring window in the test policy is 3 s.
    assertThat(endOf(declared.workflowId()).status().name()).isEqualTo("CLOSED");
    ApiClient.Answer closed = api.get("/v1/declarations/" + declared.workflowId());

    assertThat(closed.status()).isEqualTo(303);
    assertThat(closed.body().path("incidentId").asText()).isEqualTo(declared.incidentId());
  }

  @Test
  void aDeclarationEndedBeforeItsIncidentWasRecordedIsNotFoundUntilTheRecordLands()
      throws SQLException {
    String workflowId;
    try (Connection held = holdIncidentsTable()) {
      ApiClient.Answer declared =
          api.post("/v1/incidents", declaration("Batch export stuck", "SEV3"));
      assertThat(declared.status()).isEqualTo(202);
      workflowId = declared.body().path("workflowId").asText();
      STACK
          .temporalClient()
          .newUntypedWorkflowStub(workflowId)
          .terminate("an operator stopped it while it opened");

      ApiClient.Answer lookup = api.get("/v1/declarations/" + workflowId);

      assertThat(lookup.status()).isEqualTo(404);
      assertThat(lookup.error())
          .isEqualTo("declaration " + workflowId + " ended before it opened an incident");
      held.commit();
    }
    // The opening's insert was waiting for the table: it lands, and the incident it recorded is
    // the one the declaration leads to, though its workflow is gone.
    ApiClient.Answer recorded =
        api.await("/v1/declarations/" + workflowId, found -> found.status() == 303);
    assertThat(recorded.body().path("incidentId").asText()).startsWith("INC-");
  }

  @Test
  void aKeyWhoseDeclarationEndedBeforeItOpenedIsAConflictNotAnEndlessStart() throws SQLException {
    Map<String, String> key = Map.of("Idempotency-Key", "stopped-" + UUID.randomUUID());
    String body = declaration("Invoices not sent", "SEV3");
    try (Connection held = holdIncidentsTable()) {
      ApiClient.Answer declared = api.post("/v1/incidents", body, key);
      assertThat(declared.status()).isEqualTo(202);
      String workflowId = declared.body().path("workflowId").asText();
      STACK
          .temporalClient()
          .newUntypedWorkflowStub(workflowId)
          .terminate("an operator stopped it while it opened");

      ApiClient.Answer again = api.post("/v1/incidents", body, key);

      assertThat(again.status()).isEqualTo(409);
      assertThat(again.error())
          .isEqualTo(
              "Idempotency-Key '"
                  + key.get("Idempotency-Key")
                  + "' declared an incident whose declaration ("
                  + workflowId
                  + ") ended before it was opened; send a new key to declare it again");
      held.commit();
    }
  }

  /**
   * Temporal forgets an ended workflow once its namespace's retention has passed; the store keeps
   * the incident. A declaration sent again with its key then is still the incident it declared.
   */
  @Test
  void
      aKeySentAgainAfterTemporalForgotItsDeclarationAnswersWithTheStoredIncidentAndStartsNothing() {
    String idempotencyKey = "retained-" + UUID.randomUUID();
    String workflowId = DeclarationIds.of(idempotencyKey);
    // As the declaration's workflow recorded it a month ago; Temporal has no such workflow now.
    Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
    String stored =
        new PastIncidents(STACK, DATABASE)
            .resolved(workflowId, monthAgo, monthAgo.plus(Duration.ofHours(1)));

    ApiClient.Answer again =
        api.post(
            "/v1/incidents",
            "{\"title\":\"Checkout errors\",\"severity\":\"SEV1\",\"service\":\"checkout\","
                + "\"declaredBy\":\"carol\"}",
            Map.of("Idempotency-Key", idempotencyKey));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("id").asText()).isEqualTo(stored);
    assertThatThrownBy(() -> STACK.temporalClient().newUntypedWorkflowStub(workflowId).describe())
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void anIdNoDeclarationHasIsNotFoundAndOtherShapesNeverReachTemporal() {
    String unknown = "declared-" + UUID.randomUUID();
    ApiClient.Answer missing = api.get("/v1/declarations/" + unknown);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.error()).isEqualTo("no declaration has workflow id " + unknown);

    // An alert group's incident has a workflow of its own, but it is no declaration.
    String alertGroup = "alert-alertmanager-0123456789abcdef01234567";
    for (String other :
        new String[] {"INC-1", alertGroup, unknown.toUpperCase(Locale.ROOT), "declared-"}) {
      ApiClient.Answer refused = api.get("/v1/declarations/" + other);
      assertThat(refused.status()).as(other).isEqualTo(404);
      assertThat(refused.error())
          .isEqualTo("'" + other + "' is not a declaration's workflow id (declared-<uuid>)");
    }

    ApiClient.Answer anonymous =
        new ApiClient(APP.getLocalPort(), "not-the-token").get("/v1/declarations/" + unknown);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  private record Declared(String workflowId, String incidentId) {}

  /** Declares an incident and finds its number however the declaration was answered. */
  private Declared declare(String title, String severity) {
    ApiClient.Answer answer = api.post("/v1/incidents", declaration(title, severity));
    String workflowId = answer.body().path("workflowId").asText();
    if (answer.status() == 201) {
      return new Declared(workflowId, answer.body().path("id").asText());
    }
    assertThat(answer.status()).isEqualTo(202);
    ApiClient.Answer opened =
        api.await("/v1/declarations/" + workflowId, found -> found.status() == 303);
    return new Declared(workflowId, opened.body().path("incidentId").asText());
  }

  private static String declaration(String title, String severity) {
    return "{\"title\":\""
        + title
        + "\",\"severity\":\""
        + severity
        + "\",\"service\":\"checkout\",\"declaredBy\":\"carol\"}";
  }

  /** How the declaration's workflow ended, once it has. */
  private static IncidentOutcome endOf(String workflowId) throws Exception {
    return STACK
        .temporalClient()
        .newUntypedWorkflowStub(workflowId)
        .getResult(60, TimeUnit.SECONDS, IncidentOutcome.class);
  }

  /**
   * A transaction holding the application's incidents table against writes, as a PostgreSQL under
   * load would: a new incident cannot be numbered until it commits. Reads go on.
   */
  private static Connection holdIncidentsTable() throws SQLException {
    DataSource database = STACK.postgres.getDatabase("postgres", DATABASE);
    Connection connection = database.getConnection();
    connection.setAutoCommit(false);
    try (Statement lock = connection.createStatement()) {
      lock.execute("LOCK TABLE incidents IN SHARE ROW EXCLUSIVE MODE");
    }
    return connection;
  }

  /** The path of a {@code Location} header, which the server sends absolute. */
  private static String path(String location) {
    return URI.create(location).getRawPath();
  }
}
