package dev.incidentflow.workflows.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Where an action item stands: open, overdue (past its due date), or done in Jira. */
public enum ActionItemStatus {
  OPEN,
  OVERDUE,
  DONE;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ActionItemStatus fromWire(String text) {
    return parse(text)
        .orElseThrow(() -> new IllegalArgumentException("unknown action item status: " + text));
  }

  public static Optional<ActionItemStatus> parse(String text) {
    return WireNames.parse(ActionItemStatus.class, text);
  }
}
