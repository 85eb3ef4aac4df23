package dev.incidentflow.api.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Alert senders' nulls inside maps and lists ({@code "labels": {"team": null}}, {@code "links":
 * [null]}): a null says nothing, so it is left out rather than refusing, or failing on, the rest of
 * the delivery. A null map or list reads as an empty one.
 */
final class JsonNulls {
  private JsonNulls() {}

  static <V> Map<String, V> without(Map<String, V> map) {
    if (map == null) {
      return Map.of();
    }
    Map<String, V> present = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (key != null && value != null) {
            present.put(key, value);
          }
        });
    return Collections.unmodifiableMap(present);
  }

  static <T> List<T> without(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
