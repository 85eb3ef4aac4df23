package dev.incidentflow.workflows.postmortem;

import java.time.Instant;

/**
 * How an action item's run ended: done in Jira at {@code doneAt}; every field null when the item
 * was refused because its incident was over (see {@link ActionItemAdmission}).
 */
public record ActionItemOutcome(String id, String jiraKey, String jiraStatus, Instant doneAt) {}
