package dev.incidentflow.api.bench;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.incidentflow.api.config.TemporalSdkMetrics;
import java.util.Locale;
import java.util.Optional;

/**
 * The worker's workflow cache as the Temporal SDK counts it (through {@link TemporalSdkMetrics}):
 * workflow tasks that came to the worker's own (sticky) queue and found their workflow in the
 * cache, and those that did not and so fetched and replayed its whole history first. A task that
 * comes with the whole history (a workflow's first, or one whose sticky queue timed out on a real
 * server) replays it too and counts as neither.
 */
record WorkerCache(long hits, long misses, long size) {
  static final String HITS = "temporal_sticky_cache_hit";
  static final String MISSES = "temporal_sticky_cache_miss";
  static final String SIZE = "temporal_sticky_cache_size";

  static Optional<WorkerCache> read(Optional<MetricRegistry> metrics) {
    return metrics.map(
        registry ->
            new WorkerCache(
                TemporalSdkMetrics.counterTotal(registry, HITS),
                TemporalSdkMetrics.counterTotal(registry, MISSES),
                registry.getGauges(TemporalSdkMetrics.named(SIZE)).values().stream()
                    .mapToLong(WorkerCache::longValue)
                    .sum()));
  }

  private static long longValue(Gauge<?> gauge) {
    return gauge.getValue() instanceof Number number ? number.longValue() : 0;
  }

  /** What happened between {@code before} and this reading, with this reading's size. */
  String since(WorkerCache before) {
    long hit = hits - before.hits;
    long missed = misses - before.misses;
    return hit
        + " workflow tasks found their workflow in the worker's cache, "
        + missed
        + " did not and replayed its history first ("
        + String.format(Locale.ROOT, "%.1f", 100.0 * missed / Math.max(1, hit + missed))
        + " %); "
        + size
        + " workflows cached at the end";
  }
}
