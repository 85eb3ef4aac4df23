package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FloorProbeTest {

  @Test
  void stormFloorWorkflowsExpectTheDeliveriesDealtToThemRoundRobin() {
    assertThat(IntStream.range(0, 3).map(g -> FloorProbe.deliveriesTo(g, 10, 3)))
        .containsExactly(4, 3, 3);
    assertThat(IntStream.range(0, 4).map(g -> FloorProbe.deliveriesTo(g, 8, 4)))
        .containsExactly(2, 2, 2, 2);
  }
}
