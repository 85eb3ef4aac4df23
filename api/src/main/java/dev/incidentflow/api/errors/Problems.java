package dev.incidentflow.api.errors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem with a request so the answer names all of them at once. */
public final class Problems {
  private final List<String> found = new ArrayList<>();

  /**
   * The earliest day a deploy or a due date can be on. Earlier ones are typing errors, and before
   * 1582 the database's calendar would shift them.
   */
  public static final LocalDate EARLIEST_DAY = LocalDate.of(1970, 1, 1);

  /**
   * The last day a date can name: Jira, ISO 8601 without a sign and the metrics take four-digit
   * years.
   */
  public static final LocalDate LATEST_DAY = LocalDate.of(9999, 12, 31);

  public static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  public Problems requireText(String field, String value) {
    if (isBlank(value)) {
      found.add(field + " is required");
    }
    return this;
  }

  public Problems add(String problem) {
    found.add(problem);
    return this;
  }

  public Problems check(boolean ok, String problem) {
    if (!ok) {
      found.add(problem);
    }
    return this;
  }

  /** Whether no problem was found so far. */
  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws a 422 naming every problem, if there is any. */
  public void throwIfAny(String what) {
    if (!found.isEmpty()) {
      throw ApiException.invalid(what, found);
    }
  }
}
