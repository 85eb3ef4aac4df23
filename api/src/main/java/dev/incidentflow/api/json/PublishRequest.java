package dev.incidentflow.api.json;

/** {@code POST /v1/incidents/{id}/postmortem}: {@code {"url", "summary", "by"}}. */
public record PublishRequest(String url, String summary, String by) {}
