package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.workflows.incident.IncidentWorkflow;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.postmortem.IncidentTimes;
import dev.incidentflow.workflows.postmortem.PostmortemInput;
import dev.incidentflow.workflows.postmortem.PostmortemWorkflow;
import dev.incidentflow.workflows.postmortem.Postmortems;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /v1/incidents/{id}/postmortem/owner}: the real application and its postmortem
 * workflow on the embedded Temporal test server, Jira not configured. The incidents are written
 * into a database of this test's own, numbered far past the other tests' ones, whose postmortem
 * workflows run on the same Temporal server under ids made from the number.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PostmortemHandoverTest {
  private static final TestStack STACK = TestStack.get();
  private static final String DATABASE = "postmortem_handover_test";

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", DATABASE);

  @Test
  void handingOverChangesTheOwnerOnceAndAPublishedPostmortemIsRefused() {
    String incident = incidentWithPostmortemOwnedByAlice();
    String path = "/v1/incidents/" + incident + "/postmortem/owner";

    ApiClient.Answer handed = api().post(path, "{\"owner\": \"Bob\", \"by\": \"alice\"}");

    assertThat(handed.status()).as(handed.body().toString()).isEqualTo(200);
    assertThat(handed.body().path("owner").asText()).isEqualTo("bob");
    assertThat(handed.body().path("status").asText()).isEqualTo("scheduled");
    assertThat(api().get("/v1/incidents/" + incident + "/postmortem").body())
        .isEqualTo(handed.body());
    assertThat(handoverEvents(incident))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.path("by").asText()).isEqualTo("alice");
              assertThat(event.path("text").asText())
                  .isEqualTo("Postmortem handed over from alice to bob by alice");
            });

    // Sent again (its answer was lost): the same answer, and nothing more on the timeline.
    ApiClient.Answer again = api().post(path, "{\"owner\": \"bob\", \"by\": \"alice\"}");
    assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(handed.body());
    assertThat(handoverEvents(incident)).hasSize(1);

    ApiClient.Answer published =
        api()
            .post(
                "/v1/incidents/" + incident + "/postmortem",
                "{\"url\": \"https://wiki.example.com/pm/" + incident + "\", \"by\": \"bob\"}");
    assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
    ApiClient.Answer afterPublishing = api().post(path, "{\"owner\": \"carol\", \"by\": \"bob\"}");
    assertThat(afterPublishing.status()).isEqualTo(409);
    assertThat(afterPublishing.error())
        .isEqualTo(
            "the postmortem of "
                + incident
                + " is already published at https://wiki.example.com/pm/"
                + incident
                + "; it can no longer be handed over");
    assertThat(api().get("/v1/incidents/" + incident + "/postmortem").body().path("owner").asText())
        .isEqualTo("bob");
  }

  @Test
  void aHandoverNamingNobodyOrStrangersIsRefusedNamingEachFieldAndChangesNothing() {
    String incident = incidentWithPostmortemOwnedByAlice();
    String path = "/v1/incidents/" + incident + "/postmortem/owner";

    ApiClient.Answer strangers = api().post(path, "{\"owner\": \"zed\", \"by\": \"mallory\"}");
    ApiClient.Answer nobody = api().post(path, "{\"owner\": \" \"}");
    ApiClient.Answer noBody = api().post(path, "");

    assertThat(strangers.status()).isEqualTo(422);
    assertThat(strangers.body().path("details").toString())
        .contains(
            "owner 'zed' is not a person in the catalog",
            "by 'mallory' is not a person in the catalog");
    assertThat(nobody.status()).isEqualTo(422);
    assertThat(nobody.body().path("details").toString())
        .contains("owner is required", "by is required");
    assertThat(noBody.status()).isEqualTo(400);
    assertThat(noBody.error()).isEqualTo("a JSON body is required");
    for (String unreadable :
        List.of("{\"owner\": \"bob\",", "{\"owner\": [\"bob\"], \"by\": \"alice\"}")) {
      ApiClient.Answer refused = api().post(path, unreadable);
      assertThat(refused.status()).as(unreadable).isEqualTo(400);
      assertThat(refused.error()).as(unreadable).isNotBlank();
    }
    ApiClient.Answer form =
        api()
            .postBytes(
                path,
                "{\"owner\": \"bob\", \"by\": \"alice\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertThat(form.status()).isEqualTo(415);
    assertThat(api().get("/v1/incidents/" + incident + "/postmortem").body().path("owner").asText())
        .isEqualTo("alice");
    assertThat(handoverEvents(incident)).isEmpty();
  }

  @Test
  void anUnknownIncidentOrOneWithoutAPostmortemIsNotFound() {
    String withoutPostmortem =
        new PastIncidents(STACK, DATABASE).resolvedAnHourAgo("handover-" + UUID.randomUUID());

    ApiClient.Answer unknown =
        api()
            .post(
                "/v1/incidents/INC-987654321987/postmortem/owner",
                "{\"owner\": \"bob\", \"by\": \"alice\"}");
    ApiClient.Answer none =
        api()
            .post(
                "/v1/incidents/" + withoutPostmortem + "/postmortem/owner",
                "{\"owner\": \"bob\", \"by\": \"alice\"}");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.error()).isEqualTo(withoutPostmortem + " has no postmortem");
  }

  /**
   * A SEV1 resolved an hour ago whose postmortem workflow runs, started as the incident workflow
   * starts it, with alice as its commander; returns the incident's id once the postmortem is on
   * record.
   */
  private static String incidentWithPostmortemOwnedByAlice() {
    PastIncidents past = new PastIncidents(STACK, DATABASE);
    // Far past every other test's numbers, whose postmortem workflows may still run.
    past.jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT setval('incident_number_seq', nextval('incident_number_seq') + :skip)")
                    .bind("skip", ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000))
                    .mapTo(Long.class)
                    .one());
    String incident = past.resolvedAnHourAgo("handover-" + UUID.randomUUID());
    long number = Long.parseLong(incident.substring("INC-".length()));
    Instant resolved = Instant.now().minus(Duration.ofHours(1));
    PostmortemInput input =
        new PostmortemInput(
            number,
            "handover-" + UUID.randomUUID(),
            "Checkout errors",
            Severity.SEV1,
            "checkout",
            "alice",
            "incidents",
            null,
            new IncidentTimes(
                resolved.minus(Duration.ofHours(1)), null, null, null, resolved, resolved),
            Duration.ofHours(24),
            Duration.ofHours(4),
            Duration.ofHours(6),
            null,
            null);
    PostmortemWorkflow postmortem =
        STACK
            .temporalClient()
            .newWorkflowStub(
                PostmortemWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(Postmortems.workflowId(number))
                    .setTaskQueue(IncidentWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(postmortem::run, input);
    api()
        .await(
            "/v1/incidents/" + incident + "/postmortem",
            answer ->
                answer.status() == 200 && answer.body().path("owner").asText().equals("alice"),
            Duration.ofSeconds(60));
    return incident;
  }

  private static List<JsonNode> handoverEvents(String incident) {
    return StreamSupport.stream(
            api().get("/v1/incidents/" + incident).body().path("timeline").spliterator(), false)
        .filter(event -> event.path("type").asText().equals("postmortem_handed_over"))
        .toList();
  }

  private static ApiClient api() {
    return new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
  }
}
