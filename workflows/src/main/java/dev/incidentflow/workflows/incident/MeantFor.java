package dev.incidentflow.workflows.incident;

/**
 * A change addressed to one incident. An alert group's incidents run one after another under one
 * workflow id, and an Update without a run id reaches whichever runs now: a change meant for an
 * incident that has ended (closed, canceled, or its run terminated from Temporal UI) would land on
 * the next one. The workflow refuses a change whose {@link #incident()} is not the incident it
 * runs.
 */
public interface MeantFor {

  /** The incident the change is meant for, e.g. {@code INC-5}; null for whichever runs now. */
  String incident();

  /** The incident id, or null when blank. */
  static String normalize(String incident) {
    return incident == null || incident.isBlank() ? null : incident.strip();
  }
}
