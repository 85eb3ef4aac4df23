package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.errors.Problems;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalog's people, against whom the API checks whoever a request names to own, command or hold
 * a role: someone the catalog lacks gets no direct message, no invitation and no reminder. Names
 * are taken in any case ({@code Alice} is the catalog's {@code alice}).
 */
public final class People {
  private final Function<String, Optional<String>> handles;

  /**
   * @param handles the catalog's handle for a name in any case, or empty ({@code Catalog#handleOf})
   */
  public People(Function<String, Optional<String>> handles) {
    this.handles = requireNonNull(handles, "handles is null");
  }

  /** Adds a problem when {@code name} is given but names nobody in the catalog. */
  public Problems check(Problems problems, String field, String name) {
    if (!Problems.isBlank(name) && handles.apply(name).isEmpty()) {
      problems.add(field + " '" + name.trim() + "' is not a person in the catalog");
    }
    return problems;
  }

  /** Whether {@code name} names a person in the catalog, in any case. */
  public boolean knows(String name) {
    return !Problems.isBlank(name) && handles.apply(name).isPresent();
  }

  /**
   * The catalog's handle for {@code name}, which {@link #check} let through; null for a blank one.
   */
  public String handle(String name) {
    return Problems.isBlank(name) ? null : handles.apply(name).orElse(name.trim());
  }
}
