package dev.incidentflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/**
 * The timeline of an incident as workflows other than the incident's own (its postmortem, its
 * action items) see it. The incident workflow numbers its own events; these are numbered by the
 * database in a range of their own, so neither can take the other's sequence numbers.
 */
@ActivityInterface
public interface TimelineActivities {

  /**
   * Appends the entries to the incident's timeline. Idempotent per (incident, entry key): an entry
   * whose key is already stored is skipped, so a retry or a replayed workflow step never records an
   * event twice.
   */
  void appendTimelineEvents(TimelineAppend append);

  /**
   * The incident's whole timeline in the order things happened (time, then sequence), with the
   * deploys before it started as the briefing lists them. Read-only; empty for an incident not
   * recorded.
   */
  IncidentTimeline readTimeline(IncidentNumber incident);
}
