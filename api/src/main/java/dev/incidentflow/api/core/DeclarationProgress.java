package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

/**
 * Where a declaration stands, as its workflow tells it.
 *
 * @param incidentId the incident it opened ({@code INC-<n>}) when {@link Stage#OPENED}, else null
 */
public record DeclarationProgress(String workflowId, Stage stage, String incidentId) {
  public DeclarationProgress {
    requireNonNull(workflowId, "workflowId is null");
    requireNonNull(stage, "stage is null");
    if ((stage == Stage.OPENED) != (incidentId != null)) {
      throw new IllegalArgumentException(
          "an incident id goes with OPENED and only with it, not " + stage + " " + incidentId);
    }
  }

  /** What the declaration's workflow has done so far. */
  public enum Stage {
    /** Temporal has no workflow of that id (never started, or past its retention). */
    UNKNOWN,
    /** Its workflow runs and has not numbered its incident yet. */
    OPENING,
    /** Its incident has its number, whatever has become of the incident since. */
    OPENED,
    /** Its workflow ended (terminated, failed, timed out) without an incident it can name. */
    ENDED
  }
}
