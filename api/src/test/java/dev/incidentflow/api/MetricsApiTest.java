package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.activities.store.PostmortemStoreActivitiesImpl;
import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/metrics/incidents} over HTTP: the JSON shape, CSV, and refusals naming the
 * parameter.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MetricsApiTest {
  private static final TestStack STACK = TestStack.get();

  /**
   * Its own database: these incidents are written straight into the store and must not meet other
   * tests' ones.
   */
  private static final String DATABASE = "metrics_api_test";

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", DATABASE);
  private static final String JANUARY_2020 = "/v1/metrics/incidents?from=2020-01-01&to=2020-01-31";

  /**
   * January 2020: checkout SEV1 acknowledged after 60 s and resolved after 600 s, paging alice and
   * then bob and dana; checkout SEV2 acknowledged after 120 s and still open; search SEV3 canceled
   * as a false alarm.
   */
  @BeforeAll
  static void storeJanuary2020() {
    PastIncidents incidents = new PastIncidents(STACK, DATABASE);
    Instant first = Instant.parse("2020-01-10T08:00:00Z");
    String checkoutDown =
        incidents.store(
            "metrics-api-1",
            "Checkout down",
            "",
            Severity.SEV1,
            "checkout",
            null,
            Map.of(
                IncidentStatus.TRIGGERED, first,
                IncidentStatus.ACKNOWLEDGED, first.plusSeconds(60),
                IncidentStatus.RESOLVED, first.plusSeconds(600)),
            List.of(
                new TimelineEvent(
                    1,
                    first,
                    TimelineEventType.PAGED,
                    TimelineEvent.SYSTEM,
                    "Paged alice",
                    Map.of("level", "0", "notified", "alice")),
                new TimelineEvent(
                    2,
                    first.plusSeconds(300),
                    TimelineEventType.ESCALATED,
                    TimelineEvent.SYSTEM,
                    "Escalated to level 1: paged bob, dana",
                    Map.of("level", "1", "notified", "bob,dana"))));
    // Its postmortem was due a day after resolution and published an hour late.
    Instant due = first.plusSeconds(600).plus(Duration.ofDays(1));
    new PostmortemStoreActivitiesImpl(incidents.jdbi())
        .savePostmortem(
            new PostmortemRecord(
                IncidentNumber.parse(checkoutDown).orElseThrow().number(),
                "postmortem-metrics-api-1",
                PostmortemStatus.PUBLISHED,
                due,
                null,
                null,
                "https://wiki.example.com/pm",
                "Summary",
                "alice",
                due.plus(Duration.ofHours(1)),
                "alice"));
    Instant second = Instant.parse("2020-01-20T08:00:00Z");
    incidents.store(
        "metrics-api-2",
        "Checkout slow",
        "",
        Severity.SEV2,
        "checkout",
        null,
        Map.of(
            IncidentStatus.TRIGGERED, second, IncidentStatus.ACKNOWLEDGED, second.plusSeconds(120)),
        List.of());
    Instant third = Instant.parse("2020-01-31T23:00:00Z");
    incidents.store(
        "metrics-api-3",
        "Search flapping",
        "",
        Severity.SEV3,
        "search",
        "search-flap",
        Map.of(IncidentStatus.TRIGGERED, third, IncidentStatus.CANCELED, third.plusSeconds(30)),
        List.of());
  }

  @Test
  void jsonReportGroupsByServiceAndSaysHowManyIncidentsEachFigureRestsOn() {
    ApiClient.Answer answer = api().get(JANUARY_2020 + "&groupBy=service");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = answer.body();
    assertThat(body.path("from").asText()).isEqualTo("2020-01-01T00:00:00Z");
    assertThat(body.path("to").asText())
        .as("a date as to counts its whole day")
        .isEqualTo("2020-02-01T00:00:00Z");
    assertThat(body.path("groupBy").asText()).isEqualTo("service");
    assertThat(body.path("groups"))
        .extracting(group -> group.path("key").asText())
        .containsExactly("checkout", "search");
    JsonNode checkout = body.path("groups").get(0);
    assertThat(checkout.path("count").asLong()).isEqualTo(2);
    assertThat(checkout.path("mtta").toString())
        .isEqualTo("{\"n\":2,\"meanSeconds\":90.0,\"medianSeconds\":90.0,\"p95Seconds\":117.0}");
    assertThat(checkout.path("mttr").toString())
        .isEqualTo("{\"n\":1,\"meanSeconds\":600.0,\"medianSeconds\":600.0,\"p95Seconds\":600.0}");
    assertThat(checkout.path("phases").path("triage").toString())
        .isEqualTo("{\"n\":0,\"meanSeconds\":null,\"medianSeconds\":null,\"p95Seconds\":null}");
    assertThat(checkout.path("phases").path("detection")).isEqualTo(checkout.path("mtta"));
    assertThat(checkout.path("postmortemsOnTime").toString())
        .isEqualTo("{\"n\":1,\"count\":0,\"rate\":0.0}");
    JsonNode search = body.path("groups").get(1);
    assertThat(search.path("falseAlarmRate").toString())
        .isEqualTo("{\"n\":1,\"count\":1,\"rate\":1.0}");
    assertThat(search.path("postmortemsOnTime").toString())
        .isEqualTo("{\"n\":0,\"count\":0,\"rate\":null}");
    assertThat(search.path("actionItemsClosedOnTime").toString())
        .isEqualTo("{\"n\":0,\"count\":0,\"rate\":null}");
    assertThat(body.path("overall").path("key").isNull()).isTrue();
    assertThat(body.path("overall").path("count").asLong()).isEqualTo(3);
    assertThat(body.path("overall").path("falseAlarmRate").path("count").asLong()).isEqualTo(1);
  }

  /**
   * The shipped rotation (Berlin, Monday 09:00 = 08:00 UTC in winter; alice from 2026-01-05, then
   * bob, carol) goes back 313 weeks to carol on 2020-01-06. So January 2020 is bob's shift from
   * 2019-12-30 (128 of its 168 hours in the range), carol, alice and bob whole, and carol's from
   * 01-27 (112 of 168 hours): bob 1 + 16/21 weeks, carol 1 + 2/3, alice 1. dana was paged without
   * being on call.
   */
  @Test
  void pagerLoadSetsPagesAgainstPrimaryWeeksOfTheCatalogsRotations() {
    JsonNode load = api().get(JANUARY_2020).body().path("pagerLoad");

    assertThat(load)
        .extracting(person -> person.path("person").asText() + "=" + person.path("pages").asLong())
        .containsExactly("alice=1", "bob=1", "carol=0", "dana=1");
    assertThat(load.get(0).path("onCallWeeks").asDouble()).isEqualTo(1.0);
    assertThat(load.get(0).path("pagesPerOnCallWeek").asDouble()).isEqualTo(1.0);
    assertThat(load.get(1).path("onCallWeeks").asDouble()).isCloseTo(37.0 / 21, within(1e-12));
    assertThat(load.get(1).path("pagesPerOnCallWeek").asDouble())
        .isCloseTo(21.0 / 37, within(1e-12));
    assertThat(load.get(2).path("onCallWeeks").asDouble()).isCloseTo(5.0 / 3, within(1e-12));
    assertThat(load.get(2).path("pagesPerOnCallWeek").asDouble()).isEqualTo(0.0);
    assertThat(load.get(3).toString())
        .isEqualTo(
            "{\"person\":\"dana\",\"pages\":1,\"onCallWeeks\":0.0,\"pagesPerOnCallWeek\":null}");
  }

  @Test
  void severityIsTheDefaultGroupingAndTeamComesFromTheCatalog() {
    ApiClient api = api();

    JsonNode bySeverity = api.get(JANUARY_2020).body();
    JsonNode byTeam = api.get(JANUARY_2020 + "&groupBy=TEAM").body();

    assertThat(bySeverity.path("groupBy").asText()).isEqualTo("severity");
    assertThat(bySeverity.path("groups"))
        .extracting(group -> group.path("key").asText())
        .containsExactly("SEV1", "SEV2", "SEV3");
    assertThat(byTeam.path("groups"))
        .extracting(group -> group.path("key").asText() + "=" + group.path("count"))
        .containsExactly("payments=2", "search=1");
  }

  @Test
  void csvHasAHeaderOneRowPerGroupAndTheOverallRow() throws Exception {
    HttpResponse<String> response = getText(JANUARY_2020 + "&groupBy=service&format=csv");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    List<String> lines = response.body().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0))
        .startsWith(
            "service,count,mtta_n,mtta_mean_seconds,mtta_median_seconds,mtta_p95_seconds,mttr_n,")
        .endsWith(
            ",action_items_closed_on_time_n,action_items_closed_on_time_count,action_items_closed_on_time_rate");
    assertThat(lines.get(1)).startsWith("checkout,2,2,90,90,117,1,600,600,600,");
    assertThat(lines.get(2)).startsWith("search,1,0,,,,0,,,,").endsWith(",0,0,");
    assertThat(lines.get(3)).startsWith("(all),3,");
    assertThat(lines.get(0).split(",", -1)).hasSameSizeAs(lines.get(1).split(",", -1));
  }

  @Test
  void aClientThatAcceptsCsvFirstGetsCsvWithoutTheFormatParameter() throws Exception {
    HttpResponse<String> csv =
        getText(JANUARY_2020 + "&groupBy=service", "text/csv, application/json;q=0.5");
    HttpResponse<String> anything = getText(JANUARY_2020 + "&groupBy=service", "*/*");
    HttpResponse<String> jsonAsked =
        getText(JANUARY_2020 + "&groupBy=service&format=json", "text/csv");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(csv.body()).startsWith("service,count,");
    assertThat(anything.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(jsonAsked.headers().firstValue("Content-Type")).contains("application/json");
  }

  @Test
  void invalidParametersAreRefusedWith422NamingEachOfThem() {
    ApiClient.Answer answer =
        api().get("/v1/metrics/incidents?from=yesterday&to=2020-13-01&groupBy=region&format=xml");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.error()).isEqualTo("invalid metrics query");
    assertThat(answer.body().path("details"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "from 'yesterday' is not an ISO date (2025-05-01) or instant (2025-05-01T10:00:00Z)",
            "to '2020-13-01' is not an ISO date (2025-05-01) or instant (2025-05-01T10:00:00Z)",
            "groupBy 'region' is not one of severity, service, team, source, commander, hour",
            "format 'xml' is not json or csv");
  }

  @Test
  void aRepeatedParameterIsRefusedRatherThanAnsweredForItsFirstValue() {
    ApiClient.Answer answer =
        api()
            .get(
                "/v1/metrics/incidents?from=2020-01-15&from=2020-01-01&to=2020-01-31"
                    + "&groupBy=service&groupBy=team&format=csv&format=json");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "from can be given once, not 2 times",
            "groupBy can be given once, not 2 times",
            "format can be given once, not 2 times");
  }

  @Test
  void anOffsetWhosePlusWasNotEncodedIsRefusedSayingHowToSendIt() {
    ApiClient.Answer answer =
        api().get("/v1/metrics/incidents?from=2020-01-01T00:00:00+01:00&to=2020-01-31");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "from '2020-01-01T00:00:00 01:00' is not an ISO date (2025-05-01) or instant"
                + " (2025-05-01T10:00:00Z); a + in a query string reads as a space: send the"
                + " offset's + as %2B");
  }

  @Test
  void instantsBeyondTheYear9999AreRefused() {
    ApiClient.Answer answer =
        api().get("/v1/metrics/incidents?from=2020-01-01&to=%2B20000-01-01T00:00:00Z");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details"))
        .extracting(JsonNode::asText)
        .containsExactly("to '+20000-01-01T00:00:00Z' is outside the years 0001 to 9999");
  }

  @Test
  void theWidestRangeAnswersWithTheRotationsCountedOverEightThousandYears() {
    JsonNode body = api().get("/v1/metrics/incidents?from=0001-01-01&to=9999-12-31").body();

    assertThat(body.path("overall").path("count").asLong()).isEqualTo(3);
    // 3,652,059 days, 521,722.7 weeks, primary turns shared by three: a third each, give or take a
    // week.
    assertThat(body.path("pagerLoad"))
        .filteredOn(person -> !person.path("person").asText().equals("dana"))
        .extracting(person -> person.path("person").asText())
        .containsExactly("alice", "bob", "carol");
    assertThat(body.path("pagerLoad"))
        .filteredOn(person -> !person.path("person").asText().equals("dana"))
        .extracting(person -> person.path("onCallWeeks").asDouble())
        .allSatisfy(weeks -> assertThat(weeks).isBetween(173_906.0, 173_909.0));
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefused() {
    ApiClient.Answer answer =
        api().get("/v1/metrics/incidents?from=2020-02-01T00:00:00Z&to=2020-01-01T00:00:00%2B01:00");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details").get(0).asText())
        .isEqualTo(
            "from '2020-02-01T00:00:00Z' must be before to '2020-01-01T00:00:00+01:00'"
                + " (2019-12-31T23:00:00Z)");
  }

  @Test
  void aRangeOfDatesQuotesTheDatesAndTheInstantsTheyStandFor() {
    ApiClient.Answer answer = api().get("/v1/metrics/incidents?from=2020-02-01&to=2020-01-31");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details").get(0).asText())
        .isEqualTo(
            "from '2020-02-01' (2020-02-01T00:00:00Z) must be before to '2020-01-31'"
                + " (2020-02-01T00:00:00Z)");
  }

  @Test
  void withoutParametersTheRangeIsTheLastThirtyDays() {
    Instant before = Instant.now();

    JsonNode body = api().get("/v1/metrics/incidents").body();

    Instant to = Instant.parse(body.path("to").asText());
    assertThat(to).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    assertThat(Instant.parse(body.path("from").asText())).isEqualTo(to.minus(Duration.ofDays(30)));
  }

  private static ApiClient api() {
    return new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
  }

  private static HttpResponse<String> getText(String path)
      throws IOException, InterruptedException {
    return getText(path, "*/*");
  }

  private static HttpResponse<String> getText(String path, String accept)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
            .header("Authorization", "Bearer " + TestStack.TOKEN)
            .header("Accept", accept)
            .GET()
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
