package dev.incidentflow.workflows.postmortem;

import java.time.Instant;

/** How an action item's run ended: done in Jira at {@code doneAt}. */
public record ActionItemOutcome(String id, String jiraKey, String jiraStatus, Instant doneAt) {}
