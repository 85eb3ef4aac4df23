package dev.incidentflow.activities.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What {@code GET /v1/metrics/incidents} groups incidents by. */
public enum MetricsGroupBy {
  SEVERITY,
  SERVICE,
  /** The owning team of the incident's service in the catalog as it is now. */
  TEAM,
  /** {@code alert} (Alertmanager, Grafana, generic) or {@code declared} by a person. */
  SOURCE,
  COMMANDER,
  /** The hour of day (UTC) the incident was triggered, {@code 00} to {@code 23}. */
  HOUR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<MetricsGroupBy> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(value -> value.wireName().equals(wanted)).findFirst();
  }

  /** The wire names, comma separated, for messages that list the choices. */
  public static String choices() {
    return Arrays.stream(values()).map(MetricsGroupBy::wireName).collect(Collectors.joining(", "));
  }
}
