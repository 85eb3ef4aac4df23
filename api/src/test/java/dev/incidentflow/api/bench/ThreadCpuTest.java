package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void threadsAreGroupedByTheNamesTheirPoolsGiveThem() {
    assertThat(ThreadCpu.groupOf("dw-41 - POST /v1/alerts/alertmanager"))
        .isEqualTo("request threads");
    assertThat(ThreadCpu.groupOf("bench-sender-4")).isEqualTo("senders");
    assertThat(ThreadCpu.groupOf("HttpClient-1-Worker-3")).isEqualTo("JDK HTTP clients");
    assertThat(
            ThreadCpu.groupOf(
                "Workflow Executor taskQueue=\"incidents\", namespace=\"default\": 7"))
        .isEqualTo("Temporal worker");
    assertThat(ThreadCpu.groupOf("workflow-method-alert-alertmanager-0f3a"))
        .isEqualTo("Temporal worker");
    assertThat(ThreadCpu.groupOf("grpc-default-executor-2")).isEqualTo("gRPC");
    assertThat(ThreadCpu.groupOf("ForkJoinPool-1-worker-2")).isEqualTo("ForkJoinPool");
    assertThat(ThreadCpu.groupOf("fake-slack-4")).isEqualTo("fake Slack and PagerDuty");
    assertThat(ThreadCpu.groupOf("Reference Handler")).isEqualTo("other");
  }

  @Test
  void groupsAreListedLargestFirstPerDeliveryWithoutTheIdleOnes() {
    Map<String, Long> nanos = new LinkedHashMap<>();
    nanos.put("request threads", 16_200_000_000L);
    nanos.put("senders", 4_100_000_000L);
    nanos.put("Temporal worker", 6_000_000_000L);
    nanos.put("gRPC", 0L);
    nanos.put("ForkJoinPool", 40_000_000L);

    assertThat(ThreadCpu.perDelivery(nanos, 10_000))
        .isEqualTo("request threads 1.62, Temporal worker 0.60, senders 0.41 ms per delivery");
    assertThat(ThreadCpu.perDelivery(Map.of("gRPC", 0L), 10)).isEqualTo("none");
  }

  @Test
  void aThreadThatRanSinceTheStartIsCountedInItsGroupAndTheSendersOwnTimeIsAdded()
      throws Exception {
    ThreadCpu cpu = ThreadCpu.start();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong used = new AtomicLong();
    Thread busy =
        new Thread(
            () -> {
              while (!stop.get()) {
                used.set(ThreadCpu.currentThreadNanos());
              }
            },
            "dw-99 - POST /v1/alerts/alertmanager");
    busy.start();
    String described;
    try {
      // Read while it still runs (a thread that ended is no longer there to read), once it has
      // used some CPU.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (used.get() < TimeUnit.MILLISECONDS.toNanos(20) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      described = cpu.describe(7_000_000_000L, 1);
    } finally {
      stop.set(true);
      busy.join();
    }

    assertThat(described)
        // the senders' own count, as given; other threads are read, not added to it
        .contains("senders 7000.00,")
        .containsPattern("request threads [0-9]+\\.[0-9]{2}")
        .endsWith(" ms per delivery");
  }
}
