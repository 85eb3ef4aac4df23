package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.ActionItemStatus;
import java.time.LocalDate;

/** The answer to an action item's update or query: where it stands now. */
public record ActionItemView(
    String id,
    String incidentId,
    String title,
    String owner,
    LocalDate due,
    ActionItemKind kind,
    ActionItemStatus status,
    String jiraKey,
    String jiraUrl) {}
