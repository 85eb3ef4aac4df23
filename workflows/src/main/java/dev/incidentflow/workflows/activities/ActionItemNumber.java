package dev.incidentflow.workflows.activities;

import java.util.Optional;

/** The number an action item got from the database sequence; its id is {@code AI-<number>}. */
public record ActionItemNumber(long number) {

  public ActionItemNumber {
    if (number < 1) {
      throw new IllegalArgumentException("action item numbers start at 1: " + number);
    }
  }

  public String id() {
    return "AI-" + number;
  }

  /** Parses {@code AI-12} (case-insensitively) or a bare {@code 12}. */
  public static Optional<ActionItemNumber> parse(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String digits = id.regionMatches(true, 0, "AI-", 0, 3) ? id.substring(3) : id;
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    long number = Long.parseLong(digits);
    return number < 1 ? Optional.empty() : Optional.of(new ActionItemNumber(number));
  }
}
