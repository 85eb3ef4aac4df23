package dev.incidentflow.api.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidentflow.api.core.AlertWorkflowIds;
import java.util.OptionalInt;

/**
 * Alertmanager webhook bodies (version 4) for the benchmark's alert groups. Each group's title
 * carries a marker, {@code [bench:<run>:<phase>:<n>]}, that the incident keeps and the page's
 * summary repeats, so a page can be tied to the alert that caused it across a run and a phase.
 */
final class AlertPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SERVICE = "checkout";

  private final String run;

  AlertPayloads(String run) {
    this.run = requireNonNull(run, "run is null");
  }

  /**
   * The marker of group {@code n} of {@code phase}, closed so that group 1 never matches group 10.
   */
  String marker(String phase, int n) {
    return "[bench:" + run + ":" + phase + ":" + n + "]";
  }

  /** The prefix every marker of {@code phase} starts with. */
  String phasePrefix(String phase) {
    return "[bench:" + run + ":" + phase + ":";
  }

  /** The group {@code n} whose marker of {@code phase} {@code text} carries, if any. */
  OptionalInt groupIn(String text, String phase) {
    String prefix = phasePrefix(phase);
    int start = text.indexOf(prefix);
    int end = start < 0 ? -1 : text.indexOf(']', start);
    if (end < 0) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(text.substring(start + prefix.length(), end)));
    } catch (NumberFormatException notOurs) {
      return OptionalInt.empty();
    }
  }

  String groupKey(String phase, int n) {
    return "{}:{alertname=\"IncidentFlowBench\", bench=\""
        + run
        + "\", phase=\""
        + phase
        + "\", group=\""
        + n
        + "\"}";
  }

  /** The workflow id the application gives the group's incident. */
  String workflowId(String phase, int n) {
    return AlertWorkflowIds.of("alertmanager", groupKey(phase, n));
  }

  /** A firing delivery of group {@code n}; {@code severity} is an alert label the policy maps. */
  String firing(String phase, int n, String severity) {
    ObjectNode body = JSON.createObjectNode();
    body.put("version", "4");
    body.put("groupKey", groupKey(phase, n));
    body.put("truncatedAlerts", 0);
    body.put("status", "firing");
    body.put("receiver", "incidentflow");
    ObjectNode groupLabels = body.putObject("groupLabels");
    groupLabels.put("alertname", "IncidentFlowBench");
    groupLabels.put("group", Integer.toString(n));
    ObjectNode labels = body.putObject("commonLabels");
    labels.put("alertname", "IncidentFlowBench");
    labels.put("service", SERVICE);
    labels.put("severity", severity);
    labels.put("bench", run);
    labels.put("group", Integer.toString(n));
    ObjectNode annotations = body.putObject("commonAnnotations");
    annotations.put("summary", marker(phase, n) + " benchmark " + phase + " group " + n);
    annotations.put("description", "Synthetic alert sent by incidentflow bench");
    body.put("externalURL", "http://alertmanager.bench.invalid:9093");
    ArrayNode alerts = body.putArray("alerts");
    ObjectNode alert = alerts.addObject();
    alert.put("status", "firing");
    alert.set("labels", labels.deepCopy().put("instance", "bench-" + n));
    alert
        .putObject("annotations")
        .put("summary", marker(phase, n) + " benchmark " + phase + " group " + n);
    alert.put("startsAt", "2026-01-01T00:00:00Z");
    alert.put("endsAt", "0001-01-01T00:00:00Z");
    alert.put("generatorURL", "http://prometheus.bench.invalid:9090/graph");
    alert.put("fingerprint", String.format("%016x", (long) n));
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }
}
