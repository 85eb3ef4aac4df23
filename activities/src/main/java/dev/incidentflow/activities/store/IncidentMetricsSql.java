package dev.incidentflow.activities.store;

/**
 * The SQL behind {@link IncidentMetricsDao}, kept as constants so that a test can EXPLAIN exactly
 * the statement the API runs.
 */
final class IncidentMetricsSql {

  /**
   * One row per group and one overall row ({@code GROUPING SETS}), computed entirely in PostgreSQL.
   * A duration is NULL when either end is, and {@code count}, {@code avg} and {@code
   * percentile_cont} skip NULLs, so an incident missing a phase drops out of that phase only. The
   * group key is picked by a bound {@code CASE} rather than by splicing a column name into the
   * text. The repeat test is two {@code EXISTS} probes rather than one with an OR so that each can
   * use its own index (V10); the indexes are on md5 of the text, and the query repeats the md5
   * comparison so that the planner can use them.
   *
   * <p>{@code MATERIALIZED} keeps the per-incident part a query of its own. Inlined into the
   * grouping, PostgreSQL 14 costs the per-row subqueries at the wrong level and reads all of {@code
   * incidents} sequentially even for a 30-day range (measured on 100,000 rows: 172 ms instead of
   * 108 ms, and growing with the table rather than with the range).
   *
   * <p>Postmortems and action items belong to the group of their incident. A postmortem counts once
   * it is published (by the API, Slack or its Jira issue reaching done, which the workflow records
   * as published when it learns of it) or its due time has passed by {@code :asOf}; one still open
   * and not yet due has no verdict yet and counts nowhere. It is on time when it was published at
   * or before its due time. Action items likewise: counted when done or past due, on time when done
   * before their due day ended in UTC (the moment the ActionItemWorkflow marks them overdue). An
   * item reopened in Jira is open again and no longer done.
   *
   * <p>Both are aggregates in a {@code LATERAL} (there is at most one postmortem per incident) so
   * that PostgreSQL cannot turn them into a join: as a join it hashes every postmortem ever written
   * (a sequential scan growing with the table), as a lateral aggregate it probes the primary key
   * and {@code action_items_incident_idx} once per incident in the range.
   */
  static final String GROUPS =
      """
      WITH scoped AS MATERIALIZED (
          SELECT
              CASE CAST(:groupBy AS text)
                  WHEN 'severity' THEN i.severity
                  WHEN 'service' THEN i.service
                  WHEN 'team' THEN CASE WHEN team_of.service IS NULL
                                        THEN CAST(:unknownServiceTeam AS text)
                                        ELSE team_of.team END
                  WHEN 'source' THEN CASE WHEN i.source = 'declared' THEN 'declared' ELSE 'alert' END
                  WHEN 'commander' THEN i.commander
                  WHEN 'hour' THEN to_char(i.triggered_at AT TIME ZONE 'UTC', 'HH24')
              END AS group_key,
              i.status,
              i.escalation_level,
              CAST(EXTRACT(EPOCH FROM i.acknowledged_at - i.triggered_at) AS double precision) AS mtta,
              CAST(EXTRACT(EPOCH FROM i.resolved_at - i.triggered_at) AS double precision) AS mttr,
              CAST(EXTRACT(EPOCH FROM i.identified_at - i.acknowledged_at) AS double precision) AS triage,
              CAST(EXTRACT(EPOCH FROM i.mitigated_at - i.identified_at) AS double precision) AS remediation,
              CAST(EXTRACT(EPOCH FROM i.resolved_at - i.mitigated_at) AS double precision) AS verification,
              EXISTS (SELECT 1 FROM timeline_events e
                      WHERE e.incident_number = i.number AND e.type = 'reopened') AS reopened,
              (EXISTS (SELECT 1 FROM incidents earlier
                       WHERE i.dedup_key IS NOT NULL
                         AND md5(earlier.dedup_key) = md5(i.dedup_key)
                         AND earlier.dedup_key = i.dedup_key
                         AND earlier.closed_at >= i.triggered_at - interval '30 days'
                         AND earlier.closed_at < i.triggered_at)
               OR EXISTS (SELECT 1 FROM incidents earlier
                          WHERE earlier.service = i.service
                            AND md5(earlier.title) = md5(i.title)
                            AND earlier.title = i.title
                            AND earlier.closed_at >= i.triggered_at - interval '30 days'
                            AND earlier.closed_at < i.triggered_at)) AS repeated,
              postmortem.due AS postmortem_due,
              postmortem.on_time AS postmortem_on_time,
              items.due AS action_items_due,
              items.on_time AS action_items_on_time
          FROM incidents i
          LEFT JOIN unnest(CAST(:teamServices AS text[]), CAST(:teams AS text[]))
              AS team_of (service, team) ON team_of.service = i.service
          CROSS JOIN LATERAL (
              SELECT bool_or(pm.published_at IS NOT NULL OR pm.due_at <= :asOf) AS due,
                     bool_or(pm.published_at <= pm.due_at) AS on_time
              FROM postmortems pm
              WHERE pm.incident_number = i.number) AS postmortem
          CROSS JOIN LATERAL (
              SELECT count(*) FILTER (WHERE a.status = 'done' OR item.due_end <= :asOf) AS due,
                     count(*) FILTER (WHERE a.status = 'done' AND a.done_at < item.due_end) AS on_time
              FROM action_items a
              CROSS JOIN LATERAL (SELECT CAST(a.due + 1 AS timestamp) AT TIME ZONE 'UTC' AS due_end) AS item
              WHERE a.incident_number = i.number) AS items
          WHERE i.triggered_at >= :from AND i.triggered_at < :to
      )
      SELECT
          GROUPING(group_key) = 1 AS overall,
          group_key,
          count(*) AS incidents,
          count(mtta) AS mtta_n,
          avg(mtta) AS mtta_mean,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY mtta) AS mtta_median,
          percentile_cont(0.95) WITHIN GROUP (ORDER BY mtta) AS mtta_p95,
          count(mttr) AS mttr_n,
          avg(mttr) AS mttr_mean,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY mttr) AS mttr_median,
          percentile_cont(0.95) WITHIN GROUP (ORDER BY mttr) AS mttr_p95,
          count(triage) AS triage_n,
          avg(triage) AS triage_mean,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY triage) AS triage_median,
          percentile_cont(0.95) WITHIN GROUP (ORDER BY triage) AS triage_p95,
          count(remediation) AS remediation_n,
          avg(remediation) AS remediation_mean,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY remediation) AS remediation_median,
          percentile_cont(0.95) WITHIN GROUP (ORDER BY remediation) AS remediation_p95,
          count(verification) AS verification_n,
          avg(verification) AS verification_mean,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY verification) AS verification_median,
          percentile_cont(0.95) WITHIN GROUP (ORDER BY verification) AS verification_p95,
          count(*) FILTER (WHERE status = 'canceled') AS canceled,
          count(*) FILTER (WHERE reopened) AS reopened,
          count(*) FILTER (WHERE escalation_level >= 1) AS escalated,
          count(*) FILTER (WHERE repeated) AS repeated,
          count(*) FILTER (WHERE postmortem_due) AS postmortems_due,
          count(*) FILTER (WHERE postmortem_due AND postmortem_on_time) AS postmortems_on_time,
          CAST(sum(action_items_due) AS bigint) AS action_items_due,
          CAST(sum(action_items_on_time) AS bigint) AS action_items_on_time
      FROM scoped
      GROUP BY GROUPING SETS ((group_key), ())
      ORDER BY overall, group_key NULLS LAST
      """;

  /**
   * Pages per person sent in {@code [:from, :to)}: every person an escalation step notified, as the
   * step's timeline event names them (comma-separated handles in {@code data.notified}; handles
   * cannot contain commas, see the catalog loader). Read through the partial index of V22.
   */
  static final String PAGES =
      """
      SELECT paged.person, count(*) AS pages
      FROM timeline_events e
      CROSS JOIN LATERAL unnest(string_to_array(e.data ->> 'notified', ',')) AS paged (person)
      WHERE e.type IN ('paged', 'escalated')
        AND e.at >= :from
        AND e.at < :to
      GROUP BY paged.person
      """;

  private IncidentMetricsSql() {}
}
