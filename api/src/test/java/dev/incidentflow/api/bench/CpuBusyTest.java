package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuBusyTest {

  @Test
  void describesTheMeanAndTheSecondsAtNinetyPercentOrMore() {
    assertThat(CpuBusy.describe(List.of(1.0, 0.95, 0.9, 0.5)))
        .isEqualTo("mean 84 %, 3 of 4 s at 90 % or more");
  }

  @Test
  void saysWhenNothingWasSampled() {
    assertThat(CpuBusy.describe(List.of())).isEqualTo("not measured");
  }
}
