package dev.incidentflow.activities.store;

import static dev.incidentflow.activities.store.StoredIncident.triggered;
import static dev.incidentflow.workflows.model.Severity.SEV1;
import static dev.incidentflow.workflows.model.Severity.SEV2;
import static dev.incidentflow.workflows.model.Severity.SEV3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.activities.ActionItemRecord;
import dev.incidentflow.workflows.activities.NewActionItem;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every figure of the metrics over a fixed set of incidents, worked out by hand in the comments.
 * Medians and p95s follow {@code percentile_cont}: over the n sorted values v[0..n-1], percentile p
 * lies at position p * (n - 1), interpolated linearly between its neighbours. Figures come rounded
 * to the millisecond, so they are compared exactly: the interpolation weight 0.95 * (n - 1) - floor
 * is not exact in binary, and without the rounding a reader saw that noise.
 *
 * <p>Incidents in March 2025 (seconds after the trigger; "-" never reached):
 *
 * <pre>
 *     sev  service       source        commander at (UTC)     ack  ident  mitig  resolved  other
 *  A  SEV1 checkout      alertmanager  alice     03-03 02:00   60   360    960   1560     closed, escalated to 1
 *  B  SEV1 payments-api  declared      bob       03-05 02:30  120   720   2520   2820     reopened once, escalated to 2
 *  C  SEV1 checkout      grafana       alice     03-07 14:00  300     -      -      -     still open
 *  D  SEV2 search        alertmanager  carol     03-10 14:15   30   630   1830   2730     repeat of E0 (same alert group)
 *  E  SEV2 checkout      declared      -         03-12 09:00  240     -      -      -     canceled after 600 (false alarm)
 *  F  SEV2 legacy-batch  alertmanager  bob       03-15 09:45   90   390    990   1290     escalated to 1; F0 closed too long ago
 *  G  SEV3 search        declared      carol     03-20 14:50  600  1200   1500   2100     repeat of G0 (same service and title)
 *  H  SEV3 payments-api  alertmanager  -         03-25 02:05    -     -      -    1800     resolved by itself
 * </pre>
 *
 * Phases: MTTA = ack; MTTR = resolved; triage = ident - ack; remediation = mitig - ident;
 * verification = resolved - mitig. Outside the range: X1 one second before it, X2 at its end, and
 * the earlier incidents E0, F0, G0.
 *
 * <p>Postmortems and action items, judged as of {@link #AS_OF} (2025-03-28T00:00Z):
 *
 * <pre>
 *     postmortem due       published            verdict            action items (due, done)
 *  A  03-04 02:26          03-04 01:00          on time            03-10 done 03-10 23:59:59 on time;
 *                                                                  03-10 done 03-11 00:00 late
 *  B  03-06 03:17          03-07 10:00          late               03-20 open: late; 03-28 open: not
 *                                                                  due yet; 04-30 done 03-25 on time
 *  D  03-12 15:00          -                    late (overdue)     03-15 done 03-14 on time
 *  F  03-29 00:00          -                    not due yet        -
 *  G  03-22 15:00          03-22 15:00          on time (at due)   03-27 reopened, open: late
 *  E0 02-22 00:00          02-25 00:00          outside the range
 * </pre>
 *
 * <p>Pages ({@code paged} / {@code escalated} events): A alice, then bob and dana; B alice, then
 * bob and dana, then erin; C bob; F carol, then alice and dana; G a step that resolved to nobody;
 * X1 alice one second before the range and alice again one second into it.
 */
class IncidentMetricsRepositoryTest {

  @RegisterExtension
  static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

  private static final Instant FROM = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-04-01T00:00:00Z");
  private static final Instant AS_OF = Instant.parse("2025-03-28T00:00:00Z");

  private IncidentMetricsRepository repository;
  private PostmortemStoreActivitiesImpl followUps;

  @BeforeAll
  static void sessionsInAZoneFarFromUtc() {
    // Hours of day are UTC whatever the session's time zone; +05:30 would move every one of them.
    POSTGRES
        .jdbi()
        .useHandle(
            handle -> handle.execute("ALTER DATABASE postgres SET timezone = 'Asia/Kolkata'"));
  }

  @BeforeEach
  void storeTheIncidents() {
    IncidentStoreActivitiesImpl store = new IncidentStoreActivitiesImpl(POSTGRES.jdbi());
    repository = new IncidentMetricsRepository(POSTGRES.jdbi());
    followUps = new PostmortemStoreActivitiesImpl(POSTGRES.jdbi());

    long e0 =
        triggered("wf-e0", "Search indexing stalled", "search", SEV2, at("2025-02-20T10:00:00Z"))
            .alert("alertmanager", "search-indexing")
            .acknowledgedAfter(60)
            .resolvedAfter(600)
            .closedAfter(2400)
            .store(store);
    triggered("wf-f0", "Nightly batch failed", "legacy-batch", SEV2, at("2024-12-31T10:00:00Z"))
        .alert("alertmanager", "batch-old")
        .acknowledgedAfter(60)
        .resolvedAfter(600)
        .closedAfter(2400)
        .store(store);
    triggered("wf-g0", "Search results stale", "search", SEV3, at("2025-02-28T22:00:00Z"))
        .acknowledgedAfter(60)
        .resolvedAfter(3600)
        .closedAfter(5400)
        .store(store);
    triggered("wf-x1", "Just before the range", "checkout", SEV1, at("2025-02-28T23:59:59Z"))
        .acknowledgedAfter(1)
        .paged(0, 0, "alice")
        .paged(2, 1, "alice")
        .store(store);
    triggered("wf-x2", "At the end of the range", "checkout", SEV1, at("2025-04-01T00:00:00Z"))
        .acknowledgedAfter(1)
        .store(store);

    long a =
        triggered(
                "wf-a", "Checkout latency above SLO", "checkout", SEV1, at("2025-03-03T02:00:00Z"))
            .alert("alertmanager", "checkout-latency")
            .commander("alice")
            .escalationLevel(1)
            .paged(0, 0, "alice")
            .paged(300, 1, "bob", "dana")
            .acknowledgedAfter(60)
            .identifiedAfter(360)
            .mitigatedAfter(960)
            .resolvedAfter(1560)
            .closedAfter(3360)
            .store(store);
    long b =
        triggered(
                "wf-b",
                "Payments API returns 502",
                "payments-api",
                SEV1,
                at("2025-03-05T02:30:00Z"))
            .commander("bob")
            .escalationLevel(2)
            .paged(0, 0, "alice")
            .paged(300, 1, "bob", "dana")
            .paged(600, 2, "erin")
            .acknowledgedAfter(120)
            .identifiedAfter(720)
            .mitigatedAfter(2520)
            .resolvedAfter(2820)
            .event(TimelineEventType.REOPENED, 2000, "bob", "Reopened: errors are back")
            .store(store);
    triggered("wf-c", "Checkout card form broken", "checkout", SEV1, at("2025-03-07T14:00:00Z"))
        .alert("grafana", "checkout-cards")
        .commander("alice")
        .paged(0, 0, "bob")
        .acknowledgedAfter(300)
        .store(store);
    long d =
        triggered("wf-d", "Search indexing stalled", "search", SEV2, at("2025-03-10T14:15:00Z"))
            .alert("alertmanager", "search-indexing")
            .commander("carol")
            .acknowledgedAfter(30)
            .identifiedAfter(630)
            .mitigatedAfter(1830)
            .resolvedAfter(2730)
            .store(store);
    triggered("wf-e", "Checkout looks slow", "checkout", SEV2, at("2025-03-12T09:00:00Z"))
        .acknowledgedAfter(240)
        .canceledAfter(600)
        .store(store);
    long f =
        triggered("wf-f", "Nightly batch failed", "legacy-batch", SEV2, at("2025-03-15T09:45:00Z"))
            .alert("alertmanager", "batch-new")
            .commander("bob")
            .escalationLevel(1)
            .paged(0, 0, "carol")
            .paged(300, 1, "alice", "dana")
            .acknowledgedAfter(90)
            .identifiedAfter(390)
            .mitigatedAfter(990)
            .resolvedAfter(1290)
            .store(store);
    long g =
        triggered("wf-g", "Search results stale", "search", SEV3, at("2025-03-20T14:50:00Z"))
            .commander("carol")
            .paged(0, 0)
            .acknowledgedAfter(600)
            .identifiedAfter(1200)
            .mitigatedAfter(1500)
            .resolvedAfter(2100)
            .store(store);
    triggered("wf-h", "Payments webhook backlog", "payments-api", SEV3, at("2025-03-25T02:05:00Z"))
        .alert("alertmanager", "payments-webhooks")
        .resolvedAfter(1800)
        .store(store);

    // Action items are added while their postmortem is still open, as the store requires.
    postmortem(a, "2025-03-04T02:26:00Z", null);
    postmortem(b, "2025-03-06T03:17:00Z", null);
    postmortem(g, "2025-03-22T15:00:00Z", null);
    actionItem(a, "a1", "2025-03-10", "2025-03-10T23:59:59Z", 0);
    actionItem(a, "a2", "2025-03-10", "2025-03-11T00:00:00Z", 0);
    actionItem(b, "b1", "2025-03-20", null, 0);
    actionItem(b, "b2", "2025-03-28", null, 0);
    actionItem(b, "b3", "2025-04-30", "2025-03-25T00:00:00Z", 0);
    actionItem(g, "g1", "2025-03-27", null, 1);
    postmortem(a, "2025-03-04T02:26:00Z", "2025-03-04T01:00:00Z");
    postmortem(b, "2025-03-06T03:17:00Z", "2025-03-07T10:00:00Z");
    postmortem(d, "2025-03-12T15:00:00Z", null);
    postmortem(f, "2025-03-29T00:00:00Z", null);
    postmortem(g, "2025-03-22T15:00:00Z", "2025-03-22T15:00:00Z");
    postmortem(e0, "2025-02-22T00:00:00Z", "2025-02-25T00:00:00Z");
    actionItem(d, "d1", "2025-03-15", "2025-03-14T12:00:00Z", 0);
  }

  /**
   * A postmortem as its workflow saves it: published when {@code published} is given, else overdue.
   */
  private void postmortem(long incident, String due, String published) {
    followUps.savePostmortem(
        new PostmortemRecord(
            incident,
            "postmortem-" + incident,
            published == null ? PostmortemStatus.OVERDUE : PostmortemStatus.PUBLISHED,
            at(due),
            null,
            null,
            published == null ? null : "https://wiki.example.com/pm-" + incident,
            null,
            published == null ? null : "alice",
            published == null ? null : at(published),
            "alice"));
  }

  /** An action item done at {@code done}, or open in its {@code round} (above 0: reopened). */
  private void actionItem(long incident, String name, String due, String done, int round) {
    String workflowId = "action-item-" + name;
    long number =
        followUps
            .recordActionItem(
                new NewActionItem(
                    workflowId,
                    incident,
                    "Item " + name,
                    "alice",
                    LocalDate.parse(due),
                    ActionItemKind.IMPROVEMENT,
                    "alice"))
            .number();
    followUps.saveActionItem(
        new ActionItemRecord(
            number,
            workflowId,
            done == null ? ActionItemStatus.OPEN : ActionItemStatus.DONE,
            null,
            null,
            round,
            done == null ? null : at(done),
            done == null ? null : "jira"));
  }

  @Test
  void bySeverityEveryFigureMatchesTheHandWorkedValues() {
    IncidentMetrics metrics =
        repository.metrics(MetricsQuery.of(FROM, TO, MetricsGroupBy.SEVERITY));

    assertThat(metrics.groups())
        .extracting(MetricsGroup::key)
        .containsExactly("SEV1", "SEV2", "SEV3");
    MetricsGroup sev1 = metrics.groups().get(0);
    assertThat(sev1.incidents()).isEqualTo(3);
    // MTTA 60, 120, 300: p95 at 1.9 = 120 + 0.9 * 180
    assertDuration(sev1.mtta(), 3, 160, 120, 282);
    // MTTR 1560, 2820 (C open): p95 at 0.95 = 1560 + 0.95 * 1260
    assertDuration(sev1.mttr(), 2, 2190, 2190, 2757);
    assertDuration(sev1.detection(), 3, 160, 120, 282);
    assertDuration(sev1.triage(), 2, 450, 450, 585);
    assertDuration(sev1.remediation(), 2, 1200, 1200, 1740);
    assertDuration(sev1.verification(), 2, 450, 450, 585);
    assertRate(sev1.falseAlarms(), 0, 3);
    assertRate(sev1.reopens(), 1, 3);
    assertRate(sev1.escalations(), 2, 3);
    assertRate(sev1.repeats(), 0, 3);

    MetricsGroup sev2 = metrics.groups().get(1);
    assertThat(sev2.incidents()).isEqualTo(3);
    // MTTA 30, 90, 240: p95 at 1.9 = 90 + 0.9 * 150
    assertDuration(sev2.mtta(), 3, 120, 90, 225);
    // MTTR 1290, 2730 (E canceled): p95 = 1290 + 0.95 * 1440
    assertDuration(sev2.mttr(), 2, 2010, 2010, 2658);
    assertDuration(sev2.triage(), 2, 450, 450, 585);
    assertDuration(sev2.remediation(), 2, 900, 900, 1170);
    assertDuration(sev2.verification(), 2, 600, 600, 870);
    assertRate(sev2.falseAlarms(), 1, 3);
    assertRate(sev2.reopens(), 0, 3);
    assertRate(sev2.escalations(), 1, 3);
    assertRate(sev2.repeats(), 1, 3);

    MetricsGroup sev3 = metrics.groups().get(2);
    assertThat(sev3.incidents()).isEqualTo(2);
    assertDuration(sev3.mtta(), 1, 600, 600, 600);
    // MTTR 1800, 2100: p95 = 1800 + 0.95 * 300
    assertDuration(sev3.mttr(), 2, 1950, 1950, 2085);
    assertDuration(sev3.triage(), 1, 600, 600, 600);
    assertDuration(sev3.remediation(), 1, 300, 300, 300);
    assertDuration(sev3.verification(), 1, 600, 600, 600);
    assertRate(sev3.falseAlarms(), 0, 2);
    assertRate(sev3.reopens(), 0, 2);
    assertRate(sev3.escalations(), 0, 2);
    assertRate(sev3.repeats(), 1, 2);
  }

  @Test
  void overallFiguresSpanEveryIncidentInTheRangeAndNoOther() {
    MetricsGroup overall =
        repository.metrics(MetricsQuery.of(FROM, TO, MetricsGroupBy.SEVERITY)).overall();

    assertThat(overall.key()).isNull();
    assertThat(overall.incidents()).isEqualTo(8);
    // MTTA 30 60 90 120 240 300 600: mean 1440 / 7 to the millisecond; median v[3]; p95 at 5.7 =
    // 300 + 0.7 * 300
    assertDuration(overall.mtta(), 7, 205.714, 120, 510);
    // MTTR 1290 1560 1800 2100 2730 2820: median (1800 + 2100) / 2; p95 at 4.75 = 2730 + 0.75 * 90
    assertDuration(overall.mttr(), 6, 2050, 1950, 2797.5);
    // triage 300 300 600 600 600: p95 at 3.8 = 600
    assertDuration(overall.triage(), 5, 480, 600, 600);
    // remediation 300 600 600 1200 1800: p95 at 3.8 = 1200 + 0.8 * 600
    assertDuration(overall.remediation(), 5, 900, 600, 1680);
    // verification 300 300 600 600 900: p95 at 3.8 = 600 + 0.8 * 300
    assertDuration(overall.verification(), 5, 540, 600, 840);
    assertRate(overall.falseAlarms(), 1, 8);
    assertRate(overall.reopens(), 1, 8);
    assertRate(overall.escalations(), 3, 8);
    assertRate(overall.repeats(), 2, 8);
  }

  @Test
  void postmortemsOnTimeCountOnlyThosePublishedOrPastDue() {
    IncidentMetrics metrics = repository.metrics(query(MetricsGroupBy.SEVERITY, Map.of()));

    // SEV1: A on time, B late. SEV2: D overdue; F not due yet. SEV3: G published at its due time.
    assertThat(metrics.groups())
        .extracting(MetricsGroup::postmortemsOnTime)
        .containsExactly(
            new RateFigure(2, 1, 0.5), new RateFigure(1, 0, 0.0), new RateFigure(1, 1, 1.0));
    assertThat(metrics.overall().postmortemsOnTime()).isEqualTo(new RateFigure(4, 2, 0.5));
  }

  @Test
  void actionItemsClosedOnTimeAreDoneBeforeTheirDueDayEndsInUtc() {
    IncidentMetrics metrics = repository.metrics(query(MetricsGroupBy.SEVERITY, Map.of()));

    // SEV1: a1 on time, a2 a second late, b1 open past due, b3 done early; b2 not due yet.
    // SEV2: d1 on time. SEV3: g1 reopened and past due.
    assertThat(metrics.groups())
        .extracting(MetricsGroup::actionItemsClosedOnTime)
        .containsExactly(
            new RateFigure(4, 2, 0.5), new RateFigure(1, 1, 1.0), new RateFigure(1, 0, 0.0));
    assertThat(metrics.overall().actionItemsClosedOnTime()).isEqualTo(new RateFigure(6, 3, 0.5));
  }

  @Test
  void aGroupWithoutPostmortemsOrActionItemsDueSaysThereIsNoDataRatherThanZero() {
    IncidentMetrics metrics = repository.metrics(query(MetricsGroupBy.SERVICE, Map.of()));

    // legacy-batch is F alone: its postmortem is not due yet and it has no action items.
    MetricsGroup legacyBatch = metrics.groups().get(1);
    assertThat(legacyBatch.key()).isEqualTo("legacy-batch");
    assertThat(legacyBatch.postmortemsOnTime()).isEqualTo(new RateFigure(0, 0, null));
    assertThat(legacyBatch.actionItemsClosedOnTime()).isEqualTo(new RateFigure(0, 0, null));
  }

  @Test
  void laterDueDatesComeToCountAsTimePasses() {
    MetricsQuery afterEverything =
        new MetricsQuery(
            FROM,
            TO,
            MetricsGroupBy.SEVERITY,
            Map.of(),
            null,
            at("2025-06-01T00:00:00Z"),
            Map.of());

    MetricsGroup overall = repository.metrics(afterEverything).overall();

    // F's postmortem and b2 are now overdue as well.
    assertThat(overall.postmortemsOnTime()).isEqualTo(new RateFigure(5, 2, 0.4));
    assertThat(overall.actionItemsClosedOnTime()).isEqualTo(new RateFigure(7, 3, 3.0 / 7));
  }

  @Test
  void pagerLoadCountsThePagesSentInTheRangePerOnCallWeek() {
    IncidentMetrics metrics =
        repository.metrics(
            query(
                MetricsGroupBy.SEVERITY,
                Map.of("alice", 2.0, "bob", 1.25, "carol", 0.25, "frank", 1.0)));

    // alice: A, B, F and X1's second step; bob: A, B, C; carol: F; dana: A, B, F; erin: B.
    assertThat(metrics.pagerLoad())
        .containsExactly(
            new PagerLoad("alice", 4, 2.0, 2.0),
            new PagerLoad("bob", 3, 1.25, 2.4),
            new PagerLoad("carol", 1, 0.25, 4.0),
            new PagerLoad("dana", 3, 0, null),
            new PagerLoad("erin", 1, 0, null),
            new PagerLoad("frank", 0, 1.0, 0.0));
  }

  @Test
  void pagerLoadIsTheSameWhateverTheGrouping() {
    assertThat(repository.metrics(query(MetricsGroupBy.COMMANDER, Map.of())).pagerLoad())
        .isEqualTo(repository.metrics(query(MetricsGroupBy.HOUR, Map.of())).pagerLoad())
        .extracting(PagerLoad::person)
        .containsExactly("alice", "bob", "carol", "dana", "erin");
  }

  @Test
  void byServiceGroupsAlphabetically() {
    IncidentMetrics metrics = repository.metrics(MetricsQuery.of(FROM, TO, MetricsGroupBy.SERVICE));

    assertThat(metrics.groups())
        .extracting(MetricsGroup::key, MetricsGroup::incidents)
        .containsExactly(
            group("checkout", 3),
            group("legacy-batch", 1),
            group("payments-api", 2),
            group("search", 2));
    MetricsGroup checkout = metrics.groups().get(0);
    // MTTA 60 240 300: p95 at 1.9 = 240 + 0.9 * 60
    assertDuration(checkout.mtta(), 3, 200, 240, 294);
    assertDuration(checkout.mttr(), 1, 1560, 1560, 1560);
    assertRate(checkout.falseAlarms(), 1, 3);
    assertRate(checkout.escalations(), 1, 3);
    MetricsGroup payments = metrics.groups().get(2);
    assertDuration(payments.mtta(), 1, 120, 120, 120);
    // MTTR 1800 2820: p95 = 1800 + 0.95 * 1020
    assertDuration(payments.mttr(), 2, 2310, 2310, 2769);
    assertRate(payments.reopens(), 1, 2);
    MetricsGroup search = metrics.groups().get(3);
    // MTTA 30 600: p95 = 30 + 0.95 * 570
    assertDuration(search.mtta(), 2, 315, 315, 571.5);
    assertRate(search.repeats(), 2, 2);
  }

  @Test
  void byTeamFollowsTheCatalogAndGivesUnknownServicesTheDefaultTeam() {
    Map<String, String> teams = new HashMap<>();
    teams.put("checkout", "payments");
    teams.put("payments-api", "payments");
    teams.put("search", "search");
    teams.put("ledger", null);

    IncidentMetrics metrics =
        repository.metrics(
            new MetricsQuery(FROM, TO, MetricsGroupBy.TEAM, teams, "platform", TO, Map.of()));

    assertThat(metrics.groups())
        .extracting(MetricsGroup::key, MetricsGroup::incidents)
        .containsExactly(group("payments", 5), group("platform", 1), group("search", 2));
    MetricsGroup payments = metrics.groups().get(0);
    // A B C E H. MTTA 60 120 240 300: p95 at 2.85 = 240 + 0.85 * 60
    assertDuration(payments.mtta(), 4, 180, 180, 291);
    // MTTR 1560 1800 2820: p95 at 1.9 = 1800 + 0.9 * 1020
    assertDuration(payments.mttr(), 3, 2060, 1800, 2718);
    assertRate(payments.falseAlarms(), 1, 5);
    assertRate(payments.escalations(), 2, 5);
  }

  @Test
  void byTeamWithoutADefaultTeamPutsUnknownServicesInTheNullGroupLast() {
    IncidentMetrics metrics =
        repository.metrics(
            new MetricsQuery(
                FROM,
                TO,
                MetricsGroupBy.TEAM,
                Map.of("checkout", "payments", "payments-api", "payments", "search", "search"),
                null,
                TO,
                Map.of()));

    assertThat(metrics.groups())
        .extracting(MetricsGroup::key, MetricsGroup::incidents)
        .containsExactly(group("payments", 5), group("search", 2), group(null, 1));
  }

  @Test
  void bySourceSplitsAlertsFromDeclaredIncidents() {
    IncidentMetrics metrics = repository.metrics(MetricsQuery.of(FROM, TO, MetricsGroupBy.SOURCE));

    assertThat(metrics.groups())
        .extracting(MetricsGroup::key, MetricsGroup::incidents)
        .containsExactly(group("alert", 5), group("declared", 3));
    // A C D F (H never acknowledged). MTTA 30 60 90 300: median (60 + 90) / 2; p95 at 2.85
    assertDuration(metrics.groups().get(0).mtta(), 4, 120, 75, 268.5);
    // B E G. MTTA 120 240 600: p95 at 1.9 = 240 + 0.9 * 360
    assertDuration(metrics.groups().get(1).mtta(), 3, 320, 240, 564);
    assertRate(metrics.groups().get(1).falseAlarms(), 1, 3);
  }

  @Test
  void byCommanderGroupsIncidentsWithoutOneUnderNullLast() {
    IncidentMetrics metrics =
        repository.metrics(MetricsQuery.of(FROM, TO, MetricsGroupBy.COMMANDER));

    assertThat(metrics.groups())
        .extracting(MetricsGroup::key, MetricsGroup::incidents)
        .containsExactly(group("alice", 2), group("bob", 2), group("carol", 2), group(null, 2));
    // A C. MTTA 60 300: p95 = 60 + 0.95 * 240
    assertDuration(metrics.groups().get(0).mtta(), 2, 180, 180, 288);
    // E H: only E was acknowledged, only H resolved.
    MetricsGroup nobody = metrics.groups().get(3);
    assertDuration(nobody.mtta(), 1, 240, 240, 240);
    assertDuration(nobody.mttr(), 1, 1800, 1800, 1800);
    assertDuration(nobody.triage(), 0, null, null, null);
  }

  @Test
  void byHourUsesTheUtcHourOfTheTrigger() {
    IncidentMetrics metrics = repository.metrics(MetricsQuery.of(FROM, TO, MetricsGroupBy.HOUR));

    assertThat(metrics.groups())
        .extracting(MetricsGroup::key, MetricsGroup::incidents)
        .containsExactly(group("02", 3), group("09", 2), group("14", 3));
    MetricsGroup night = metrics.groups().get(0);
    // A B H. MTTA 60 120: p95 = 60 + 0.95 * 60; MTTR 1560 1800 2820
    assertDuration(night.mtta(), 2, 90, 90, 117);
    assertDuration(night.mttr(), 3, 2060, 1800, 2718);
  }

  @Test
  void anEmptyRangeHasNoGroupsAndAnEmptyOverallRow() {
    IncidentMetrics metrics =
        repository.metrics(
            MetricsQuery.of(
                Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-02-01T00:00:00Z"),
                MetricsGroupBy.SEVERITY));

    assertThat(metrics.groups()).isEmpty();
    assertThat(metrics.overall().incidents()).isZero();
    assertThat(metrics.overall().mttr()).isEqualTo(DurationFigure.none());
    assertThat(metrics.overall().falseAlarms()).isEqualTo(new RateFigure(0, 0, null));
  }

  @Test
  void theRangeIncludesItsStartAndExcludesItsEnd() {
    Instant justBefore = Instant.parse("2025-02-28T23:59:59Z");
    Instant end = Instant.parse("2025-04-01T00:00:00Z");

    assertThat(
            repository
                .metrics(MetricsQuery.of(justBefore, FROM, MetricsGroupBy.SEVERITY))
                .overall()
                .incidents())
        .isEqualTo(1);
    assertThat(
            repository
                .metrics(MetricsQuery.of(end, end.plusSeconds(1), MetricsGroupBy.SEVERITY))
                .overall()
                .incidents())
        .isEqualTo(1);
  }

  /** The March range, due dates judged as of {@link #AS_OF}. */
  private static MetricsQuery query(MetricsGroupBy groupBy, Map<String, Double> onCallWeeks) {
    return new MetricsQuery(FROM, TO, groupBy, Map.of(), null, AS_OF, onCallWeeks);
  }

  /** A group's key and incident count, as extracted from a {@link MetricsGroup}. */
  private static Tuple group(String key, long incidents) {
    return Tuple.tuple(key, incidents);
  }

  private static void assertDuration(
      DurationFigure figure, long n, Number mean, Number median, Number p95) {
    assertThat(figure.n()).as("n").isEqualTo(n);
    if (n == 0) {
      assertThat(List.of(figure)).containsExactly(DurationFigure.none());
      return;
    }
    // Exactly: figures are rounded to the millisecond, so no binary noise (30.982999999999997)
    // reaches a reader.
    assertThat(figure.meanSeconds()).as("mean").isEqualTo(mean.doubleValue());
    assertThat(figure.medianSeconds()).as("median").isEqualTo(median.doubleValue());
    assertThat(figure.p95Seconds()).as("p95").isEqualTo(p95.doubleValue());
  }

  private static void assertRate(RateFigure figure, long count, long n) {
    assertThat(figure.n()).as("n").isEqualTo(n);
    assertThat(figure.count()).as("count").isEqualTo(count);
    assertThat(figure.rate()).as("rate").isEqualTo((double) count / n);
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
