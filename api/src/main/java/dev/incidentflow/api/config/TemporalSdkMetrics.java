package dev.incidentflow.api.config;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.DefaultSettableGauge;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricFilter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.SettableGauge;
import com.uber.m3.tally.Buckets;
import com.uber.m3.tally.Capabilities;
import com.uber.m3.tally.CapableOf;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.StatsReporter;
import com.uber.m3.util.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal SDK's own metrics (its worker's cache, pollers, task latencies) in the application's
 * metric registry, so that they show on the admin port's {@code /metrics} with the rest. The SDK
 * reports through tally; this is tally's reporter for Dropwizard's registry. A metric's tags go
 * into its name, sorted: {@code temporal_sticky_cache_miss{namespace=default,task_queue=incidents,
 * worker_type=WorkflowWorker}}.
 *
 * <p>Counters add up what tally reports, gauges keep its last value, timers take each duration.
 * Histograms (the SDK itself makes none in 1.38; workflow code could) become a counter per bucket,
 * its upper bound in an {@code le} tag. A metric the registry cannot take (its name already another
 * kind of metric) is logged once and left out.
 */
public final class TemporalSdkMetrics implements StatsReporter {
  /** How often tally hands the SDK's values over: the registry is at most this far behind. */
  private static final java.time.Duration REPORT_EVERY = java.time.Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(TemporalSdkMetrics.class);

  private final MetricRegistry registry;
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  TemporalSdkMetrics(MetricRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
  }

  /** A tally scope for {@code WorkflowServiceStubsOptions.setMetricsScope}; close it at the end. */
  public static Scope scope(MetricRegistry registry) {
    return new RootScopeBuilder()
        .reporter(new TemporalSdkMetrics(registry))
        .reportEvery(
            Duration.ofMillis(REPORT_EVERY.toMillis()),
            (thread, e) -> log.warn("reporting the Temporal SDK's metrics failed", e));
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

  /** Every metric named {@code name}, whatever its tags. */
  public static MetricFilter named(String name) {
    return (metricName, metric) -> metricName.equals(name) || metricName.startsWith(name + "{");
  }

  /** The sum of every counter named {@code name} whatever its tags, 0 if there is none yet. */
  public static long counterTotal(MetricRegistry registry, String name) {
    return registry.getCounters(named(name)).values().stream()
        .mapToLong(counter -> counter.getCount())
        .sum();
  }

  @Override
  public void reportCounter(String name, Map<String, String> tags, long value) {
    safely(name, () -> registry.counter(name(name, tags)).inc(value));
  }

  @Override
  public void reportGauge(String name, Map<String, String> tags, double value) {
    safely(
        name,
        () -> {
          Gauge<?> gauge =
              registry.<Gauge<?>>gauge(
                  name(name, tags), () -> new DefaultSettableGauge<Double>(0.0));
          if (gauge instanceof SettableGauge<?> settable) {
            @SuppressWarnings("unchecked") // ours, made above with a Double
            SettableGauge<Double> ours = (SettableGauge<Double>) settable;
            ours.setValue(value);
          } else {
            throw new IllegalStateException("another metric of that name is not a gauge we set");
          }
        });
  }

  @Override
  public void reportTimer(String name, Map<String, String> tags, Duration interval) {
    safely(
        name,
        () -> registry.timer(name(name, tags)).update(interval.getNanos(), TimeUnit.NANOSECONDS));
  }

  /** One counter per bucket, its upper bound in an {@code le} tag (as Prometheus has them). */
  @Override
  @SuppressWarnings({"rawtypes", "deprecation"}) // tally's own signature
  public void reportHistogramValueSamples(
      String name,
      Map<String, String> tags,
      Buckets buckets,
      double bucketLowerBound,
      double bucketUpperBound,
      long samples) {
    String le =
        Double.isInfinite(bucketUpperBound) || bucketUpperBound == Double.MAX_VALUE
            ? "+Inf"
            : Double.toString(bucketUpperBound);
    reportCounter(name, withTag(tags, "le", le), samples);
  }

  /** One counter per bucket, its upper bound in seconds in an {@code le} tag. */
  @Override
  @SuppressWarnings({"rawtypes", "deprecation"}) // tally's own signature
  public void reportHistogramDurationSamples(
      String name,
      Map<String, String> tags,
      Buckets buckets,
      Duration bucketLowerBound,
      Duration bucketUpperBound,
      long samples) {
    String le =
        bucketUpperBound.equals(Duration.MAX_VALUE)
            ? "+Inf"
            : Double.toString(bucketUpperBound.getSeconds());
    reportCounter(name, withTag(tags, "le", le), samples);
  }

  private static Map<String, String> withTag(Map<String, String> tags, String key, String value) {
    Map<String, String> with = new TreeMap<>(tags == null ? Map.of() : tags);
    with.put(key, value);
    return with;
  }

  /**
   * Runs one report, which tally may make on the SDK's own threads (timers): a metric the registry
   * cannot take (its name taken by another kind) is logged once and left out, never thrown there.
   */
  private void safely(String name, Runnable report) {
    try {
      report.run();
    } catch (RuntimeException e) {
      if (refused.add(name)) {
        log.warn("Temporal SDK metric {} is not reported: {}", name, e.toString());
      }
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
