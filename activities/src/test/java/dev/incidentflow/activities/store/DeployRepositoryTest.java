package dev.incidentflow.activities.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.activities.Deploy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeployRepositoryTest {

  @RegisterExtension
  static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

  private static final Instant STARTED = Instant.parse("2025-05-01T12:00:00Z");
  private static final Duration TWO_HOURS = Duration.ofHours(2);

  private DeployRepository deploys;

  @BeforeEach
  void setUp() {
    deploys = new DeployRepository(POSTGRES.jdbi());
  }

  @Test
  void firstRecordingCreatesTheDeployAndARepeatFindsTheSameOneUnchanged() {
    NewDeploy deploy =
        new NewDeploy(
            "checkout",
            "1.4.2",
            "9fceb02",
            "https://ci.example.com/runs/17",
            STARTED.minusSeconds(600),
            "alice");
    NewDeploy repeat =
        new NewDeploy(
            "checkout", "1.4.2", "other", null, STARTED.minusSeconds(600), "ci-bot-retrying");

    RecordedDeploy first = deploys.record(deploy);
    RecordedDeploy second = deploys.record(repeat);

    assertThat(first.created()).isTrue();
    assertThat(first.deploy())
        .isEqualTo(
            new Deploy(
                1,
                "checkout",
                "1.4.2",
                "9fceb02",
                "https://ci.example.com/runs/17",
                STARTED.minusSeconds(600),
                "alice"));
    assertThat(second.created()).isFalse();
    assertThat(second.deploy()).isEqualTo(first.deploy());
  }

  @Test
  void theSameVersionDeployedAgainLaterIsAnotherDeploy() {
    long first =
        deploys
            .record(new NewDeploy("checkout", "1.4.2", null, null, STARTED.minusSeconds(900), null))
            .deploy()
            .id();
    RecordedDeploy again =
        deploys.record(
            new NewDeploy("checkout", "1.4.2", null, null, STARTED.minusSeconds(60), null));

    assertThat(again.created()).isTrue();
    assertThat(again.deploy().id()).isNotEqualTo(first);
  }

  @Test
  void deploysBeforeTheStartAreCountedUpToTheWindowAndNotBeyond() {
    record("checkout", "counted-1h59m", STARTED.minus(Duration.ofMinutes(119)));
    record("checkout", "not-counted-2h01m", STARTED.minus(Duration.ofMinutes(121)));
    record("checkout", "counted-exactly-2h", STARTED.minus(TWO_HOURS));
    record("checkout", "counted-at-the-start", STARTED);
    record("checkout", "not-counted-after-the-start", STARTED.plusSeconds(1));

    assertThat(versions(deploys.before(List.of("checkout"), STARTED, TWO_HOURS)))
        .containsExactly("counted-at-the-start", "counted-1h59m", "counted-exactly-2h");
  }

  @Test
  void deploysToEveryGivenServiceComeNewestFirstAndOtherServicesNot() {
    record("checkout", "checkout-30m", STARTED.minus(Duration.ofMinutes(30)));
    record("payments-api", "payments-10m", STARTED.minus(Duration.ofMinutes(10)));
    record("payments-api", "payments-90m", STARTED.minus(Duration.ofMinutes(90)));
    record("search", "search-5m", STARTED.minus(Duration.ofMinutes(5)));

    assertThat(versions(deploys.before(List.of("checkout", "payments-api"), STARTED, TWO_HOURS)))
        .containsExactly("payments-10m", "checkout-30m", "payments-90m");
  }

  @Test
  void theWindowIsTheCallersChoice() {
    record("checkout", "20m", STARTED.minus(Duration.ofMinutes(20)));
    record("checkout", "40m", STARTED.minus(Duration.ofMinutes(40)));

    assertThat(versions(deploys.before(List.of("checkout"), STARTED, Duration.ofMinutes(30))))
        .containsExactly("20m");
  }

  @Test
  void noServicesMeansNoDeploys() {
    record("checkout", "1.0", STARTED.minusSeconds(60));

    assertThat(deploys.before(List.of(), STARTED, TWO_HOURS)).isEmpty();
  }

  private void record(String service, String version, Instant at) {
    deploys.record(new NewDeploy(service, version, null, null, at, null));
  }

  private static List<String> versions(List<Deploy> list) {
    return list.stream().map(Deploy::version).toList();
  }
}
