package dev.incidentflow.workflows.postmortem;

import java.time.Instant;

/**
 * How an action item's run ended: done at {@code doneAt}, in Jira or (with no {@code jiraStatus})
 * by a person in IncidentFlow; or, with every other field null, refused because its incident was
 * over (see {@link ActionItemAdmission}).
 *
 * @param refusal why the item was refused; null unless it was
 */
public record ActionItemOutcome(
    String id, String jiraKey, String jiraStatus, Instant doneAt, String refusal) {

  static ActionItemOutcome refused(String refusal) {
    return new ActionItemOutcome(null, null, null, null, refusal);
  }
}
