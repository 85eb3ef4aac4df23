package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.incidentflow.workflows.model.PostmortemStatus;
import java.time.Instant;

/**
 * An incident's postmortem as stored.
 *
 * @param jiraKey null until the issue exists (Jira refused it, or is down)
 * @param publishedUrl where the published postmortem is, once published
 * @param owner the handle of whoever owns it ({@code PostmortemInput.owner}); null when it has no
 *     owner, or was saved before owners were stored and its incident had no commander. Unknown
 *     fields are ignored, so a worker older than a field added later still saves what it knows.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostmortemRecord(
    long incidentNumber,
    String workflowId,
    PostmortemStatus status,
    Instant dueAt,
    String jiraKey,
    String jiraUrl,
    String publishedUrl,
    String summary,
    String publishedBy,
    Instant publishedAt,
    String owner) {

  public PostmortemRecord {
    if (incidentNumber < 1) {
      throw new IllegalArgumentException("incident numbers start at 1: " + incidentNumber);
    }
    requireNonNull(workflowId, "workflowId is null");
    requireNonNull(status, "status is null");
    requireNonNull(dueAt, "dueAt is null");
  }
}
