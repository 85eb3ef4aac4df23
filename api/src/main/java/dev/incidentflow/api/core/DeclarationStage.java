package dev.incidentflow.api.core;

/**
 * Where the workflow of a declaration whose incident is not in the store yet stands, as Temporal
 * tells it.
 */
public enum DeclarationStage {
  /** Temporal has no workflow of that id (never started, or past its retention). */
  UNKNOWN,
  /** Its workflow runs and has not recorded its incident yet. */
  OPENING,
  /** Its workflow ended (terminated, failed, timed out) before it recorded an incident. */
  ENDED
}
