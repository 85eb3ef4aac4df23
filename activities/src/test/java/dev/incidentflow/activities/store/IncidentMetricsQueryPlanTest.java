package dev.incidentflow.activities.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The metrics query on 100,000 incidents: asserts the plan's shape (the indexes it must use) and
 * prints how long PostgreSQL took. Wall-clock time is printed, never asserted: it depends on the
 * machine.
 */
class IncidentMetricsQueryPlanTest {

  @RegisterExtension
  static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  private static final int INCIDENTS = 100_000;
  private static final Pattern EXECUTION_TIME = Pattern.compile("Execution Time: ([0-9.]+) ms");

  /**
   * 100,000 incidents, one every 315 seconds over the year before {@link #NOW} (so about 8,200 fall
   * in the default 30 days), three timeline events each, 2% reopened, 10% with a status update
   * (each one rewrites the incident's search vector through the V12 trigger, which is what makes
   * seeding slow), 10% canceled, the rest closed; 5,000 alert groups and 3,000 titles recur, so
   * repeats exist.
   */
  private static final String SEED_INCIDENTS =
      """
      INSERT INTO incidents (workflow_id, first_run_id, title, severity, service, source, dedup_key,
                             declared_by, status, commander, escalation_level, triggered_at,
                             acknowledged_at, identified_at, mitigated_at, resolved_at, closed_at,
                             canceled_at)
      SELECT 'wf-' || g, 'run-' || g, 'Incident pattern ' || (g % 3000), 'SEV' || (1 + g % 4),
             'service-' || (g % 40),
             CASE WHEN g % 2 = 0 THEN 'alertmanager' ELSE 'declared' END,
             CASE WHEN g % 2 = 0 THEN 'group-' || (g % 5000) END,
             CASE WHEN g % 2 = 1 THEN 'person-' || (g % 25) END,
             CASE WHEN g % 10 = 0 THEN 'canceled' ELSE 'closed' END,
             'person-' || (g % 25), g % 3, t,
             t + (g % 600) * interval '1 second',
             CASE WHEN g % 10 <> 0 THEN t + (600 + g % 1800) * interval '1 second' END,
             CASE WHEN g % 10 <> 0 THEN t + (2400 + g % 3600) * interval '1 second' END,
             CASE WHEN g % 10 <> 0 THEN t + (6000 + g % 3600) * interval '1 second' END,
             CASE WHEN g % 10 <> 0 THEN t + (6000 + g % 3600 + 1800) * interval '1 second' END,
             CASE WHEN g % 10 = 0 THEN t + (g % 600 + 60) * interval '1 second' END
      FROM generate_series(1, :incidents) AS g,
           LATERAL (SELECT CAST(:now AS timestamptz) - g * interval '315 seconds' AS t) AS start
      """;

  /**
   * The second event of every incident pages one or two of 25 people, as the workflow records it.
   */
  private static final String SEED_EVENTS =
      """
      INSERT INTO timeline_events (incident_number, sequence, at, type, by_whom, text, data)
      SELECT number, s, triggered_at + s * interval '1 minute',
             CASE WHEN s = 3 AND number % 50 = 0 THEN 'reopened'
                  WHEN s = 3 AND number % 10 = 1 THEN 'status_update'
                  WHEN s = 3 THEN 'acknowledged'
                  WHEN s = 2 THEN 'paged'
                  ELSE 'declared' END,
             'system', 'event ' || s,
             CASE WHEN s = 2 THEN jsonb_build_object('level', '0', 'notified',
                      'person-' || (number % 25) || CASE WHEN number % 3 = 0 THEN ',person-24' ELSE '' END)
                  ELSE '{}'::jsonb END
      FROM incidents, generate_series(1, 3) AS s
      """;

  /**
   * A postmortem for half of the closed incidents, due a day after resolution and published between
   * three hours early and three hours late; two action items for every fifth incident.
   */
  private static final String SEED_FOLLOW_UPS =
      """
      INSERT INTO postmortems (incident_number, workflow_id, status, due_at, published_at)
      SELECT number, 'postmortem-' || number, 'published', resolved_at + interval '1 day',
             resolved_at + interval '1 day' + (number % 7 - 3) * interval '1 hour'
      FROM incidents
      WHERE status = 'closed' AND number % 2 = 0;
      INSERT INTO action_items (workflow_id, incident_number, title, owner, due, kind, status, done_at)
      SELECT 'action-item-' || number || '-' || k, number, 'Fix ' || k, 'person-' || (number % 25),
             CAST(triggered_at AS date) + 7, 'improvement',
             CASE WHEN k = 1 THEN 'done' ELSE 'open' END,
             CASE WHEN k = 1 THEN triggered_at + (number % 10) * interval '1 day' END
      FROM incidents, generate_series(1, 2) AS k
      WHERE number % 5 = 0
      """;

  @Test
  void defaultQueryOnOneHundredThousandIncidentsUsesTheRangeReopenAndRepeatIndexes() {
    POSTGRES
        .jdbi()
        .useHandle(
            handle -> {
              seed(handle);
              Instant from = NOW.minus(Duration.ofDays(30));

              List<String> plan = explain(handle, from, NOW);
              String text = String.join("\n", plan);
              System.out.println(
                  "EXPLAIN ANALYZE of the default metrics query (last 30 days, by severity) on "
                      + INCIDENTS
                      + " incidents:\n"
                      + text);
              System.out.println(
                  "metrics query, default 30 days: " + executionMillis(text) + " ms (PostgreSQL)");
              String wholeYear =
                  String.join("\n", explain(handle, NOW.minus(Duration.ofDays(366)), NOW));
              System.out.println(
                  "metrics query, all "
                      + INCIDENTS
                      + " incidents in range: "
                      + executionMillis(wholeYear)
                      + " ms (PostgreSQL)");

              assertThat(text)
                  .as("the 30-day range is read through the triggered_at index, not a full scan")
                  .contains("incidents_newest_idx")
                  .doesNotContain("Seq Scan on incidents i");
              assertThat(text)
                  .contains("timeline_events_reopened_idx")
                  .contains("incidents_repeat_dedup_idx")
                  .contains("incidents_repeat_title_idx")
                  .doesNotContain("Seq Scan on timeline_events");
              assertThat(text)
                  .as("postmortems and action items are looked up per incident in the range")
                  .contains("postmortems_pkey")
                  .contains("action_items_incident_idx")
                  .doesNotContain("Seq Scan on postmortems")
                  .doesNotContain("Seq Scan on action_items");

              String pages = String.join("\n", explainPages(handle, from, NOW));
              System.out.println(
                  "EXPLAIN ANALYZE of the pager load query (last 30 days):\n" + pages);
              System.out.println(
                  "pager load query, default 30 days: "
                      + executionMillis(pages)
                      + " ms (PostgreSQL)");
              assertThat(pages)
                  .as("the range's pages are read through the partial index of V22")
                  .contains("timeline_events_pages_idx")
                  .doesNotContain("Seq Scan on timeline_events");
            });

    IncidentMetricsRepository repository = new IncidentMetricsRepository(POSTGRES.jdbi());
    MetricsQuery defaultQuery =
        MetricsQuery.of(NOW.minus(Duration.ofDays(30)), NOW, MetricsGroupBy.SEVERITY);
    repository.metrics(defaultQuery);
    long started = System.nanoTime();
    IncidentMetrics metrics = repository.metrics(defaultQuery);
    System.out.println(
        "metrics query, default 30 days, through the repository (second run): "
            + Duration.ofNanos(System.nanoTime() - started).toMillis()
            + " ms");
    long inRange =
        POSTGRES
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT count(*) FROM incidents WHERE triggered_at >= :from"
                                + " AND triggered_at < :to")
                        .bind("from", NOW.minus(Duration.ofDays(30)))
                        .bind("to", NOW)
                        .mapTo(Long.class)
                        .one());
    assertThat(metrics.overall().incidents()).isEqualTo(inRange).isEqualTo(8228);
    assertThat(metrics.groups())
        .extracting(MetricsGroup::key)
        .containsExactly("SEV1", "SEV2", "SEV3", "SEV4");
    assertThat(metrics.overall().repeats().count()).isPositive();
    assertThat(metrics.overall().reopens().count()).isPositive();
    assertThat(metrics.overall().postmortemsOnTime().n()).isPositive();
    assertThat(metrics.overall().actionItemsClosedOnTime().n()).isPositive();
    assertThat(metrics.pagerLoad()).hasSize(25);
  }

  private static void seed(Handle handle) {
    handle.createUpdate(SEED_INCIDENTS).bind("incidents", INCIDENTS).bind("now", NOW).execute();
    handle.createUpdate(SEED_EVENTS).execute();
    handle.createScript(SEED_FOLLOW_UPS).execute();
    // The state autovacuum keeps a live database in: the trigger's updates leave dead rows behind.
    handle.execute("VACUUM ANALYZE incidents");
    handle.execute("VACUUM ANALYZE timeline_events");
    handle.execute("VACUUM ANALYZE postmortems");
    handle.execute("VACUUM ANALYZE action_items");
  }

  private static List<String> explain(Handle handle, Instant from, Instant to) {
    return handle
        .createQuery("EXPLAIN (ANALYZE, BUFFERS) " + IncidentMetricsSql.GROUPS)
        .bind("from", from)
        .bind("to", to)
        .bind("groupBy", MetricsGroupBy.SEVERITY.wireName())
        .bind("teamServices", new String[0])
        .bind("teams", new String[0])
        .bind("unknownServiceTeam", (String) null)
        .bind("asOf", to)
        .mapTo(String.class)
        .list();
  }

  private static List<String> explainPages(Handle handle, Instant from, Instant to) {
    return handle
        .createQuery("EXPLAIN (ANALYZE, BUFFERS) " + IncidentMetricsSql.PAGES)
        .bind("from", from)
        .bind("to", to)
        .mapTo(String.class)
        .list();
  }

  private static String executionMillis(String plan) {
    Matcher matcher = EXECUTION_TIME.matcher(plan);
    return matcher.find() ? matcher.group(1) : "?";
  }
}
