package dev.incidentflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/** The incident record in PostgreSQL that powers listing, search and analytics. */
@ActivityInterface
public interface IncidentStoreActivities {

  /**
   * Records a new incident and returns its number from the database sequence. Idempotent per
   * (workflow id, first run id): a retry, or a second call after a lost answer, returns the same
   * number and never makes a second row.
   */
  IncidentNumber recordIncident(NewIncident incident);

  /**
   * Writes the incident's current state and appends its new timeline events. Idempotent: an event
   * whose sequence number is already stored is skipped, and state is overwritten.
   */
  void saveIncident(IncidentSnapshot snapshot);
}
