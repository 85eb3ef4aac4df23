package dev.incidentflow.api.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One alert of an Alertmanager (version 4) or Grafana webhook; Grafana adds the dashboard and panel
 * links. As for the delivery ({@link AlertmanagerPayload}), only what IncidentFlow reads is bound:
 * {@code endsAt}, {@code fingerprint}, Grafana's {@code silenceURL}, {@code values} and {@code
 * valueString}, and anything newer, are ignored whatever their type.
 *
 * @param startsAt when the alert started firing, as RFC 3339 text; bound as it came, so that a
 *     start of another type or that does not parse is ignored (see {@code AlertMapper}) rather than
 *     refusing the delivery
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertmanagerAlert(
    String status,
    Map<String, String> labels,
    Map<String, String> annotations,
    @JsonProperty("generatorURL") String generatorUrl,
    @JsonProperty("dashboardURL") String dashboardUrl,
    @JsonProperty("panelURL") String panelUrl,
    JsonNode startsAt) {

  public AlertmanagerAlert {
    labels = JsonNulls.without(labels);
    annotations = JsonNulls.without(annotations);
  }
}
