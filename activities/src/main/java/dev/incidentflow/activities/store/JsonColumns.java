package dev.incidentflow.activities.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Converts the string maps kept in {@code jsonb} columns (roles, event data) to and from JSON. */
final class JsonColumns {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().registerModule(new JavaTimeModule());
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private JsonColumns() {}

  /** The map as a JSON object, without NUL characters (see {@link NulFreeText}). */
  static String write(Map<String, String> map) {
    Map<String, String> text = new LinkedHashMap<>();
    if (map != null) {
      map.forEach((key, value) -> text.put(NulFreeText.of(key), NulFreeText.of(value)));
    }
    try {
      return MAPPER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a map as JSON", e);
    }
  }

  /** Reads a JSON object; SQL NULL reads as an empty map. */
  static Map<String, String> read(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      Map<String, String> map = MAPPER.readValue(json, STRING_MAP);
      if (map == null) {
        return Map.of();
      }
      map.values().removeIf(Objects::isNull);
      return Map.copyOf(map);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored JSON is not an object of strings: " + json, e);
    }
  }
}
