package dev.incidentflow.workflows.incident;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.incidentflow.workflows.model.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * @param alertStarts when the delivery's firing alerts started ({@code startsAt}), latest first and
 *     at most {@link #MAX_ALERT_STARTS}: an alert that fires again after it ended starts anew, so a
 *     delivery whose starts are all known is the firing the incident already had, sent again. Empty
 *     when the sender gave none, for resolved deliveries, and in signals sent before it was added
 * @param warnings what was left out of the delivery to take the rest (an alert whose severity label
 *     the policy does not know), as its sender was told; empty in signals sent before it was added
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
    List<String> links,
    List<Instant> alertStarts,
    List<String> warnings) {

  /**
   * The most starts a delivery carries: a group of thousands of alerts would otherwise make every
   * signal, and the incident's carried state, as large.
   */
  public static final int MAX_ALERT_STARTS = 100;

  public AlertEvent {
    requireNonNull(source, "source is null");
    requireNonNull(dedupKey, "dedupKey is null");
    requireNonNull(at, "at is null");
    title = title == null ? "" : title;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    links = links == null ? List.of() : List.copyOf(links);
    alertStarts =
        alertStarts == null
            ? List.of()
            : alertStarts.stream()
                .filter(Objects::nonNull)
                .distinct()
                .sorted(Comparator.reverseOrder())
                .limit(MAX_ALERT_STARTS)
                .toList();
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
