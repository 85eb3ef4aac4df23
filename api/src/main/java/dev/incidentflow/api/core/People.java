package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.errors.Problems;
import java.util.function.Predicate;

/**
 * The catalog's people, against whom the API checks whoever a request names to own, command or hold
 * a role: someone the catalog lacks gets no direct message, no invitation and no reminder.
 */
public final class People {
  private final Predicate<String> known;

  /**
   * @param known whether a handle is a person in the catalog ({@code Catalog#person})
   */
  public People(Predicate<String> known) {
    this.known = requireNonNull(known, "known is null");
  }

  /** Adds a problem when {@code handle} is given but names nobody in the catalog. */
  public Problems check(Problems problems, String field, String handle) {
    if (!Problems.isBlank(handle) && !known.test(handle.trim())) {
      problems.add(field + " '" + handle.trim() + "' is not a person in the catalog");
    }
    return problems;
  }
}
