package dev.incidentflow.api.json;

/** Body of acknowledge, identify, mitigate, resolve, reopen, cancel and escalate. */
public record TransitionRequest(String by, String note) {}
