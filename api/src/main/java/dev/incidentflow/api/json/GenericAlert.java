package dev.incidentflow.api.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/alerts}: an alert from any source that can send JSON. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenericAlert(
    String dedupKey,
    String status,
    String service,
    String severity,
    String title,
    String description,
    Map<String, String> labels,
    List<String> links) {

  public GenericAlert {
    labels = JsonNulls.without(labels);
    links = JsonNulls.without(links);
  }
}
