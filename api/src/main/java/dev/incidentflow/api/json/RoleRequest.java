package dev.incidentflow.api.json;

/** {@code POST /v1/incidents/{id}/roles}. */
public record RoleRequest(String role, String person, String by) {}
