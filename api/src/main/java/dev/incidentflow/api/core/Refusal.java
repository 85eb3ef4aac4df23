package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

/** The workflow said no: {@code conflict} (409) when the state forbids it, else invalid (422). */
public final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean conflict;

  public Refusal(String message, boolean conflict) {
    super(requireNonNull(message, "message is null"), null, false, false);
    this.conflict = conflict;
  }

  public boolean isConflict() {
    return conflict;
  }
}
