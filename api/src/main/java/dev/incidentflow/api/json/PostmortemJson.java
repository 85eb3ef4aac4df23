package dev.incidentflow.api.json;

import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.model.PostmortemStatus;
import java.time.Instant;

/**
 * An incident's postmortem as the API shows it.
 *
 * @param owner the handle of who owns it; null when nobody does (see {@code
 *     PostmortemRecord.owner})
 */
public record PostmortemJson(
    String incidentId,
    PostmortemStatus status,
    Instant dueAt,
    String owner,
    String jiraKey,
    String jiraUrl,
    String publishedUrl,
    String summary,
    String publishedBy,
    Instant publishedAt) {

  public static PostmortemJson of(PostmortemRecord record) {
    return new PostmortemJson(
        "INC-" + record.incidentNumber(),
        record.status(),
        record.dueAt(),
        record.owner(),
        record.jiraKey(),
        record.jiraUrl(),
        record.publishedUrl(),
        record.summary(),
        record.publishedBy(),
        record.publishedAt());
  }
}
