package dev.incidentflow.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Work a Slack request asked for that takes long (an Update waiting for a worker that is down, up
 * to the gateway's 30 s) gets a notice on response_url, not silence after "Working on it…".
 */
class LaterRepliesTest {
  private static final Duration STILL_WORKING_AFTER = Duration.ofMillis(200);

  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final LaterReplies replies =
      new LaterReplies(
          executor, timer, (url, reply) -> sent.add(url + " " + reply.text()), STILL_WORKING_AFTER);
  private final CountDownLatch workerBack = new CountDownLatch(1);

  @AfterEach
  void stop() {
    workerBack.countDown();
    executor.shutdownNow();
    timer.shutdownNow();
  }

  @Test
  void workThatDoesNotEndGetsANoticeAndItsOutcomeAfterIt() throws Exception {
    assertThat(replies.submit("https://hooks.example/1", this::ackOnceTheWorkerIsBack)).isTrue();

    Thread.sleep(STILL_WORKING_AFTER.toMillis() * 4);
    assertThat(sent)
        .containsExactly("https://hooks.example/1 " + LaterReplies.STILL_WORKING.text());

    workerBack.countDown();
    awaitSent(2);
    assertThat(sent)
        .containsExactly(
            "https://hooks.example/1 " + LaterReplies.STILL_WORKING.text(),
            "https://hooks.example/1 INC-7 is now acknowledged.");
  }

  @Test
  void workQueuedBehindWorkThatDoesNotEndGetsItsNoticeToo() throws Exception {
    replies.submit("https://hooks.example/1", this::ackOnceTheWorkerIsBack);
    replies.submit("https://hooks.example/2", () -> "INC-8 is now resolved.");

    Thread.sleep(STILL_WORKING_AFTER.toMillis() * 4);
    assertThat(sent)
        .containsExactlyInAnyOrder(
            "https://hooks.example/1 " + LaterReplies.STILL_WORKING.text(),
            "https://hooks.example/2 " + LaterReplies.STILL_WORKING.text());

    workerBack.countDown();
    awaitSent(4);
    assertThat(sent.subList(2, 4))
        .containsExactly(
            "https://hooks.example/1 INC-7 is now acknowledged.",
            "https://hooks.example/2 INC-8 is now resolved.");
  }

  @Test
  void quickWorkGetsItsOutcomeAlone() throws Exception {
    replies.submit("https://hooks.example/1", () -> "INC-7 is now acknowledged.");

    Thread.sleep(STILL_WORKING_AFTER.toMillis() * 4);
    assertThat(sent).containsExactly("https://hooks.example/1 INC-7 is now acknowledged.");
  }

  @Test
  void nothingIsTakenWhileShuttingDown() {
    executor.shutdown();

    assertThat(replies.submit("https://hooks.example/1", () -> "never")).isFalse();
    assertThat(sent).isEmpty();
  }

  private String ackOnceTheWorkerIsBack() {
    try {
      workerBack.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "INC-7 is now acknowledged.";
  }

  private void awaitSent(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (sent.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @Test
  void workThatWaitedTooLongToStartIsDroppedAndThePersonTold() throws Exception {
    LaterReplies late =
        new LaterReplies(
            executor,
            timer,
            (url, reply) -> sent.add(url + " " + reply.text()),
            Duration.ofMinutes(1),
            Duration.ofMillis(300));
    List<String> done = new CopyOnWriteArrayList<>();
    late.submit("https://hooks.example/1", this::ackOnceTheWorkerIsBack);
    late.submit(
        "https://hooks.example/2",
        () -> {
          done.add("resolved");
          return "INC-8 is now resolved.";
        });
    Thread.sleep(800);

    workerBack.countDown();
    awaitSent(2);
    assertThat(sent)
        .containsExactly(
            "https://hooks.example/1 INC-7 is now acknowledged.",
            "https://hooks.example/2 " + TimelyAnswers.TOO_LATE.text());
    assertThat(done).isEmpty();
  }
}
