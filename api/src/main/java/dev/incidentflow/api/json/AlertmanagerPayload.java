package dev.incidentflow.api.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The Alertmanager webhook body (version 4), which Grafana's unified alerting also sends with a few
 * fields of its own ({@code title}, {@code message}, {@code orgId}, {@code state}). Only what
 * IncidentFlow reads is bound: a field it does not read ({@code version}, {@code receiver}, {@code
 * externalURL}, Grafana's {@code state}, and any a newer sender adds) is ignored whatever its type,
 * since Alertmanager does not send a delivery again after a 4xx and an alert refused for a field
 * nobody reads would be lost. Nulls are ignored too (see {@link JsonNulls}).
 *
 * @param truncatedAlerts how many alerts Alertmanager left out of {@code alerts} ({@code
 *     max_alerts}); read leniently, as it only counts
 * @param orgId the Grafana organization that sent the delivery (Grafana only); read leniently
 * @param dedupKey not part of this format: read only to say, when {@code groupKey} is missing, that
 *     the body is a generic alert sent to the wrong path
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertmanagerPayload(
    String groupKey,
    String status,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    List<AlertmanagerAlert> alerts,
    JsonNode truncatedAlerts,
    String title,
    String message,
    JsonNode orgId,
    JsonNode dedupKey) {

  public AlertmanagerPayload {
    groupLabels = JsonNulls.without(groupLabels);
    commonLabels = JsonNulls.without(commonLabels);
    commonAnnotations = JsonNulls.without(commonAnnotations);
    alerts = JsonNulls.without(alerts);
  }
}
