package dev.incidentflow.api.json;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/alerts}: an alert from any source that can send JSON.
 *
 * @param otherFields the fields this format does not have, kept so that a refusal can name them (a
 *     misspelt {@code dedup_key}, an Alertmanager body sent to the wrong path); otherwise ignored
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenericAlert(
    String dedupKey,
    String status,
    String service,
    String severity,
    String title,
    String description,
    Map<String, String> labels,
    List<String> links,
    @JsonAnySetter Map<String, JsonNode> otherFields) {

  public GenericAlert {
    labels = JsonNulls.without(labels);
    links = JsonNulls.without(links);
    // A field sent as null is still a field that was sent: its value may be null here.
    otherFields =
        otherFields == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(otherFields));
  }

  /** The names of the fields this format does not have. */
  public Set<String> otherFieldNames() {
    return otherFields.keySet();
  }
}
