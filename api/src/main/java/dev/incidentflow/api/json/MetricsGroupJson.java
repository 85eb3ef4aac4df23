package dev.incidentflow.api.json;

import dev.incidentflow.activities.store.DurationFigure;
import dev.incidentflow.activities.store.MetricsGroup;
import dev.incidentflow.activities.store.RateFigure;

/**
 * The figures of one group (or, as {@code overall}, of all incidents). Every figure carries {@code
 * n}, what it rests on: incidents, or for {@code postmortemsOnTime} and {@code
 * actionItemsClosedOnTime} the postmortems and action items of the group's incidents that are done
 * or past due (see {@link dev.incidentflow.activities.store.MetricsGroup}). A rate over nothing is
 * null, not 0.
 */
public record MetricsGroupJson(
    String key,
    long count,
    DurationFigure mtta,
    DurationFigure mttr,
    PhaseDurationsJson phases,
    RateFigure falseAlarmRate,
    RateFigure reopenRate,
    RateFigure escalationRate,
    RateFigure repeatRate,
    RateFigure postmortemsOnTime,
    RateFigure actionItemsClosedOnTime) {

  public static MetricsGroupJson of(MetricsGroup group) {
    return new MetricsGroupJson(
        group.key(),
        group.incidents(),
        group.mtta(),
        group.mttr(),
        new PhaseDurationsJson(
            group.detection(), group.triage(), group.remediation(), group.verification()),
        group.falseAlarms(),
        group.reopens(),
        group.escalations(),
        group.repeats(),
        group.postmortemsOnTime(),
        group.actionItemsClosedOnTime());
  }
}
