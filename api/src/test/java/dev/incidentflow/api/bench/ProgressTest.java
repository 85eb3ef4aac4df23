package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void aLineOnTheMinuteStillShowsItsSeconds() {
    assertThat(Progress.line(LocalTime.of(0, 20), "reading")).isEqualTo("[bench 00:20:00] reading");
    assertThat(Progress.line(LocalTime.of(23, 55, 6, 900_000_000), "all open"))
        .isEqualTo("[bench 23:55:06] all open");
  }
}
