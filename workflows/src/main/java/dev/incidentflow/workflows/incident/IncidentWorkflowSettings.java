package dev.incidentflow.workflows.incident;

/**
 * Tunables of the incident workflow implementation.
 *
 * @param continueAsNewAfterEvents continue as new once the history has this many events, well
 *     before Temporal's own limits; tests lower it to exercise the hand-over
 */
public record IncidentWorkflowSettings(int continueAsNewAfterEvents) {

  public IncidentWorkflowSettings {
    if (continueAsNewAfterEvents < 100) {
      throw new IllegalArgumentException("continueAsNewAfterEvents must be at least 100");
    }
  }

  public static IncidentWorkflowSettings defaults() {
    return new IncidentWorkflowSettings(10_000);
  }
}
