package dev.incidentflow.api.json;

import dev.incidentflow.activities.store.DurationFigure;

/** The MTTR phases: triggered -> acknowledged -> identified -> mitigated -> resolved. */
public record PhaseDurationsJson(
    DurationFigure detection,
    DurationFigure triage,
    DurationFigure remediation,
    DurationFigure verification) {}
