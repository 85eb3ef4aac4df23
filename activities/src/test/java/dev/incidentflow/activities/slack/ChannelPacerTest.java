package dev.incidentflow.activities.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** About one message per second per channel, never holding a thread longer than three seconds. */
class ChannelPacerTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  /** Time stands still unless the test moves it; sleeping is only recorded. */
  private long now = 5_000_000_000L;

  private final List<Duration> slept = new ArrayList<>();
  private final ChannelPacer pacer =
      new ChannelPacer(SECOND, Duration.ofSeconds(3), () -> now, slept::add);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void theFirstMessageToAChannelGoesAtOnce() {
    pacer.awaitTurn("C0INC1");

    assertThat(slept).isEmpty();
  }

  @Test
  void theNextMessageWithinTheSecondWaitsForTheRestOfIt() {
    pacer.awaitTurn("C0INC1");
    advance(Duration.ofMillis(400));

    pacer.awaitTurn("C0INC1");

    assertThat(slept).containsExactly(Duration.ofMillis(600));
  }

  @Test
  void channelsArePacedIndependently() {
    pacer.awaitTurn("C0INC1");
    pacer.awaitTurn("C0INC2");
    pacer.awaitTurn("incidents");

    assertThat(slept).isEmpty();
  }

  @Test
  void aChannelNameWithOrWithoutItsHashIsOneChannel() {
    pacer.awaitTurn("incidents");
    pacer.awaitTurn("#incidents");

    assertThat(slept).containsExactly(SECOND);
  }

  @Test
  void aBurstIsSpreadOneSecondApartAndWhatWouldWaitLongerThanThreeSecondsGoesAtOnce() {
    for (int i = 0; i < 6; i++) {
      pacer.awaitTurn("C0INC1");
    }

    // The first goes at once, the next three wait 1, 2 and 3 s; the last two would wait 4 and 5 s.
    assertThat(slept).containsExactly(SECOND, Duration.ofSeconds(2), Duration.ofSeconds(3));
  }

  @Test
  void afterABurstThePaceResumesFromTheLastMessageSent() {
    for (int i = 0; i < 6; i++) {
      pacer.awaitTurn("C0INC1");
    }
    slept.clear();
    advance(Duration.ofMillis(3_500));

    pacer.awaitTurn("C0INC1");
    advance(Duration.ofMillis(500));
    pacer.awaitTurn("C0INC1");

    assertThat(slept).containsExactly(Duration.ofMillis(500), SECOND);
  }

  @Test
  void aQuietChannelDoesNotWait() {
    pacer.awaitTurn("C0INC1");
    advance(Duration.ofSeconds(30));

    pacer.awaitTurn("C0INC1");

    assertThat(slept).isEmpty();
  }

  @Test
  void manyChannelsAreForgottenOnceTheirSlotHasPassed() {
    for (int i = 0; i < 2_500; i++) {
      pacer.awaitTurn("C0INC" + i);
      advance(Duration.ofMillis(10));
    }
    pacer.awaitTurn("C0INC2499");

    assertThat(slept).containsExactly(Duration.ofMillis(990));
  }

  @Test
  void anInterruptedWaitFailsTheAttemptRetryablyAndKeepsTheInterrupt() {
    ChannelPacer interrupted =
        new ChannelPacer(
            SECOND,
            Duration.ofSeconds(3),
            () -> now,
            duration -> {
              throw new InterruptedException("worker shutting down");
            });
    interrupted.awaitTurn("C0INC1");

    assertThatThrownBy(() -> interrupted.awaitTurn("C0INC1"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, failure -> assertThat(failure.isNonRetryable()).isFalse());
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  private void advance(Duration duration) {
    now += duration.toNanos();
  }
}
