package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /v1/deploys} records deploys once; {@code GET /v1/incidents/{id}} lists those to the
 * incident's service and its dependencies (the shipped catalog: checkout depends on payments-api)
 * in the two hours before it started.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DeployCorrelationTest {
  private static final TestStack STACK = TestStack.get();

  /**
   * Its own database: these incidents are written straight into the store and must not meet other
   * tests' ones.
   */
  private static final String DATABASE = "deploy_correlation_test";

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", DATABASE);

  @Test
  void aDeployIsCreatedOnceAndARepeatAnswers200WithTheSameDeploy() {
    ApiClient api = api();
    String deploy =
        "{\"service\":\"checkout\",\"version\":\"2.0.0\","
            + "\"commit\":\"9fceb02d0ae598e95dc970b74767f19372d61af8\",\"url\":\"https://ci.example.com/runs/1\","
            + "\"deployedAt\":\"2021-02-01T10:00:00+01:00\",\"author\":\"alice\"}";

    ApiClient.Answer first = api.post("/v1/deploys", deploy);
    ApiClient.Answer repeat = api.post("/v1/deploys", deploy.replace("alice", "ci-retry"));

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body().path("id").asLong()).isPositive();
    assertThat(first.body().path("deployedAt").asText()).isEqualTo("2021-02-01T09:00:00Z");
    assertThat(first.body().path("author").asText()).isEqualTo("alice");
    assertThat(repeat.status()).isEqualTo(200);
    assertThat(repeat.body()).isEqualTo(first.body());
  }

  @Test
  void anInvalidDeployIsRefusedWith422NamingEveryBadField() {
    ApiClient.Answer answer =
        api()
            .post(
                "/v1/deploys",
                "{\"service\":\" \",\"url\":\"ftp://example.com/x\",\"deployedAt\":\"yesterday\","
                    + "\"commit\":\""
                    + "a".repeat(201)
                    + "\"}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.error()).isEqualTo("invalid deploy");
    assertThat(answer.body().path("details"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "service is required",
            "version is required",
            "commit is longer than 200 characters",
            "url 'ftp://example.com/x' is not an absolute http(s) URL",
            "deployedAt 'yesterday' is not an ISO-8601 instant with an offset (2025-05-01T10:00:00Z)");
  }

  @Test
  void aDeployInTheFutureIsRefused() {
    Instant tomorrow = Instant.now().plus(Duration.ofDays(1));

    ApiClient.Answer answer =
        api()
            .post(
                "/v1/deploys",
                "{\"service\":\"checkout\",\"version\":\"9.9.9\",\"deployedAt\":\""
                    + tomorrow
                    + "\"}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details").get(0).asText())
        .isEqualTo("deployedAt " + tomorrow + " is in the future");
  }

  @Test
  void aDeployBefore1970IsRefusedRatherThanStoredOnAnotherDay() {
    ApiClient.Answer answer =
        api()
            .post(
                "/v1/deploys",
                "{\"service\":\"checkout\",\"version\":\"0.0.1\",\"deployedAt\":\"0001-01-01T00:00:00Z\"}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details").get(0).asText())
        .isEqualTo("deployedAt 0001-01-01T00:00:00Z is before 1970-01-01");
  }

  @Test
  void theIncidentListsDeploysToItsServiceAndDependenciesInTheTwoHoursBeforeItStartedNewestFirst() {
    ApiClient api = api();
    Instant started = Instant.parse("2021-03-01T12:00:00Z");
    String id =
        new PastIncidents(STACK, DATABASE)
            .store(
                "deploy-correlation-1",
                "Checkout errors after release",
                "",
                Severity.SEV2,
                "checkout",
                null,
                Map.of(IncidentStatus.TRIGGERED, started),
                List.of());
    // Named in another case than the catalog's, as alerts may name it, it is checkout's deploy.
    deploy(api, "Checkout", "counted-1h59m", started.minus(Duration.ofMinutes(119)));
    deploy(api, "checkout", "not-counted-2h01m", started.minus(Duration.ofMinutes(121)));
    deploy(api, "payments-api", "counted-dependency-30m", started.minus(Duration.ofMinutes(30)));
    deploy(api, "search", "not-counted-unrelated-10m", started.minus(Duration.ofMinutes(10)));
    deploy(api, "checkout", "not-counted-after-start", started.plus(Duration.ofMinutes(1)));

    JsonNode incident = api.get("/v1/incidents/" + id).body();

    assertThat(incident.path("id").asText())
        .as("the incident's own fields stay at the top level")
        .isEqualTo(id);
    assertThat(incident.path("title").asText()).isEqualTo("Checkout errors after release");
    assertThat(incident.has("incident")).isFalse();
    assertThat(incident.path("deploys"))
        .extracting(deploy -> deploy.path("version").asText())
        .containsExactly("counted-dependency-30m", "counted-1h59m");
    JsonNode newest = incident.path("deploys").get(0);
    assertThat(newest.path("service").asText()).isEqualTo("payments-api");
    assertThat(newest.path("deployedAt").asText()).isEqualTo("2021-03-01T11:30:00Z");
    assertThat(newest.path("url").asText())
        .isEqualTo("https://ci.example.com/counted-dependency-30m");
  }

  private static void deploy(ApiClient api, String service, String version, Instant at) {
    ApiClient.Answer answer =
        api.post(
            "/v1/deploys",
            "{\"service\":\""
                + service
                + "\",\"version\":\""
                + version
                + "\",\"url\":\"https://ci.example.com/"
                + version
                + "\",\"deployedAt\":\""
                + at
                + "\"}");
    assertThat(answer.status()).as("deploy of " + version).isEqualTo(201);
  }

  private static ApiClient api() {
    return new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
  }
}
