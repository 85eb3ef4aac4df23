package dev.incidentflow.api.json;

/**
 * Body of acknowledge, identify, mitigate, resolve, reopen, cancel and escalate, and of marking an
 * action item done.
 */
public record TransitionRequest(String by, String note) {}
