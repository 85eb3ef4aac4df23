package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.model.IncidentStatus;

/** How an incident workflow ended: closed after its monitoring window, or canceled. */
public record IncidentOutcome(String incidentId, IncidentStatus status) {}
