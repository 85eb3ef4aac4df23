package dev.incidentflow.workflows.activities;

/** The number an incident got from the database sequence; its id is {@code INC-<number>}. */
public record IncidentNumber(long number) {

  public IncidentNumber {
    if (number < 1) {
      throw new IllegalArgumentException("incident numbers start at 1: " + number);
    }
  }

  public String id() {
    return "INC-" + number;
  }

  /**
   * Parses {@code INC-42} (case-insensitively) or a bare {@code 42}, in ASCII digits only: {@link
   * Long#parseLong} reads any script's digits, and {@code INC-\u0661} was INC-1.
   */
  public static java.util.Optional<IncidentNumber> parse(String id) {
    if (id == null) {
      return java.util.Optional.empty();
    }
    String digits = id.regionMatches(true, 0, "INC-", 0, 4) ? id.substring(4) : id;
    if (digits.isEmpty()
        || digits.length() > 18
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return java.util.Optional.empty();
    }
    long number = Long.parseLong(digits);
    return number < 1
        ? java.util.Optional.empty()
        : java.util.Optional.of(new IncidentNumber(number));
  }
}
