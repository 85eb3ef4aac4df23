package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BenchLatenciesTest {

  @Test
  void percentilesAreNearestRankSoEveryFigureIsAnObservedSample() {
    Latencies latencies =
        Latencies.ofNanos(LongStream.rangeClosed(1, 1000).map(i -> i * 1_000_000).toArray());

    assertThat(latencies.p50Millis()).isEqualTo(500.0);
    assertThat(latencies.p99Millis()).isEqualTo(990.0);
    assertThat(latencies.maxMillis()).isEqualTo(1000.0);
    assertThat(Latencies.ofNanos(new long[] {7_000_000}).p99Millis()).isEqualTo(7.0);
  }

  @Test
  void summaryNamesTheSampleCountAndSaysWhenThereIsNone() {
    assertThat(Latencies.ofNanos(new long[] {1_500_000, 2_500_000}).summary())
        .isEqualTo("p50 1.50 ms, p99 2.50 ms, max 2.50 ms (n=2)");
    assertThat(Latencies.ofNanos(new long[0]).summary()).isEqualTo("no samples");
  }
}
