package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.model.PostmortemStatus;
import java.time.Instant;

/** The answer to a postmortem's update or query: where it stands now. */
public record PostmortemView(
    String incidentId,
    PostmortemStatus status,
    Instant dueAt,
    String jiraKey,
    String jiraUrl,
    String publishedUrl) {}
