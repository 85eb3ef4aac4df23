package dev.incidentflow.workflows.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Why an action item exists: it removes a root cause, or it improves detection or response. */
public enum ActionItemKind {
  ROOT_CAUSE,
  IMPROVEMENT;

  /** {@code root_cause} or {@code improvement}; also the item's Jira label. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ActionItemKind fromWire(String text) {
    return parse(text)
        .orElseThrow(() -> new IllegalArgumentException("unknown action item kind: " + text));
  }

  public static Optional<ActionItemKind> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().replace('-', '_').toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
