package dev.incidentflow.workflows.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Where a postmortem stands: scheduled (due later), overdue, or published. */
public enum PostmortemStatus {
  SCHEDULED,
  OVERDUE,
  PUBLISHED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static PostmortemStatus fromWire(String text) {
    return parse(text)
        .orElseThrow(() -> new IllegalArgumentException("unknown postmortem status: " + text));
  }

  public static Optional<PostmortemStatus> parse(String text) {
    return WireNames.parse(PostmortemStatus.class, text);
  }
}
