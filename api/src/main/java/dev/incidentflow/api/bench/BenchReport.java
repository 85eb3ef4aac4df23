package dev.incidentflow.api.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run measured, as rows of a table. A row is a plain figure, a figure held against a
 * performance target (met or missed: reported, never fatal), or a correctness check (ok or FAIL: a
 * failed check makes the command exit non-zero).
 */
public final class BenchReport {

  /** How a row is judged. */
  public enum Verdict {
    NONE(""),
    MET("met"),
    MISSED("MISSED"),
    OK("ok"),
    FAILED("FAIL");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /**
   * One line of the table.
   *
   * @param actual for a check, the count it found; null otherwise
   */
  public record Row(
      String phase, String figure, String value, String target, Verdict verdict, Long actual) {
    public Row {
      requireNonNull(phase, "phase is null");
      requireNonNull(figure, "figure is null");
      requireNonNull(value, "value is null");
      target = target == null ? "" : target;
      requireNonNull(verdict, "verdict is null");
    }

    public boolean isCheck() {
      return verdict == Verdict.OK || verdict == Verdict.FAILED;
    }
  }

  private final List<String> header = new ArrayList<>();
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  synchronized void header(String line) {
    header.add(requireNonNull(line, "line is null"));
  }

  synchronized void note(String line) {
    notes.add(requireNonNull(line, "line is null"));
  }

  synchronized void figure(String phase, String figure, String value) {
    rows.add(new Row(phase, figure, value, "", Verdict.NONE, null));
  }

  synchronized void target(String phase, String figure, String value, String target, boolean met) {
    rows.add(new Row(phase, figure, value, target, met ? Verdict.MET : Verdict.MISSED, null));
  }

  /** A count that must be exactly {@code expected}. */
  synchronized void check(String phase, String figure, long actual, long expected, String detail) {
    String value = actual + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
    rows.add(
        new Row(
            phase,
            figure,
            value,
            "exactly " + expected,
            actual == expected ? Verdict.OK : Verdict.FAILED,
            actual));
  }

  public synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  public synchronized List<Row> failedChecks() {
    return rows.stream().filter(row -> row.verdict() == Verdict.FAILED).toList();
  }

  public synchronized List<Row> checks() {
    return rows.stream().filter(Row::isCheck).toList();
  }

  /** The check or figure named {@code figure} in {@code phase}. */
  public synchronized Optional<Row> row(String phase, String figure) {
    return rows.stream()
        .filter(row -> row.phase().equals(phase) && row.figure().equals(figure))
        .findFirst();
  }

  /** The table as printed: header lines, then aligned columns, then notes. */
  public synchronized String table() {
    StringBuilder out = new StringBuilder();
    header.forEach(line -> out.append(line).append('\n'));
    out.append('\n');
    int phaseWidth = "phase".length();
    int figureWidth = "figure".length();
    int valueWidth = "value".length();
    int targetWidth = "target".length();
    for (Row row : rows) {
      phaseWidth = Math.max(phaseWidth, row.phase().length());
      figureWidth = Math.max(figureWidth, row.figure().length());
      valueWidth = Math.max(valueWidth, row.value().length());
      targetWidth = Math.max(targetWidth, row.target().length());
    }
    String format =
        "%-"
            + phaseWidth
            + "s | %-"
            + figureWidth
            + "s | %-"
            + valueWidth
            + "s | %-"
            + targetWidth
            + "s | %s%n";
    out.append(String.format(format, "phase", "figure", "value", "target", "verdict"));
    out.append("-".repeat(phaseWidth + figureWidth + valueWidth + targetWidth + 20)).append('\n');
    String previousPhase = null;
    for (Row row : rows) {
      String phase = row.phase().equals(previousPhase) ? "" : row.phase();
      out.append(
          String.format(
              format, phase, row.figure(), row.value(), row.target(), row.verdict().text()));
      previousPhase = row.phase();
    }
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(line -> out.append(line).append('\n'));
    }
    List<Row> failed = failedChecks();
    out.append('\n')
        .append(
            failed.isEmpty()
                ? "All correctness checks passed."
                : failed.size() + " correctness check(s) FAILED.")
        .append('\n');
    return out.toString();
  }
}
