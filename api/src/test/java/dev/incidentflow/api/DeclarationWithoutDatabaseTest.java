package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.api.config.FreezingProxy;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A declaration with an {@code Idempotency-Key} asks the store first whether the key declared an
 * incident before; with PostgreSQL hung (the outage may be the incident) it is declared all the
 * same, as one without a key is. The application reaches PostgreSQL through a proxy that can stop
 * passing bytes.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DeclarationWithoutDatabaseTest {
  private static final TestStack STACK = TestStack.get();
  private static final String DATABASE = "declaration_without_database";
  private static final FreezingProxy PROXY = new FreezingProxy(STACK.postgres.getPort());

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.appThrough(
          "e2e/policy.yml",
          DATABASE,
          PROXY::port,
          // A hung read fails after 15 s instead of the default 30 s: still far past the store
          // lookup's own wait (IncidentsResource.STORE_LOOKUP_WAIT).
          ConfigOverride.config("database.properties.socketTimeout", "15"),
          ConfigOverride.config("declareWait", "2s"));

  @AfterAll
  static void closeProxy() {
    PROXY.close();
  }

  @Test
  void aDeclarationWithAKeyIsTakenWhilePostgresqlHangsAndLeadsToItsIncidentOnceItAnswers() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    Map<String, String> key = Map.of("Idempotency-Key", "outage-" + UUID.randomUUID());
    String declaration =
        "{\"title\":\"Orders database down\",\"severity\":\"SEV1\",\"service\":\"checkout\","
            + "\"declaredBy\":\"carol\"}";

    ApiClient.Answer declared;
    Duration waited;
    PROXY.freeze();
    try {
      long sent = System.nanoTime();
      declared = api.post("/v1/incidents", declaration, key);
      waited = Duration.ofNanos(System.nanoTime() - sent);
    } finally {
      PROXY.thaw();
    }

    assertThat(declared.status()).as(declared.body().toString()).isEqualTo(202);
    // The store's answer is waited for 2 s, then declareWait's 2 s for the workflow: not the
    // driver's 15 s socket timeout on top (17 s and more before the store lookup had its own wait).
    assertThat(waited).isLessThan(Duration.ofSeconds(10));
    String workflowId = declared.body().path("workflowId").asText();
    ApiClient.Answer opened =
        api.await("/v1/declarations/" + workflowId, found -> found.status() == 303);
    String incident = opened.body().path("incidentId").asText();
    // Sent again now that the store answers: the incident it declared, not a second one.
    ApiClient.Answer again = api.post("/v1/incidents", declaration, key);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("id").asText()).isEqualTo(incident);
  }
}
