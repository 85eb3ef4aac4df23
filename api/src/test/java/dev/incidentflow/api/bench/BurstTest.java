package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BurstTest {

  @Test
  void eachSenderMakesItsShareWithItsOwnStateAndIsClosedWhenDone() throws Exception {
    Set<Integer> delivered = ConcurrentHashMap.newKeySet();
    AtomicInteger opened = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();

    Burst.Result result =
        Burst.runSenders(
            100,
            4,
            () -> {
              opened.incrementAndGet();
              return new Burst.Sender() {
                @Override
                public String deliver(int i) {
                  if (!delivered.add(i)) {
                    return "delivery " + i + " made twice";
                  }
                  return i % 25 == 0 ? "refused" : null;
                }

                @Override
                public void close() {
                  closed.incrementAndGet();
                }
              };
            });

    assertThat(delivered).hasSize(100);
    assertThat(opened).hasValue(4);
    assertThat(closed).hasValue(4);
    assertThat(result.latencyNanos()).hasSize(100);
    assertThat(result.errors()).isEqualTo(4);
    assertThat(result.errorSamples()).hasSize(4).allMatch(sample -> sample.endsWith(": refused"));
  }

  @Test
  void anInterruptedSenderStopsEvenWhenItsDeliveriesDoNotSeeTheInterrupt() throws Exception {
    AtomicInteger made = new AtomicInteger();

    Burst.Result result =
        Burst.runSenders(
            1_000,
            1,
            () ->
                i -> {
                  // a blocking socket's write and read go on through an interrupt
                  made.incrementAndGet();
                  if (i == 9) {
                    Thread.currentThread().interrupt();
                  }
                  return null;
                });

    assertThat(made).hasValue(10);
    assertThat(result.errors()).isZero();
  }
}
