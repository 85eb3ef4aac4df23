package dev.incidentflow.api.json;

/** {@code POST /v1/incidents/{id}/postmortem/owner}: {@code {"owner", "by"}}. */
public record HandoverRequest(String owner, String by) {}
