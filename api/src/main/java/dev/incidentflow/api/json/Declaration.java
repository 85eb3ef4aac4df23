package dev.incidentflow.api.json;

/** {@code POST /v1/incidents}: a person declares an incident. */
public record Declaration(
    String title,
    String severity,
    String service,
    String declaredBy,
    String commander,
    String description) {}
