package dev.incidentflow.api.config;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.DefaultSettableGauge;
import com.codahale.metrics.MetricRegistry;
import com.uber.m3.tally.Buckets;
import com.uber.m3.tally.Capabilities;
import com.uber.m3.tally.CapableOf;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.StatsReporter;
import com.uber.m3.util.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Temporal SDK's own metrics (its worker's cache, pollers, task latencies) in the application's
 * metric registry, so that they show on the admin port's {@code /metrics} with the rest. The SDK
 * reports through tally; this is tally's reporter for Dropwizard's registry. A metric's tags go
 * into its name, sorted: {@code temporal_sticky_cache_miss{namespace=default,task_queue=incidents,
 * worker_type=WorkflowWorker}}.
 *
 * <p>Counters add up what tally reports, gauges keep its last value, timers take each duration.
 * Histograms (the SDK itself makes none in 1.38; workflow code could) take each bucket's upper
 * bound once per sample in it.
 */
public final class TemporalSdkMetrics implements StatsReporter {
  /** How often tally hands the SDK's values over: the registry is at most this far behind. */
  private static final java.time.Duration REPORT_EVERY = java.time.Duration.ofSeconds(1);

  private final MetricRegistry registry;

  TemporalSdkMetrics(MetricRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
  }

  /** A tally scope for {@code WorkflowServiceStubsOptions.setMetricsScope}; close it at the end. */
  public static Scope scope(MetricRegistry registry) {
    return new RootScopeBuilder()
        .reporter(new TemporalSdkMetrics(registry))
        .reportEvery(Duration.ofMillis(REPORT_EVERY.toMillis()));
  }

  /** The registry's name for a tally metric. */
  public static String name(String name, Map<String, String> tags) {
    if (tags == null || tags.isEmpty()) {
      return name;
    }
    return new TreeMap<>(tags)
        .entrySet().stream()
            .map(tag -> tag.getKey() + "=" + tag.getValue())
            .collect(Collectors.joining(",", name + "{", "}"));
  }

  /** The sum of every counter named {@code name} whatever its tags, 0 if there is none yet. */
  public static long counterTotal(MetricRegistry registry, String name) {
    return registry
        .getCounters(
            (metricName, metric) -> metricName.equals(name) || metricName.startsWith(name + "{"))
        .values()
        .stream()
        .mapToLong(counter -> counter.getCount())
        .sum();
  }

  @Override
  public void reportCounter(String name, Map<String, String> tags, long value) {
    registry.counter(name(name, tags)).inc(value);
  }

  @Override
  public void reportGauge(String name, Map<String, String> tags, double value) {
    registry.gauge(name(name, tags), () -> new DefaultSettableGauge<>(0.0)).setValue(value);
  }

  @Override
  public void reportTimer(String name, Map<String, String> tags, Duration interval) {
    registry.timer(name(name, tags)).update(interval.getNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  @SuppressWarnings({"rawtypes", "deprecation"}) // tally's own signature
  public void reportHistogramValueSamples(
      String name,
      Map<String, String> tags,
      Buckets buckets,
      double bucketLowerBound,
      double bucketUpperBound,
      long samples) {
    var histogram = registry.histogram(name(name, tags));
    for (long i = 0; i < samples; i++) {
      histogram.update((long) bucketUpperBound);
    }
  }

  @Override
  @SuppressWarnings({"rawtypes", "deprecation"}) // tally's own signature
  public void reportHistogramDurationSamples(
      String name,
      Map<String, String> tags,
      Buckets buckets,
      Duration bucketLowerBound,
      Duration bucketUpperBound,
      long samples) {
    var timer = registry.timer(name(name, tags));
    for (long i = 0; i < samples; i++) {
      timer.update(bucketUpperBound.getNanos(), TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public Capabilities capabilities() {
    return CapableOf.REPORTING_TAGGING;
  }

  @Override
  public void flush() {
    // The registry holds every value as it is reported.
  }

  @Override
  public void close() {
    // Nothing to release: the registry belongs to the application.
  }
}
