package dev.incidentflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/**
 * Opens a new incident in one activity: the lookups and the record it starts with, and one attempt
 * at its first page, so that the page leaves with the first activity of the incident instead of
 * after a round of local activities.
 */
@ActivityInterface
public interface OpeningActivities {

  /**
   * Records {@code incident} (idempotently, see {@link IncidentStoreActivities#recordIncident}),
   * staffs it as {@link DirectoryActivities#staffing} does for {@code query}, and tries once, for a
   * short while, to send its first escalation step's pages. A page that fails or takes too long is
   * left out of {@link Opening#paged()}, for the workflow to send the usual way; the lookups and
   * the record are retried like any activity. A record that fails (the database is down) still
   * tries the page, without the incident's number and under a key of the incident's first run,
   * before the opening fails; the attempt that records it pages under that key again and returns it
   * as {@link Opening#firstPageKey()}.
   */
  Opening openIncident(NewIncident incident, ResponderQuery query);
}
