package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.PostmortemRecord;
import java.time.Instant;

/**
 * A postmortem in its stored form (the status's wire name). Public only because jdbi binds its
 * accessors reflectively.
 */
public record PostmortemRow(
    long incidentNumber,
    String workflowId,
    String status,
    Instant dueAt,
    String jiraKey,
    String jiraUrl,
    String publishedUrl,
    String summary,
    String publishedBy,
    Instant publishedAt,
    String owner) {

  static PostmortemRow of(PostmortemRecord record) {
    return new PostmortemRow(
        record.incidentNumber(),
        record.workflowId(),
        record.status().wireName(),
        record.dueAt(),
        record.jiraKey(),
        record.jiraUrl(),
        record.publishedUrl(),
        record.summary(),
        record.publishedBy(),
        record.publishedAt(),
        record.owner());
  }
}
