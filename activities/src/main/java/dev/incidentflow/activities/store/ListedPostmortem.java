package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.Severity;
import java.time.Instant;

/**
 * A postmortem as the postmortem library lists it, with what a reader needs of its incident and the
 * state of the incident's action items, all read by one query.
 *
 * @param status published once published; otherwise overdue when its due time has passed at the
 *     list's {@code asOf}, whatever the workflow stored yet (a worker that is down or behind has
 *     not marked it), else scheduled
 * @param owner as {@code PostmortemRecord.owner}
 * @param openActionItems the incident's action items not done and not past due at {@code asOf}
 * @param overdueActionItems those not done whose due day (UTC) ended by {@code asOf}, as the
 *     metrics judge them
 * @param doneActionItems those done, in Jira or marked done by a person
 */
public record ListedPostmortem(
    long incidentNumber,
    String title,
    Severity severity,
    String service,
    PostmortemStatus status,
    Instant dueAt,
    String owner,
    Instant publishedAt,
    String publishedBy,
    String publishedUrl,
    String summary,
    String jiraKey,
    String jiraUrl,
    int openActionItems,
    int overdueActionItems,
    int doneActionItems) {

  public ListedPostmortem {
    requireNonNull(title, "title is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(service, "service is null");
    requireNonNull(status, "status is null");
    requireNonNull(dueAt, "dueAt is null");
  }

  /** {@code INC-<number>}. */
  public String incidentId() {
    return IncidentRecord.idOf(incidentNumber);
  }
}
