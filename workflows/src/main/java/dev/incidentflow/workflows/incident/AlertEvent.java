package dev.incidentflow.workflows.incident;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.incidentflow.workflows.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One delivery of an alert group, firing or resolved, as a signal to the incident it belongs to.
 *
 * <p>Fields a later version adds are ignored on reading, so a worker still on this version takes
 * the signals of a newer API (Temporal's Jackson mapper refuses unknown fields otherwise, and the
 * signal is dropped).
 *
 * @param source {@code alertmanager}, {@code grafana} or {@code generic}
 * @param dedupKey the group key; the incident's workflow id is derived from it
 * @param severityLabel the delivery's {@code severity} label as sent
 * @param severity the severity the delivery maps to under the policy (the worst of its alerts still
 *     firing); null when none maps, and in signals sent before it was added
 * @param alertCount how many alerts the delivery carried
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertEvent(
    boolean firing,
    String source,
    String dedupKey,
    String title,
    String severityLabel,
    Severity severity,
    Instant at,
    int alertCount,
    Map<String, String> labels,
    List<String> links) {

  public AlertEvent {
    requireNonNull(source, "source is null");
    requireNonNull(dedupKey, "dedupKey is null");
    requireNonNull(at, "at is null");
    title = title == null ? "" : title;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    links = links == null ? List.of() : List.copyOf(links);
  }
}
