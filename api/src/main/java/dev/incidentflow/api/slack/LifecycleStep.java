package dev.incidentflow.api.slack;

/**
 * The lifecycle moves a person makes from Slack; each is one of the incident workflow's Updates.
 */
public enum LifecycleStep {
  ACKNOWLEDGE,
  IDENTIFY,
  MITIGATE,
  RESOLVE,
  REOPEN,
  CANCEL,
  ESCALATE
}
