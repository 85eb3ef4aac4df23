package dev.incidentflow.workflows.model;

import java.util.Locale;
import java.util.Optional;

/** Enum constants as they travel in JSON, YAML and URLs: case-insensitive names. */
final class WireNames {
  private WireNames() {}

  /** The constant named {@code text} (trimmed, any case), or empty. */
  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
