package dev.incidentflow.api.json;

/**
 * {@code POST /v1/incidents/{id}/action-items}: {@code {"title", "owner", "due", "kind", "by"}}.
 *
 * @param due an ISO date, {@code 2026-11-27}
 * @param kind {@code root_cause} or {@code improvement}
 * @param by who adds it; optional
 */
public record ActionItemRequest(String title, String owner, String due, String kind, String by) {}
