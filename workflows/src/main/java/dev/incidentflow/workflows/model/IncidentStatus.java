package dev.incidentflow.workflows.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Lifecycle statuses. The progress statuses are ordered: an incident that is {@link #IDENTIFIED}
 * has also reached {@link #ACKNOWLEDGED}. {@link #CANCELED} (a false alarm) and {@link #CLOSED} are
 * terminal.
 */
public enum IncidentStatus {
  TRIGGERED(0),
  ACKNOWLEDGED(1),
  IDENTIFIED(2),
  MITIGATED(3),
  RESOLVED(4),
  CLOSED(5),
  CANCELED(6);

  private final int rank;

  IncidentStatus(int rank) {
    this.rank = rank;
  }

  /** True when this status is at or past {@code other} in the progress order. */
  public boolean hasReached(IncidentStatus other) {
    if (this == CANCELED || other == CANCELED) {
      return this == other;
    }
    return rank >= other.rank;
  }

  /** Still being worked on: neither resolved nor ended. */
  public boolean isActive() {
    return rank < RESOLVED.rank;
  }

  public boolean isTerminal() {
    return this == CLOSED || this == CANCELED;
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static IncidentStatus fromWire(String text) {
    return parse(text)
        .orElseThrow(() -> new IllegalArgumentException("unknown incident status: " + text));
  }

  public static Optional<IncidentStatus> parse(String text) {
    return WireNames.parse(IncidentStatus.class, text);
  }
}
