package dev.incidentflow.api.json;

import dev.incidentflow.activities.store.ActionItemRow;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.postmortem.ActionItemView;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item as the API shows it.
 *
 * @param doneAt when it was done (Jira's time when Jira said, else when its workflow took it); null
 *     while it is not
 */
public record ActionItemJson(
    String id,
    String incidentId,
    String title,
    String owner,
    LocalDate due,
    ActionItemKind kind,
    ActionItemStatus status,
    Instant doneAt,
    String jiraKey,
    String jiraUrl) {

  public static ActionItemJson of(ActionItemRow row) {
    return new ActionItemJson(
        row.id(),
        row.incidentId(),
        row.title(),
        row.owner(),
        row.due(),
        row.kind(),
        row.status(),
        row.doneAt(),
        row.jiraKey(),
        row.jiraUrl());
  }

  /**
   * An item as its workflow answers, which does not say when it was done.
   *
   * @param doneAt when it was done, as stored; null while it is not, or while its workflow has not
   *     saved it done yet
   */
  public static ActionItemJson of(ActionItemView view, Instant doneAt) {
    return new ActionItemJson(
        view.id(),
        view.incidentId(),
        view.title(),
        view.owner(),
        view.due(),
        view.kind(),
        view.status(),
        doneAt,
        view.jiraKey(),
        view.jiraUrl());
  }
}
