package dev.incidentflow.api.core;

import dev.incidentflow.activities.store.DurationFigure;
import dev.incidentflow.activities.store.IncidentMetrics;
import dev.incidentflow.activities.store.MetricsGroup;
import dev.incidentflow.activities.store.RateFigure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics as RFC 4180 CSV for spreadsheets: a header, one row per group, then the overall row
 * (group {@code (all)}). Durations are in seconds; an empty cell is a figure without data. The
 * pager load is per person, not per group, and is in the JSON only.
 */
public final class MetricsCsv {
  private static final List<String> DURATIONS =
      List.of("mtta", "mttr", "detection", "triage", "remediation", "verification");
  private static final List<String> RATES =
      List.of(
          "false_alarm",
          "reopen",
          "escalation",
          "repeat",
          "postmortems_on_time",
          "action_items_closed_on_time");

  private MetricsCsv() {}

  public static String of(IncidentMetrics metrics) {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>(List.of(metrics.groupBy().wireName(), "count"));
    for (String duration : DURATIONS) {
      header.addAll(
          List.of(
              duration + "_n",
              duration + "_mean_seconds",
              duration + "_median_seconds",
              duration + "_p95_seconds"));
    }
    for (String rate : RATES) {
      header.addAll(List.of(rate + "_n", rate + "_count", rate + "_rate"));
    }
    line(csv, header);
    for (MetricsGroup group : metrics.groups()) {
      line(csv, row(group.key() == null ? "" : group.key(), group));
    }
    line(csv, row("(all)", metrics.overall()));
    return csv.toString();
  }

  private static List<String> row(String key, MetricsGroup group) {
    List<String> cells = new ArrayList<>(List.of(text(key), Long.toString(group.incidents())));
    for (DurationFigure figure :
        List.of(
            group.mtta(),
            group.mttr(),
            group.detection(),
            group.triage(),
            group.remediation(),
            group.verification())) {
      cells.addAll(
          List.of(
              Long.toString(figure.n()),
              number(figure.meanSeconds()),
              number(figure.medianSeconds()),
              number(figure.p95Seconds())));
    }
    for (RateFigure figure :
        List.of(
            group.falseAlarms(),
            group.reopens(),
            group.escalations(),
            group.repeats(),
            group.postmortemsOnTime(),
            group.actionItemsClosedOnTime())) {
      cells.addAll(
          List.of(Long.toString(figure.n()), Long.toString(figure.count()), number(figure.rate())));
    }
    return cells;
  }

  private static String number(Double value) {
    return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * A group key as a cell. Keys come from people (commander handles, service names), so one that a
   * spreadsheet would run as a formula gets a leading apostrophe, as OWASP advises for CSV exports.
   */
  private static String text(String value) {
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(quoted(cells.get(i)));
    }
    csv.append("\r\n");
  }

  private static String quoted(String cell) {
    if (cell.indexOf(',') < 0
        && cell.indexOf('"') < 0
        && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
