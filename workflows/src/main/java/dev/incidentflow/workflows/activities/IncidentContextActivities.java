package dev.incidentflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/** The incident library and the deploy log, read when an incident opens to brief responders. */
@ActivityInterface
public interface IncidentContextActivities {

  /**
   * Recent deploys, similar past incidents and whether the incident repeats a closed one.
   * Read-only, so safe to retry; a retry may see deploys recorded in the meantime. Fails (and is
   * retried) when the incident has not been recorded.
   */
  IncidentContext context(ContextQuery query);
}
