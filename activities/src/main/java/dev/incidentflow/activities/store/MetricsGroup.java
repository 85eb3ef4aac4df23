package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

/**
 * The figures of one group of incidents, or of all of them.
 *
 * @param key the group's value (a severity, service, team, source, commander or two-digit UTC
 *     hour); null for incidents without one (no commander, a service of no team) and for the
 *     overall figures
 * @param incidents how many incidents were triggered in the range
 * @param mtta triggered to acknowledged
 * @param mttr triggered to resolved
 * @param detection triggered to acknowledged (the first phase, the same span as MTTA)
 * @param triage acknowledged to identified
 * @param remediation identified to mitigated
 * @param verification mitigated to resolved
 * @param falseAlarms canceled among all incidents
 * @param reopens incidents with a {@code reopened} timeline event
 * @param escalations incidents that reached escalation level 1 or more
 * @param repeats incidents whose alert dedup key, or service and title, match an incident closed in
 *     the 30 days before they were triggered
 * @param postmortemsOnTime postmortems published at or before their due time, among those of the
 *     group's incidents that are published or past due (see {@link IncidentMetricsSql#GROUPS});
 *     {@code n} counts postmortems, not incidents
 * @param actionItemsClosedOnTime action items done by the end of their due day (UTC), among those
 *     of the group's incidents that are done or past due; {@code n} counts action items
 */
public record MetricsGroup(
    String key,
    long incidents,
    DurationFigure mtta,
    DurationFigure mttr,
    DurationFigure detection,
    DurationFigure triage,
    DurationFigure remediation,
    DurationFigure verification,
    RateFigure falseAlarms,
    RateFigure reopens,
    RateFigure escalations,
    RateFigure repeats,
    RateFigure postmortemsOnTime,
    RateFigure actionItemsClosedOnTime) {

  public MetricsGroup {
    if (incidents < 0) {
      throw new IllegalArgumentException("incidents is negative: " + incidents);
    }
    requireNonNull(mtta, "mtta is null");
    requireNonNull(mttr, "mttr is null");
    requireNonNull(detection, "detection is null");
    requireNonNull(triage, "triage is null");
    requireNonNull(remediation, "remediation is null");
    requireNonNull(verification, "verification is null");
    requireNonNull(falseAlarms, "falseAlarms is null");
    requireNonNull(reopens, "reopens is null");
    requireNonNull(escalations, "escalations is null");
    requireNonNull(repeats, "repeats is null");
    requireNonNull(postmortemsOnTime, "postmortemsOnTime is null");
    requireNonNull(actionItemsClosedOnTime, "actionItemsClosedOnTime is null");
  }

  /** The figures of no incidents at all: what the overall row is for an empty range. */
  public static MetricsGroup empty() {
    DurationFigure none = DurationFigure.none();
    RateFigure noData = RateFigure.noData();
    return new MetricsGroup(
        null, 0, none, none, none, none, none, none, noData, noData, noData, noData, noData,
        noData);
  }
}
