package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.activities.store.PostmortemStoreActivitiesImpl;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.Severity;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/postmortems}: statuses judged as of the request, filters, the order, paging by
 * {@code after} and the {@code Link} header, and what it refuses. Postmortems are written into a
 * database of this test's own, as their workflows would have written them; each test lists its own
 * service only, so the tests do not see each other's postmortems.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PostmortemLibraryApiTest {
  private static final TestStack STACK = TestStack.get();
  private static final String DATABASE = "postmortem_library_api_test";
  private static final Instant START = Instant.parse("2021-05-01T10:00:00Z");

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", DATABASE);

  @Test
  void aPostmortemPastItsDueTimeIsListedOverdueAsOfNowWhileItsWorkflowStoredItScheduled() {
    Library library = new Library();
    Instant now = Instant.now();
    String published = library.add("Checkout down", Severity.SEV1, now.minus(Duration.ofDays(2)));
    library.publish(published);
    String overdue = library.add("Checkout slow", Severity.SEV2, now.minus(Duration.ofHours(1)));
    String scheduled = library.add("Checkout flaky", Severity.SEV2, now.plus(Duration.ofDays(1)));

    JsonNode listed = ok(api().get("/v1/postmortems?service=" + library.service));

    assertThat(field(listed, "incident")).containsExactly(published, overdue, scheduled);
    assertThat(field(listed, "status")).containsExactly("published", "overdue", "scheduled");
    assertThat(incidents("/v1/postmortems?service=" + library.service + "&status=overdue"))
        .containsExactly(overdue);
    assertThat(
            incidents(
                "/v1/postmortems?status=scheduled&service=" + library.service + "&status=OVERDUE"))
        .containsExactly(overdue, scheduled);
  }

  @Test
  void anItemShowsItsIncidentPublicationJiraIssueAndActionItemCounts() {
    Library library = new Library();
    Instant due = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
    String incident = library.add("Payments timeouts", Severity.SEV1, due);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    library.actionItem(incident, today.plusDays(7), ActionItemStatus.OPEN);
    // Stored open, but its due day ended: overdue as of the request, as the metrics judge it.
    library.actionItem(incident, today.minusDays(2), ActionItemStatus.OPEN);
    library.actionItem(incident, today.minusDays(2), ActionItemStatus.DONE);
    library.actionItem(incident, today.minusDays(3), ActionItemStatus.DONE);
    library.publish(incident);

    JsonNode item = ok(api().get("/v1/postmortems?service=" + library.service)).get(0);

    assertThat(item.path("incident").asText()).isEqualTo(incident);
    assertThat(item.path("title").asText()).isEqualTo("Payments timeouts");
    assertThat(item.path("severity").asText()).isEqualTo("SEV1");
    assertThat(item.path("service").asText()).isEqualTo(library.service);
    assertThat(item.path("status").asText()).isEqualTo("published");
    assertThat(Instant.parse(item.path("dueAt").asText())).isEqualTo(due);
    assertThat(item.path("publishedAt").isNull()).isFalse();
    assertThat(item.path("publishedBy").asText()).isEqualTo("dana");
    assertThat(item.path("owner").asText()).isEqualTo("carol");
    assertThat(item.path("url").asText()).isEqualTo("https://wiki.example.com/" + incident);
    assertThat(item.path("summary").asText()).isEqualTo("Retries amplified a slow database");
    assertThat(item.path("jiraKey").asText()).isEqualTo("OPS-" + incident);
    assertThat(item.path("jiraUrl").asText())
        .isEqualTo("https://jira.example.com/browse/OPS-" + incident);
    assertThat(item.path("actionItems").toString())
        .isEqualTo("{\"open\":1,\"overdue\":1,\"done\":2}");
  }

  @Test
  void severityAndTextFilterTheListAndARepeatedSeverityMatchesAny() {
    Library library = new Library();
    Instant due = Instant.now().plus(Duration.ofDays(1));
    String sev1 = library.add("Primary database failover", Severity.SEV1, due);
    String sev2 = library.add("Cache eviction storm", Severity.SEV2, due.plusSeconds(1));
    String sev3 = library.add("Replica database lag", Severity.SEV3, due.plusSeconds(2));
    String list = "/v1/postmortems?service=" + library.service;

    assertThat(incidents(list + "&severity=SEV2")).containsExactly(sev2);
    assertThat(incidents(list + "&severity=SEV3&severity=sev1")).containsExactly(sev1, sev3);
    assertThat(incidents(list + "&q=database")).containsExactly(sev1, sev3);
    assertThat(incidents(list + "&q=database%20-replica&severity=SEV1")).containsExactly(sev1);
    assertThat(incidents(list + "&q=database&severity=SEV2")).isEmpty();
  }

  @Test
  void anOwnerFilterTakesOwnersAsTheCatalogSpellsThemAndARepeatedOneMatchesAny() {
    Library library = new Library();
    Instant due = Instant.now().plus(Duration.ofDays(1));
    String carols = library.add("Checkout outage", Severity.SEV1, due);
    String bobs = library.add("Search outage", Severity.SEV2, due.plusSeconds(1), "bob");
    String list = "/v1/postmortems?service=" + library.service;

    assertThat(incidents(list + "&owner=Carol")).containsExactly(carols);
    assertThat(incidents(list + "&owner=bob&owner=carol")).containsExactly(carols, bobs);
    // In the catalog, owning none of these: an empty list, not a problem.
    assertThat(incidents(list + "&owner=frank")).isEmpty();
    assertThat(problems(list + "&owner=crol"))
        .containsExactly("owner 'crol' is not a person in the catalog and owns no postmortem");
  }

  @Test
  void followingNextLinksListsEveryPostmortemOnceSoonestDueFirstThenByIncident() {
    Library library = new Library();
    Instant due = Instant.now().plus(Duration.ofDays(1));
    List<String> expected = new ArrayList<>();
    // Recorded latest due first, two due at each time: the incident number orders those.
    for (int hour = 2; hour >= 0; hour--) {
      String first = library.add("Outage " + hour, Severity.SEV2, due.plusSeconds(hour * 3600L));
      String second = library.add("Outage " + hour, Severity.SEV2, due.plusSeconds(hour * 3600L));
      expected.addAll(0, List.of(first, second));
    }

    ApiClient.Answer first = api().get("/v1/postmortems?service=" + library.service + "&limit=4");
    assertThat(field(ok(first), "incident")).containsExactlyElementsOf(expected.subList(0, 4));
    String link = first.nextPage().orElseThrow();
    assertThat(link)
        .isEqualTo(
            "/v1/postmortems?service=" + library.service + "&limit=4&after=" + expected.get(3));

    List<String> listed = new ArrayList<>();
    Optional<String> next = Optional.of("/v1/postmortems?service=" + library.service + "&limit=2");
    while (next.isPresent()) {
      ApiClient.Answer page = api().get(next.get());
      listed.addAll(field(ok(page), "incident"));
      next = page.nextPage();
    }
    assertThat(listed).containsExactlyElementsOf(expected);
    ApiClient.Answer last = api().get("/v1/postmortems?service=" + library.service + "&limit=7");
    assertThat(last.nextPage()).isEmpty();
  }

  @Test
  void withoutTheBearerTokenTheListIsRefused() {
    ApiClient.Answer missing = api().getWithoutToken("/v1/postmortems");
    ApiClient.Answer wrong =
        new ApiClient(APP.getLocalPort(), "not-the-token").get("/v1/postmortems");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.error()).isEqualTo("missing bearer token");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.error()).isEqualTo("invalid bearer token");
  }

  @Test
  void badFiltersAreRefusedWith422NamingEachProblem() {
    String incidentWithoutPostmortem = new Library().incident("No postmortem", Severity.SEV3);

    assertThat(problems("/v1/postmortems?status=late&status=published"))
        .containsExactly("status 'late' must be scheduled, overdue or published");
    assertThat(problems("/v1/postmortems?sevrity=SEV1"))
        .containsExactly(
            "unknown query parameter 'sevrity': this takes status, severity, service, owner, q,"
                + " after, limit");
    assertThat(problems("/v1/postmortems?q=a&q=b&limit=5&limit=6"))
        .containsExactly(
            "q can be given once, not 2 times", "limit can be given once, not 2 times");
    assertThat(problems("/v1/postmortems?limit=0"))
        .containsExactly("limit must be a whole number from 1 to 1000, not '0'");
    assertThat(problems("/v1/postmortems?limit=1001"))
        .containsExactly("limit must be a whole number from 1 to 1000, not '1001'");
    assertThat(problems("/v1/postmortems?after=AI-3"))
        .containsExactly("after must be an incident id (INC-<number>), not 'AI-3'");
    assertThat(problems("/v1/postmortems?after=" + incidentWithoutPostmortem))
        .containsExactly("after names " + incidentWithoutPostmortem + ", which has no postmortem");
    assertThat(problems("/v1/postmortems?after=INC-1&after=INC-2"))
        .contains("after can be given once, not 2 times");
    assertThat(problems("/v1/postmortems?severity=SEV9"))
        .hasSize(1)
        .allMatch(problem -> problem.startsWith("severity 'SEV9'"));
  }

  /** Incidents of one service of their own, with their postmortems and action items. */
  private static final class Library {
    private final PastIncidents incidents = new PastIncidents(STACK, DATABASE);
    private final PostmortemStoreActivitiesImpl store =
        new PostmortemStoreActivitiesImpl(incidents.jdbi());
    private final String service = "library-" + UUID.randomUUID();

    /** A resolved incident without a postmortem. */
    String incident(String title, Severity severity) {
      return incidents.store(
          "postmortem-library-" + UUID.randomUUID(),
          title,
          "",
          severity,
          service,
          null,
          Map.of(IncidentStatus.TRIGGERED, START, IncidentStatus.RESOLVED, START.plusSeconds(60)),
          List.of());
    }

    /** An incident whose postmortem is due at {@code due}, stored scheduled, owned by carol. */
    String add(String title, Severity severity, Instant due) {
      return add(title, severity, due, "carol");
    }

    String add(String title, Severity severity, Instant due, String owner) {
      String id = incident(title, severity);
      store.savePostmortem(
          new PostmortemRecord(
              number(id),
              "postmortem-" + id,
              PostmortemStatus.SCHEDULED,
              due,
              "OPS-" + id,
              "https://jira.example.com/browse/OPS-" + id,
              null,
              null,
              null,
              null,
              owner));
      return id;
    }

    void publish(String id) {
      PostmortemRecord scheduled =
          new FollowUpRepository(incidents.jdbi()).postmortem(number(id)).orElseThrow();
      store.savePostmortem(
          new PostmortemRecord(
              scheduled.incidentNumber(),
              scheduled.workflowId(),
              PostmortemStatus.PUBLISHED,
              scheduled.dueAt(),
              null,
              null,
              "https://wiki.example.com/" + id,
              "Retries amplified a slow database",
              "dana",
              Instant.now(),
              scheduled.owner()));
    }

    void actionItem(String incident, LocalDate due, ActionItemStatus status) {
      incidents.storedActionItem(number(incident), "bob", due, status, Instant.now());
    }

    private static long number(String id) {
      return Long.parseLong(id.substring("INC-".length()));
    }
  }

  private static List<String> incidents(String path) {
    return field(ok(api().get(path)), "incident");
  }

  private static List<String> problems(String path) {
    ApiClient.Answer answer = api().get(path);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(422);
    assertThat(answer.error()).isEqualTo("invalid filter");
    return StreamSupport.stream(answer.body().path("details").spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  private static JsonNode ok(ApiClient.Answer answer) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body();
  }

  private static List<String> field(JsonNode items, String name) {
    return StreamSupport.stream(items.spliterator(), false)
        .map(item -> item.path(name).asText())
        .toList();
  }

  private static ApiClient api() {
    return new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
  }
}
