package dev.incidentflow.api.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The Alertmanager webhook body (version 4), which Grafana's unified alerting also sends with a few
 * fields of its own ({@code title}, {@code state}, {@code message}, {@code orgId}). Unknown fields
 * are ignored so that newer senders keep working, and so are nulls (see {@link JsonNulls}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertmanagerPayload(
    String version,
    String groupKey,
    Integer truncatedAlerts,
    String status,
    String receiver,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    @JsonProperty("externalURL") String externalUrl,
    List<AlertmanagerAlert> alerts,
    String title,
    String state,
    String message,
    Long orgId) {

  public AlertmanagerPayload {
    groupLabels = JsonNulls.without(groupLabels);
    commonLabels = JsonNulls.without(commonLabels);
    commonAnnotations = JsonNulls.without(commonAnnotations);
    alerts = JsonNulls.without(alerts);
  }
}
