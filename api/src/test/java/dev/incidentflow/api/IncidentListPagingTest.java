package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/incidents} page by page ({@code before} and the {@code Link} header), repeated
 * filters, and the parameters it refuses. Each test lists incidents of services of its own.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IncidentListPagingTest {
  private static final TestStack STACK = TestStack.get();
  private static final String DATABASE = "incident_list_paging_test";
  private static final Instant START = Instant.parse("2021-05-01T10:00:00Z");

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", DATABASE);

  @Test
  void followingNextLinksListsEveryIncidentOnceWhileNewOnesArrive() {
    PastIncidents incidents = new PastIncidents(STACK, DATABASE);
    String oldest = store(incidents, "paging-1", "paging-walk", START);
    // Numbered after the next two but triggered before them: the list is by trigger time.
    String third = store(incidents, "paging-2", "paging-walk", START.plusSeconds(300));
    String sameTimeLower = store(incidents, "paging-3", "paging-walk", START.plusSeconds(200));
    String sameTimeHigher = store(incidents, "paging-4", "paging-walk", START.plusSeconds(200));
    String lateTriggeredEarly = store(incidents, "paging-5", "paging-walk", START.plusSeconds(100));
    String newest = store(incidents, "paging-6", "paging-walk", START.plusSeconds(400));

    ApiClient.Answer first = api().get("/v1/incidents?service=paging-walk&limit=2");
    assertThat(ids(first)).containsExactly(newest, third);
    // A new incident (and one from long ago, delivered late) arrive while the engineer reads.
    store(incidents, "paging-7", "paging-walk", START.plusSeconds(500));
    store(incidents, "paging-8", "paging-walk", START.plusSeconds(50));
    String link = first.nextPage().orElseThrow();
    assertThat(link).isEqualTo("/v1/incidents?service=paging-walk&limit=2&before=" + third);
    ApiClient.Answer second = api().get(link);
    ApiClient.Answer thirdPage = api().get(second.nextPage().orElseThrow());
    ApiClient.Answer last = api().get(thirdPage.nextPage().orElseThrow());

    assertThat(ids(second)).containsExactly(sameTimeHigher, sameTimeLower);
    assertThat(ids(thirdPage)).hasSize(2).startsWith(lateTriggeredEarly);
    assertThat(ids(last)).containsExactly(oldest);
    assertThat(last.nextPage()).as("a page that is not full is the last").isEmpty();
  }

  @Test
  void incidentsTriggeredAtOneMomentPageOneByOneByNumber() {
    PastIncidents incidents = new PastIncidents(STACK, DATABASE);
    String lowest = store(incidents, "tie-1", "paging-tie", START);
    String middle = store(incidents, "tie-2", "paging-tie", START);
    String highest = store(incidents, "tie-3", "paging-tie", START);

    // Each page boundary falls between two incidents of the same time: the number decides.
    assertThat(everyPage("/v1/incidents?service=paging-tie&limit=1"))
        .containsExactly(highest, middle, lowest);
  }

  @Test
  void aHandWrittenBeforeListsTheIncidentsAfterThatOne() {
    PastIncidents incidents = new PastIncidents(STACK, DATABASE);
    String first = store(incidents, "handwritten-1", "paging-handwritten", START);
    String second = store(incidents, "handwritten-2", "paging-handwritten", START.plusSeconds(60));
    String third = store(incidents, "handwritten-3", "paging-handwritten", START.plusSeconds(120));

    ApiClient.Answer answer =
        api().get("/v1/incidents?service=paging-handwritten&before=" + third.toLowerCase());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(ids(answer)).containsExactly(second, first);
    assertThat(answer.nextPage()).isEmpty();

    // Percent-encoded, the parameter is still before, and the next link replaces it.
    ApiClient.Answer encoded =
        api().get("/v1/incidents?service=paging-handwritten&limit=1&befor%65=" + third);
    assertThat(ids(encoded)).containsExactly(second);
    assertThat(ids(api().get(encoded.nextPage().orElseThrow()))).containsExactly(first);
  }

  @Test
  void searchResultsPageInRankOrder() {
    PastIncidents incidents = new PastIncidents(STACK, DATABASE);
    String descriptionMatch =
        incidents.store(
            "search-paging-1",
            "Checkout errors",
            "Caused by a marmoset timeout",
            Severity.SEV2,
            "paging-search",
            null,
            Map.of(IncidentStatus.TRIGGERED, START.plusSeconds(600)),
            List.of());
    String titleMatch =
        incidents.store(
            "search-paging-2",
            "Marmoset failover",
            "",
            Severity.SEV2,
            "paging-search",
            null,
            Map.of(IncidentStatus.TRIGGERED, START),
            List.of());
    String olderDescriptionMatch =
        incidents.store(
            "search-paging-3",
            "Checkout errors",
            "Caused by a marmoset timeout",
            Severity.SEV2,
            "paging-search",
            null,
            Map.of(IncidentStatus.TRIGGERED, START.plusSeconds(300)),
            List.of());

    assertThat(everyPage("/v1/incidents?q=marmoset&limit=1"))
        .containsExactly(titleMatch, descriptionMatch, olderDescriptionMatch);
  }

  @Test
  void repeatedStatusSeverityAndServiceMatchAnyOfTheirValues() {
    PastIncidents incidents = new PastIncidents(STACK, DATABASE);
    String triggered =
        incidents.store(
            "any-1",
            "Red",
            "",
            Severity.SEV1,
            "paging-red",
            null,
            Map.of(IncidentStatus.TRIGGERED, START.plusSeconds(10)),
            List.of());
    String acknowledged =
        incidents.store(
            "any-2",
            "Blue",
            "",
            Severity.SEV2,
            "paging-blue",
            null,
            Map.of(
                IncidentStatus.TRIGGERED,
                START.plusSeconds(20),
                IncidentStatus.ACKNOWLEDGED,
                START.plusSeconds(25)),
            List.of());
    String resolved =
        incidents.store(
            "any-3",
            "Green",
            "",
            Severity.SEV3,
            "paging-green",
            null,
            Map.of(
                IncidentStatus.TRIGGERED,
                START.plusSeconds(30),
                IncidentStatus.RESOLVED,
                START.plusSeconds(35)),
            List.of());
    String services = "service=paging-red&service=paging-blue&service=paging-green";

    assertThat(ids(api().get("/v1/incidents?" + services)))
        .containsExactly(resolved, acknowledged, triggered);
    assertThat(
            ids(api().get("/v1/incidents?" + services + "&status=triggered&status=acknowledged")))
        .containsExactly(acknowledged, triggered);
    assertThat(ids(api().get("/v1/incidents?" + services + "&severity=SEV1&severity=SEV3")))
        .containsExactly(resolved, triggered);
    assertThat(ids(api().get("/v1/incidents?service=paging-red&service=paging-blue")))
        .containsExactly(acknowledged, triggered);
  }

  @Test
  void badPagingParametersAreNamed() {
    String stored = store(new PastIncidents(STACK, DATABASE), "refused-1", "paging-refused", START);

    assertRefused(
        "/v1/incidents?before=INC-x1",
        "before must be an incident id (INC-<number>), not 'INC-x1'");
    assertRefused(
        "/v1/incidents?before=INC-0", "before must be an incident id (INC-<number>), not 'INC-0'");
    assertRefused(
        "/v1/incidents?before=INC-987654", "before names INC-987654, which does not exist");
    assertRefused(
        "/v1/incidents?before=" + stored + "&before=" + stored,
        "before can be given once, not 2 times");
    assertRefused("/v1/incidents?q=disk&q=timeout", "q can be given once, not 2 times");
    assertRefused("/v1/incidents?limit=5&limit=10", "limit can be given once, not 2 times");
    assertRefused(
        "/v1/incidents?offset=100",
        "offset is not supported: follow the Link header's rel=\"next\", or give before=INC-<n>"
            + " with the last incident of the page before");
    assertRefused(
        "/v1/incidents?page=2",
        "page is not supported: follow the Link header's rel=\"next\", or give before=INC-<n>"
            + " with the last incident of the page before");
    ApiClient.Answer several =
        api().get("/v1/incidents?status=triggered&status=bogus&severity=SEV7");
    assertThat(several.status()).isEqualTo(422);
    assertThat(several.body().path("details").toString())
        .contains("status 'bogus'")
        .contains("severity 'SEV7'")
        .doesNotContain("triggered'");
  }

  private static void assertRefused(String path, String detail) {
    ApiClient.Answer answer = api().get(path);
    assertThat(answer.status()).as(path).isEqualTo(422);
    assertThat(answer.error()).isEqualTo("invalid filter");
    assertThat(answer.body().path("details"))
        .extracting(JsonNode::asText)
        .as(path)
        .containsExactly(detail);
  }

  private static String store(
      PastIncidents incidents, String workflowId, String service, Instant triggeredAt) {
    return incidents.store(
        workflowId,
        "Incident " + workflowId,
        "",
        Severity.SEV3,
        service,
        null,
        Map.of(IncidentStatus.TRIGGERED, triggeredAt),
        List.of());
  }

  private static List<String> ids(ApiClient.Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return StreamSupport.stream(answer.body().spliterator(), false)
        .map(incident -> incident.path("id").asText())
        .toList();
  }

  /**
   * The ids of every page from {@code firstPage} on, following the next links; at most 20 pages, so
   * a link that leads back cannot loop.
   */
  private static List<String> everyPage(String firstPage) {
    List<String> seen = new ArrayList<>();
    Optional<String> page = Optional.of(firstPage);
    for (int pages = 0; page.isPresent() && pages < 20; pages++) {
      ApiClient.Answer answer = api().get(page.get());
      seen.addAll(ids(answer));
      page = answer.nextPage();
    }
    return seen;
  }

  private static ApiClient api() {
    return new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
  }
}
