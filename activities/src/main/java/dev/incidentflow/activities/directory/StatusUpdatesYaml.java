package dev.incidentflow.activities.directory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A severity's {@code statusUpdates}, as written.
 *
 * @param every a tree node so that a missing key (Java null) can be told apart from an explicit
 *     {@code every: null} (a null node), which means updates at open and resolve only
 */
record StatusUpdatesYaml(JsonNode every, List<String> audience) {}
