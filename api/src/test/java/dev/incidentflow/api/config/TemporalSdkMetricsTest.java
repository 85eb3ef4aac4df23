package dev.incidentflow.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.uber.m3.tally.Scope;
import com.uber.m3.util.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TemporalSdkMetricsTest {
  private final MetricRegistry registry = new MetricRegistry();

  @Test
  void aMetricsTagsGoIntoItsNameSorted() {
    assertThat(TemporalSdkMetrics.name("temporal_sticky_cache_miss", Map.of()))
        .isEqualTo("temporal_sticky_cache_miss");
    assertThat(
            TemporalSdkMetrics.name(
                "temporal_sticky_cache_miss",
                Map.of("worker_type", "WorkflowWorker", "namespace", "default")))
        .isEqualTo("temporal_sticky_cache_miss{namespace=default,worker_type=WorkflowWorker}");
  }

  @Test
  void whatTheSdkCountsThroughItsScopeReachesTheRegistryTagged() throws Exception {
    Scope scope = TemporalSdkMetrics.scope(registry);
    try {
      Scope incidents = scope.tagged(Map.of("task_queue", "incidents"));
      incidents.counter("temporal_sticky_cache_hit").inc(2);
      incidents.counter("temporal_sticky_cache_hit").inc(3);
      scope.tagged(Map.of("task_queue", "bench-floor")).counter("temporal_sticky_cache_hit").inc(4);
      incidents.gauge("temporal_sticky_cache_size").update(7);
      incidents.timer("temporal_workflow_task_execution_latency").record(Duration.ofMillis(12));

      // tally reports from its own thread, once a second
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!(registry.counter("temporal_sticky_cache_hit{task_queue=incidents}").getCount() == 5
              && registry.counter("temporal_sticky_cache_hit{task_queue=bench-floor}").getCount()
                  == 4
              && registry
                  .getGauges()
                  .containsKey("temporal_sticky_cache_size{task_queue=incidents}"))
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(registry.counter("temporal_sticky_cache_hit{task_queue=incidents}").getCount())
          .isEqualTo(5);
      assertThat(registry.counter("temporal_sticky_cache_hit{task_queue=bench-floor}").getCount())
          .isEqualTo(4);
      assertThat(
              registry
                  .getGauges()
                  .get("temporal_sticky_cache_size{task_queue=incidents}")
                  .getValue())
          .isEqualTo(7.0);
      // timers are reported as they are recorded
      assertThat(
              registry
                  .timer("temporal_workflow_task_execution_latency{task_queue=incidents}")
                  .getSnapshot()
                  .getMax())
          .isEqualTo(TimeUnit.MILLISECONDS.toNanos(12));
    } finally {
      scope.close();
    }
  }

  @Test
  void aNameTakenByAnotherKindOfMetricIsLeftOutNotThrown() {
    registry.counter("temporal_taken");
    registry.timer("temporal_timer_taken");
    TemporalSdkMetrics reporter = new TemporalSdkMetrics(registry);

    reporter.reportGauge("temporal_taken", Map.of(), 1.0);
    reporter.reportTimer("temporal_taken", Map.of(), Duration.ofMillis(1));
    reporter.reportCounter("temporal_timer_taken", Map.of(), 1);

    assertThat(registry.getGauges()).doesNotContainKey("temporal_taken");
    assertThat(registry.getTimers()).doesNotContainKey("temporal_taken");
    assertThat(registry.getCounters()).doesNotContainKey("temporal_timer_taken");
  }

  @Test
  @SuppressWarnings("deprecation") // tally's bucket types
  void aHistogramIsACounterPerBucketNamedByItsUpperBound() {
    TemporalSdkMetrics reporter = new TemporalSdkMetrics(registry);
    reporter.reportHistogramValueSamples("h", Map.of("task_queue", "incidents"), null, 0, 10, 3);
    reporter.reportHistogramValueSamples(
        "h", Map.of("task_queue", "incidents"), null, 10, Double.MAX_VALUE, 2);
    reporter.reportHistogramDurationSamples(
        "d", Map.of(), null, Duration.ZERO, Duration.ofMillis(500), 4);

    assertThat(registry.counter("h{le=10.0,task_queue=incidents}").getCount()).isEqualTo(3);
    assertThat(registry.counter("h{le=+Inf,task_queue=incidents}").getCount()).isEqualTo(2);
    assertThat(registry.counter("d{le=0.5}").getCount()).isEqualTo(4);
  }

  @Test
  void countersAddUpAcrossReportsAndGaugesKeepTheLastValue() {
    TemporalSdkMetrics reporter = new TemporalSdkMetrics(registry);
    reporter.reportCounter("c", Map.of(), 2);
    reporter.reportCounter("c", Map.of(), 3);
    reporter.reportGauge("g", Map.of(), 1.0);
    reporter.reportGauge("g", Map.of(), 4.0);

    assertThat(registry.counter("c").getCount()).isEqualTo(5);
    assertThat(registry.getGauges().get("g").getValue()).isEqualTo(4.0);
  }

  @Test
  void aCountersTotalSumsItsTagsAndNoOtherCounter() {
    TemporalSdkMetrics reporter = new TemporalSdkMetrics(registry);
    reporter.reportCounter("temporal_sticky_cache_hit", Map.of("task_queue", "a"), 2);
    reporter.reportCounter("temporal_sticky_cache_hit", Map.of("task_queue", "b"), 3);
    reporter.reportCounter("temporal_sticky_cache_hit", Map.of(), 1);
    reporter.reportCounter("temporal_sticky_cache_hit_other", Map.of(), 100);

    assertThat(TemporalSdkMetrics.counterTotal(registry, "temporal_sticky_cache_hit")).isEqualTo(6);
    assertThat(TemporalSdkMetrics.counterTotal(registry, "temporal_sticky_cache_miss")).isZero();
  }
}
