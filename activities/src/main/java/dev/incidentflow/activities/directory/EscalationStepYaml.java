package dev.incidentflow.activities.directory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of a severity's {@code escalation}, as written.
 *
 * @param targets the YAML key {@code notify}, which a record component cannot be called because it
 *     would clash with {@link Object#notify()}
 */
record EscalationStepYaml(
    String after, String unless, @JsonProperty("notify") List<String> targets) {}
