package dev.incidentflow.api.json;

/** {@code POST /v1/incidents/{id}/severity}. */
public record SeverityRequest(String severity, String by, String note) {}
