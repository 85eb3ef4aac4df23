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
    Scope incidents = scope.tagged(Map.of("task_queue", "incidents"));
    incidents.counter("temporal_sticky_cache_hit").inc(2);
    incidents.counter("temporal_sticky_cache_hit").inc(3);
    scope.tagged(Map.of("task_queue", "bench-floor")).counter("temporal_sticky_cache_hit").inc(4);
    incidents.gauge("temporal_sticky_cache_size").update(7);
    incidents.timer("temporal_workflow_task_execution_latency").record(Duration.ofMillis(12));
    scope.close(); // reports what is left

    assertThat(registry.counter("temporal_sticky_cache_hit{task_queue=incidents}").getCount())
        .isEqualTo(5);
    assertThat(registry.counter("temporal_sticky_cache_hit{task_queue=bench-floor}").getCount())
        .isEqualTo(4);
    assertThat(
            registry.getGauges().get("temporal_sticky_cache_size{task_queue=incidents}").getValue())
        .isEqualTo(7.0);
    assertThat(
            registry
                .timer("temporal_workflow_task_execution_latency{task_queue=incidents}")
                .getSnapshot()
                .getMax())
        .isEqualTo(TimeUnit.MILLISECONDS.toNanos(12));
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
