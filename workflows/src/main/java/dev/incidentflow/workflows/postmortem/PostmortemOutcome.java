package dev.incidentflow.workflows.postmortem;

/** How a postmortem ended: published by a person, or done in Jira. */
public record PostmortemOutcome(String incidentId, String jiraKey, Publication publication) {}
