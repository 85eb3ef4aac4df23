package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An alert group's incidents share one workflow id: once one has ended, the group's next alert
 * opens the next incident under that id, and changes sent to the ended one must not reach it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AlertGroupNextIncidentTest {
  private static final TestStack STACK = TestStack.get();

  /** Its own database, so that the incident numbers other tests expect stay theirs. */
  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", "alert_group_next_incident_test");

  @Test
  void aChangeToAnEndedIncidentIsRefusedAndNeverReachesTheNextIncidentOfItsAlertGroup() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    String alert = alert("queue-backlog", "Order queue backlog");
    String workflowId = api.post("/v1/alerts", alert).body().path("workflowId").asText();
    String first = incidentsOf(api, workflowId, 1).get(0);
    ApiClient.Answer canceled =
        api.post("/v1/incidents/" + first + "/cancel", "{\"by\":\"alice\",\"note\":\"noise\"}");
    assertThat(canceled.status()).isEqualTo(200);

    // The group fires again: a new incident under the same workflow id, opened by the canceled
    // run's last act when a delivery came while it wound down (next-incident-after-cancel), else
    // by a new run once it ended.
    String second = nextIncident(api, alert, workflowId, first);

    ApiClient.Answer acknowledged =
        api.post("/v1/incidents/" + first + "/acknowledge", "{\"by\":\"bob\"}");
    ApiClient.Answer canceledAgain =
        api.post("/v1/incidents/" + first + "/cancel", "{\"by\":\"bob\"}");

    assertThat(acknowledged.status()).isEqualTo(409);
    assertThat(acknowledged.error()).isEqualTo(first + " is canceled as a false alarm");
    assertThat(canceledAgain.status()).isEqualTo(409);
    assertThat(canceledAgain.error()).isEqualTo(first + " is canceled as a false alarm");
    JsonNode next = api.get("/v1/incidents/" + second).body();
    assertThat(next.path("status").asText()).isEqualTo("triggered");
    assertThat(types(next)).doesNotContain("acknowledged", "canceled");
    assertThat(lastEventType(api, first))
        .isIn(
            "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED",
            "EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW");
    assertThat(lastEventType(api, second)).isNotEqualTo("EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED");
  }

  /**
   * A run terminated from Temporal UI never saves its end: the store still says the incident is
   * open, so only the workflow can tell that a change is meant for an incident it no longer runs.
   */
  @Test
  void aChangeToAnIncidentWhoseRunWasTerminatedIsRefusedByTheNextIncidentOfItsAlertGroup() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    String alert = alert("disk-full", "Disk full on db-2");
    String workflowId = api.post("/v1/alerts", alert).body().path("workflowId").asText();
    String first = incidentsOf(api, workflowId, 1).get(0);
    STACK
        .temporalClient()
        .newUntypedWorkflowStub(workflowId)
        .terminate("stuck, terminated from Temporal UI");

    String second = nextIncident(api, alert, workflowId, first);
    ApiClient.Answer acknowledged =
        api.post("/v1/incidents/" + first + "/acknowledge", "{\"by\":\"bob\"}");

    assertThat(api.get("/v1/incidents/" + first).body().path("status").asText())
        .isEqualTo("triggered");
    assertThat(acknowledged.status()).isEqualTo(409);
    assertThat(acknowledged.error())
        .isEqualTo(
            first + " is no longer running; its alert group's workflow runs " + second + " now");
    JsonNode next = api.get("/v1/incidents/" + second).body();
    assertThat(next.path("status").asText()).isEqualTo("triggered");
    assertThat(types(next)).doesNotContain("acknowledged");
    ApiClient.Answer acknowledgedNext =
        api.post("/v1/incidents/" + second + "/acknowledge", "{\"by\":\"bob\"}");
    assertThat(acknowledgedNext.status()).isEqualTo(200);
  }

  /**
   * A firing SEV2 alert of group {@code dedupKey} for checkout, as the generic webhook takes it.
   */
  private static String alert(String dedupKey, String title) {
    return "{\"dedupKey\":\""
        + dedupKey
        + "\",\"status\":\"firing\",\"service\":\"checkout\",\"severity\":\"error\","
        + "\"title\":\""
        + title
        + "\"}";
  }

  /**
   * Sends {@code alert} until its group, whose incident {@code first} has ended, opens the next
   * incident under the same workflow id, and returns that incident's id.
   */
  private static String nextIncident(ApiClient api, String alert, String workflowId, String first) {
    api.await(
        "/v1/incidents",
        answer -> {
          api.post("/v1/alerts", alert);
          return incidentsOf(answer.body(), workflowId).size() == 2;
        });
    return incidentsOf(api, workflowId, 2).stream()
        .filter(id -> !id.equals(first))
        .findFirst()
        .orElseThrow();
  }

  /** The type of the last event of the history {@code GET /v1/incidents/{id}/history} returns. */
  private static String lastEventType(ApiClient api, String incidentId) {
    JsonNode events = api.get("/v1/incidents/" + incidentId + "/history").body().path("events");
    return events.get(events.size() - 1).path("eventType").asText();
  }

  private static List<String> incidentsOf(ApiClient api, String workflowId, int count) {
    return incidentsOf(
        api.await("/v1/incidents", answer -> incidentsOf(answer.body(), workflowId).size() == count)
            .body(),
        workflowId);
  }

  private static List<String> incidentsOf(JsonNode incidents, String workflowId) {
    return StreamSupport.stream(incidents.spliterator(), false)
        .filter(incident -> workflowId.equals(incident.path("workflowId").asText()))
        .map(incident -> incident.path("id").asText())
        .toList();
  }

  private static List<String> types(JsonNode incident) {
    return StreamSupport.stream(incident.path("timeline").spliterator(), false)
        .map(event -> event.path("type").asText())
        .toList();
  }
}
