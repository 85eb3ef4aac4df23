package dev.incidentflow.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A slash command is answered within Slack's three seconds though its first part waits for a
 * database that hangs, and a failure is an answer, not an HTTP error.
 */
@Timeout(10)
class TimelyAnswersTest {
  private static final Duration WITHIN = Duration.ofMillis(300);
  private static final SlackReply WORKING = SlackCockpit.WORKING;
  private static final SlackReply RESTARTING = SlackReply.ephemeral("restarting");
  private static final SlackReply STATUS = SlackReply.ephemeral("*INC-7* \u00b7 SEV1");

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final TimelyAnswers answers =
      new TimelyAnswers(executor, WITHIN, (url, reply) -> sent.add(url + " " + reply.text()));
  private final CountDownLatch databaseBack = new CountDownLatch(1);

  @AfterEach
  void stop() {
    databaseBack.countDown();
    executor.shutdownNow();
  }

  @Test
  void aQuickAnswerIsTheAnswer() throws Exception {
    assertThat(answers.answer("https://hooks.example/1", () -> STATUS, WORKING, RESTARTING))
        .isSameAs(STATUS);
    Thread.sleep(WITHIN.toMillis() * 2);
    assertThat(sent).isEmpty();
  }

  @Test
  void anAnswerThatWaitsForAHungDatabaseComesLaterOnResponseUrl() throws Exception {
    long started = System.nanoTime();
    SlackReply answer =
        answers.answer(
            "https://hooks.example/1", this::statusOnceTheDatabaseIsBack, WORKING, RESTARTING);

    assertThat(answer).isSameAs(TimelyAnswers.SLOW);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
        .isLessThan(WITHIN.toMillis() + 1_000);
    assertThat(sent).isEmpty();

    databaseBack.countDown();
    awaitSent(1);
    assertThat(sent).containsExactly("https://hooks.example/1 " + STATUS.text());
  }

  @Test
  void aLateWorkingOnItIsNotPostedSinceTheOutcomeFollowsAnyway() throws Exception {
    SlackReply answer =
        answers.answer(
            "https://hooks.example/1",
            () -> {
              statusOnceTheDatabaseIsBack();
              return WORKING;
            },
            WORKING,
            RESTARTING);
    assertThat(answer).isSameAs(TimelyAnswers.SLOW);

    databaseBack.countDown();
    Thread.sleep(WITHIN.toMillis() * 2);
    assertThat(sent).isEmpty();
  }

  @Test
  void aFailureIsAnAnswerWithAnErrorId() {
    SlackReply answer =
        answers.answer(
            "https://hooks.example/1",
            () -> {
              throw new ConnectionException(new java.sql.SQLException("connection refused"));
            },
            WORKING,
            RESTARTING);

    assertThat(answer.responseType()).isEqualTo("ephemeral");
    assertThat(answer.text())
        .matches("Something went wrong \\(error [0-9a-f]+\\); it may not have been done\\. .*");
  }

  @Test
  void aLateFailureIsPostedWithItsErrorId() throws Exception {
    answers.answer(
        "https://hooks.example/1",
        () -> {
          statusOnceTheDatabaseIsBack();
          throw new ConnectionException(new java.sql.SQLException("connection reset"));
        },
        WORKING,
        RESTARTING);

    databaseBack.countDown();
    awaitSent(1);
    assertThat(sent)
        .singleElement()
        .asString()
        .startsWith("https://hooks.example/1 Something went wrong (error ");
  }

  @Test
  void nothingIsTakenWhileShuttingDown() {
    executor.shutdown();

    assertThat(answers.answer("https://hooks.example/1", () -> STATUS, WORKING, RESTARTING))
        .isSameAs(RESTARTING);
  }

  private SlackReply statusOnceTheDatabaseIsBack() {
    try {
      databaseBack.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return STATUS;
  }

  private void awaitSent(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (sent.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @Test
  void aCommandThatWaitedTooLongToStartIsDroppedAndTheTyperTold() throws Exception {
    ExecutorService oneThread = Executors.newSingleThreadExecutor();
    try {
      TimelyAnswers late =
          new TimelyAnswers(
              oneThread,
              WITHIN,
              Duration.ofMillis(500),
              (url, reply) -> sent.add(url + " " + reply.text()));
      List<String> done = new CopyOnWriteArrayList<>();
      // The only thread waits for the database; the resolve typed after it waits for the thread.
      late.answer(
          "https://hooks.example/1", this::statusOnceTheDatabaseIsBack, WORKING, RESTARTING);
      late.answer(
          "https://hooks.example/2",
          () -> {
            done.add("resolved");
            return STATUS;
          },
          WORKING,
          RESTARTING);
      Thread.sleep(1_000);

      databaseBack.countDown();
      awaitSent(2);
      assertThat(sent)
          .containsExactlyInAnyOrder(
              "https://hooks.example/1 " + STATUS.text(),
              "https://hooks.example/2 " + TimelyAnswers.TOO_LATE.text());
      assertThat(done).isEmpty();
    } finally {
      oneThread.shutdownNow();
    }
  }

  @Test
  void aDatabaseThatIsDownIsSaidToBeAndAnyOtherFailureIsNot() {
    assertThat(
            TimelyAnswers.failure(
                    new ConnectionException(
                        new SQLException("Connection to db:5432 refused", "08001")))
                .text())
        .startsWith("IncidentFlow's database is unavailable or did not answer in time (error ")
        .endsWith(
            "; it may not have been done. Check the incident channel, and try again in a minute.");
    assertThat(TimelyAnswers.failure(new IllegalStateException("a bug")).text())
        .startsWith("Something went wrong (error ");
  }
}
