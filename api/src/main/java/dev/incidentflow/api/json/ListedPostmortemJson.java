package dev.incidentflow.api.json;

import dev.incidentflow.activities.store.ListedPostmortem;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.Severity;
import java.time.Instant;

/**
 * A postmortem as {@code GET /v1/postmortems} lists it: enough of its incident to read the list
 * without a second request per row, and where its action items stand.
 *
 * @param incident the incident's id, {@code INC-<n>}
 * @param status as of the request (see {@link ListedPostmortem#status()})
 * @param owner the handle of who owns it, reminded of it and escalated past when late; null when
 *     nobody does (see {@code PostmortemRecord.owner})
 * @param url where the published postmortem is; null until published
 */
public record ListedPostmortemJson(
    String incident,
    String title,
    Severity severity,
    String service,
    PostmortemStatus status,
    Instant dueAt,
    String owner,
    Instant publishedAt,
    String publishedBy,
    String url,
    String summary,
    String jiraKey,
    String jiraUrl,
    ActionItems actionItems) {

  /** How many of the incident's action items are open, overdue (as of the request) and done. */
  public record ActionItems(int open, int overdue, int done) {}

  public static ListedPostmortemJson of(ListedPostmortem postmortem) {
    return new ListedPostmortemJson(
        postmortem.incidentId(),
        postmortem.title(),
        postmortem.severity(),
        postmortem.service(),
        postmortem.status(),
        postmortem.dueAt(),
        postmortem.owner(),
        postmortem.publishedAt(),
        postmortem.publishedBy(),
        postmortem.publishedUrl(),
        postmortem.summary(),
        postmortem.jiraKey(),
        postmortem.jiraUrl(),
        new ActionItems(
            postmortem.openActionItems(),
            postmortem.overdueActionItems(),
            postmortem.doneActionItems()));
  }
}
