package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.FailureType;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.PostmortemStatus;
import java.util.Optional;

/**
 * Whether an incident takes a new action item. The API answers by this rule at once; recording the
 * item checks it again against the incident and its postmortem as stored, locked for the check, so
 * that an item racing a cancel or a publication is refused rather than chased for nothing.
 */
public final class ActionItemAdmission {

  /** The failure type of a refused recording ({@code PostmortemStoreActivities}). */
  public static final String REFUSED = FailureType.ACTION_ITEM_REFUSED.name();

  private ActionItemAdmission() {}

  /**
   * Why incident {@code incidentId} takes no new action item, or empty when it takes one: it was
   * canceled, or it is closed and its postmortem is missing or published.
   *
   * @param postmortem the status of the incident's postmortem; empty when it has none
   */
  public static Optional<String> refusal(
      String incidentId, IncidentStatus status, Optional<PostmortemStatus> postmortem) {
    if (status == IncidentStatus.CANCELED) {
      return Optional.of(incidentId + " was canceled as a false alarm; it has no action items");
    }
    if (status != IncidentStatus.CLOSED) {
      return Optional.empty();
    }
    if (postmortem.isEmpty()) {
      return Optional.of(incidentId + " is closed and has no open postmortem");
    }
    if (postmortem.get() == PostmortemStatus.PUBLISHED) {
      return Optional.of(incidentId + " is closed and its postmortem is published");
    }
    return Optional.empty();
  }
}
