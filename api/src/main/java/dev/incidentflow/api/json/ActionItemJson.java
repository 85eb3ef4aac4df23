package dev.incidentflow.api.json;

import dev.incidentflow.activities.store.ActionItemRow;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.postmortem.ActionItemView;
import java.time.LocalDate;

/** An action item as the API shows it. */
public record ActionItemJson(
    String id,
    String incidentId,
    String title,
    String owner,
    LocalDate due,
    ActionItemKind kind,
    ActionItemStatus status,
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
        row.jiraKey(),
        row.jiraUrl());
  }

  public static ActionItemJson of(ActionItemView view) {
    return new ActionItemJson(
        view.id(),
        view.incidentId(),
        view.title(),
        view.owner(),
        view.due(),
        view.kind(),
        view.status(),
        view.jiraKey(),
        view.jiraUrl());
  }
}
