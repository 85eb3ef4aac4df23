package dev.incidentflow.api.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One alert of an Alertmanager (version 4) or Grafana webhook. Grafana adds the dashboard and panel
 * links and the query values.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertmanagerAlert(
    String status,
    Map<String, String> labels,
    Map<String, String> annotations,
    String startsAt,
    String endsAt,
    @JsonProperty("generatorURL") String generatorUrl,
    String fingerprint,
    @JsonProperty("dashboardURL") String dashboardUrl,
    @JsonProperty("panelURL") String panelUrl,
    @JsonProperty("silenceURL") String silenceUrl,
    Map<String, Object> values) {

  public AlertmanagerAlert {
    labels = JsonNulls.without(labels);
    annotations = JsonNulls.without(annotations);
  }
}
