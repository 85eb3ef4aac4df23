package dev.incidentflow.api.json;

/**
 * The 202 answer to an alert delivery.
 *
 * @param outcome {@code fired} (started or attached), {@code resolved} (noted on the running
 *     incident) or {@code ignored} (resolved with no running incident)
 */
public record AcceptedAlert(String workflowId, String outcome) {}
