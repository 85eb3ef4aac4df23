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
 * @param doneBy who marked it done: a person's handle, or {@code jira} when its issue was closed
 *     there; null while it is not done (or for an item a worker older than it saved done)
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
    String doneBy,
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
        row.doneBy(),
        row.jiraKey(),
        row.jiraUrl());
  }

  /**
   * An item as its workflow answers, which does not say when it was done or by whom.
   *
   * @param stored the item as stored, which does once its workflow saved it done (a moment after
   *     the view says done); null when it is not done
   */
  public static ActionItemJson of(ActionItemView view, ActionItemRow stored) {
    boolean savedDone = stored != null && stored.status() == ActionItemStatus.DONE;
    return new ActionItemJson(
        view.id(),
        view.incidentId(),
        view.title(),
        view.owner(),
        view.due(),
        view.kind(),
        view.status(),
        savedDone ? stored.doneAt() : null,
        savedDone ? stored.doneBy() : null,
        view.jiraKey(),
        view.jiraUrl());
  }
}
