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
   * An item as its workflow answers, which does not say when it was done: one that is done is shown
   * from its stored row ({@link #of(ActionItemRow)}).
   *
   * @throws IllegalArgumentException when the item is done
   */
  public static ActionItemJson of(ActionItemView view) {
    if (view.status() == ActionItemStatus.DONE) {
      throw new IllegalArgumentException(
          view.id() + " is done: show it from its stored row, which says when");
    }
    return new ActionItemJson(
        view.id(),
        view.incidentId(),
        view.title(),
        view.owner(),
        view.due(),
        view.kind(),
        view.status(),
        null,
        view.jiraKey(),
        view.jiraUrl());
  }
}
