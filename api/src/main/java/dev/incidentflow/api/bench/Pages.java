package dev.incidentflow.api.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Reading the fake PagerDuty's ledger. An escalation step's page has the dedup key {@code
 * incidentflow-INC-<n>-step-<level>} (the incident workflow's idempotency key, stable across
 * retries); the first page is step 0.
 */
final class Pages {
  private Pages() {}

  static String dedupKey(long incidentNumber, int level) {
    return "incidentflow-INC-" + incidentNumber + "-step-" + level;
  }

  static boolean isFirstPage(String dedupKey) {
    return dedupKey.endsWith("-step-0");
  }

  /**
   * Trigger events whose summary carries a marker starting with {@code markerPrefix}, by dedup key.
   */
  static Map<String, List<FakePagerDuty.Arrival>> triggersByKey(
      List<FakePagerDuty.Arrival> arrivals, String markerPrefix) {
    Map<String, List<FakePagerDuty.Arrival>> byKey = new LinkedHashMap<>();
    for (FakePagerDuty.Arrival arrival : arrivals) {
      if (arrival.isTrigger() && arrival.summary().contains(markerPrefix)) {
        byKey.computeIfAbsent(arrival.dedupKey(), ignored -> new ArrayList<>()).add(arrival);
      }
    }
    return byKey;
  }

  /** Distinct first-page keys among the triggers of {@code markerPrefix}. */
  static long firstPages(FakePagerDuty pagerDuty, String markerPrefix) {
    return triggersByKey(pagerDuty.arrivals(), markerPrefix).keySet().stream()
        .filter(Pages::isFirstPage)
        .count();
  }

  /**
   * Polls {@code condition} every 100 ms until it holds or {@code timeout} passes; returns whether
   * it held.
   */
  static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }
}
