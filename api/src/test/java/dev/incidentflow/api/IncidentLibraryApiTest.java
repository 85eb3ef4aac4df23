package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The incident library over HTTP: search reaches status updates; an incident shows its likes and
 * what it repeats.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IncidentLibraryApiTest {
  private static final TestStack STACK = TestStack.get();

  /**
   * Its own database: these incidents are written straight into the store and must not meet other
   * tests' ones.
   */
  private static final String DATABASE = "incident_library_api_test";

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", DATABASE);

  @Test
  void searchFindsAnIncidentByWordsOnlyItsStatusUpdateUses() {
    Instant at = Instant.parse("2019-03-01T10:00:00Z");
    String id =
        new PastIncidents(STACK, DATABASE)
            .store(
                "library-api-search",
                "Storefront errors",
                "",
                Severity.SEV2,
                "storefront",
                null,
                Map.of(IncidentStatus.TRIGGERED, at),
                List.of(
                    new TimelineEvent(
                        1,
                        at.plusSeconds(600),
                        TimelineEventType.STATUS_UPDATE,
                        "alice",
                        "Rolling back the zanzibar firmware",
                        Map.of())));

    JsonNode found = api().get("/v1/incidents?q=zanzibar").body();

    assertThat(found).extracting(incident -> incident.path("id").asText()).containsExactly(id);
  }

  @Test
  void anIncidentListsSimilarPastIncidentsAndTheClosedOneItRepeats() {
    PastIncidents incidents = new PastIncidents(STACK, DATABASE);
    Instant earlierStart = Instant.parse("2019-06-01T10:00:00Z");
    String earlier =
        incidents.store(
            "library-api-earlier",
            "Quasar queue stuck",
            "",
            Severity.SEV2,
            "quasar-queue",
            null,
            Map.of(
                IncidentStatus.TRIGGERED,
                earlierStart,
                IncidentStatus.RESOLVED,
                earlierStart.plusSeconds(1800),
                IncidentStatus.CLOSED,
                earlierStart.plusSeconds(3600)),
            List.of());
    String current =
        incidents.store(
            "library-api-current",
            "Quasar queue stuck",
            "",
            Severity.SEV2,
            "quasar-queue",
            null,
            Map.of(IncidentStatus.TRIGGERED, Instant.parse("2019-06-10T10:00:00Z")),
            List.of());

    JsonNode incident = api().get("/v1/incidents/" + current).body();

    assertThat(incident.path("repeatOf").asText()).isEqualTo(earlier);
    assertThat(incident.path("similar").toString())
        .isEqualTo(
            "[{\"id\":\""
                + earlier
                + "\",\"title\":\"Quasar queue stuck\",\"status\":\"closed\",\"resolvedAt\":\"2019-06-01T10:30:00Z\"}]");
    JsonNode first = api().get("/v1/incidents/" + earlier).body();
    assertThat(first.path("repeatOf").isNull()).as("the first occurrence repeats nothing").isTrue();
    assertThat(first.path("similar")).as("later incidents are not past ones").isEmpty();
    assertThat(first.path("deploys")).isEmpty();
  }

  private static ApiClient api() {
    return new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
  }
}
