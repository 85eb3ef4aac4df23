package dev.incidentflow.api.json;

/**
 * What the Jira webhook did with an event.
 *
 * @param matched the action item ({@code AI-<n>}) or incident ({@code INC-<n>}, its postmortem) the
 *     issue belongs to, or null
 * @param action {@code signaled}, {@code reopened} or {@code ignored}
 */
public record JiraWebhookAnswer(String issueKey, String matched, String action) {}
