package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.model.Severity;
import java.util.List;
import java.util.Map;

/** What the tests open incidents with: an alert group's first delivery, or a declaration. */
public final class TestIncidents {
  private TestIncidents() {}

  /** Alert group {@code group} of service {@code checkout}, firing at {@code severity}. */
  public static IncidentInput alert(String group, Severity severity) {
    return new IncidentInput(
        "alertmanager",
        group,
        "Checkout error budget burn",
        "5xx ratio 3.2%",
        severity,
        "checkout",
        "system",
        null,
        Map.of(),
        List.of(),
        null);
  }

  /** An incident {@code by} declared, naming {@code commander} (or none when null). */
  public static IncidentInput declared(
      String title, Severity severity, String service, String by, String commander) {
    return new IncidentInput(
        "declared", null, title, "", severity, service, by, commander, Map.of(), List.of(), null);
  }
}
