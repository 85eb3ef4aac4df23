package dev.incidentflow.workflows.incident;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * What starts an incident: an alert group's first delivery or a person's declaration.
 *
 * @param source {@code alertmanager}, {@code grafana}, {@code generic} or {@code declared}
 * @param dedupKey the alert group key, or null when declared by hand
 * @param declaredBy the person's handle, or {@code system} for alerts
 * @param commander the commander the declaration named, or null for the on-call primary
 * @param carried the state of the previous run when the workflow continued as new, else null
 */
public record IncidentInput(
    String source,
    String dedupKey,
    String title,
    String description,
    Severity severity,
    String service,
    String declaredBy,
    String commander,
    Map<String, String> labels,
    List<String> links,
    IncidentState carried) {

  public IncidentInput {
    requireNonNull(source, "source is null");
    requireNonNull(title, "title is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(service, "service is null");
    description = description == null ? "" : description;
    declaredBy = declaredBy == null || declaredBy.isBlank() ? "system" : declaredBy;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** The same input at another severity. */
  public IncidentInput atSeverity(Severity other) {
    return new IncidentInput(
        source,
        dedupKey,
        title,
        description,
        other,
        service,
        declaredBy,
        commander,
        labels,
        links,
        carried);
  }

  public IncidentInput continuing(IncidentState state) {
    return new IncidentInput(
        source,
        dedupKey,
        title,
        description,
        severity,
        service,
        declaredBy,
        commander,
        labels,
        links,
        state);
  }
}
