package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import java.time.Instant;

/** The answer to an update or query: where the incident stands now. */
public record IncidentView(
    String incidentId,
    IncidentStatus status,
    Severity severity,
    String commander,
    int escalationLevel,
    Instant nextUpdateDue) {}
