package dev.incidentflow.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.api.IncidentFlowApplication;
import dev.incidentflow.api.bench.BenchOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Subparser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bench} command's flags, as a user types them, and the run they describe. */
class BenchCommandOptionsTest {

  @Test
  void defaultsAreTheDocumentedRun() throws ArgumentParserException {
    BenchOptions options = parse();

    assertThat(options.alerts()).isEqualTo(10_000);
    assertThat(options.stormWarmup()).isEqualTo(5_000);
    assertThat(options.groups()).isEqualTo(50);
    assertThat(options.openIncidents()).isEqualTo(2_000);
    assertThat(options.hold()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.timerFloor()).isTrue();
    assertThat(options.timerLog()).isEmpty();
    assertThat(options.jdkHttpClient()).isFalse();
    assertThat(options.policy().updateEvery()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.policy().escalateAt())
        .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20));
  }

  @Test
  void aProductionPacedRunSkipsTheTimerFloorAndTakesTheProductionTimers()
      throws ArgumentParserException {
    BenchOptions options =
        parse(
            "--no-timer-floor",
            "--update-every",
            "15m",
            "--escalate-at",
            "5m, 10m,20m",
            "--hold",
            "1230s");

    assertThat(options.timerFloor()).isFalse();
    assertThat(options.hold()).isEqualTo(Duration.ofSeconds(1230));
    assertThat(options.policy().updateEvery()).isEqualTo(Duration.ofMinutes(15));
    assertThat(options.policy().escalateAt())
        .isEqualTo(List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20)));
  }

  @Test
  void theSendersTakeTheJdkHttpClientWhenAskedAsEveryRunBeforeTheThirtiethSession()
      throws ArgumentParserException {
    assertThat(parse("--jdk-http-client").jdkHttpClient()).isTrue();
  }

  @Test
  void aWarmUpTooSmallToReachEveryGroupIsRefused() throws ArgumentParserException {
    assertThatThrownBy(() -> parse("--groups", "50", "--storm-warmup", "49"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--storm-warmup must be 0 or at least --groups");
    assertThat(parse("--groups", "50", "--storm-warmup", "0").stormWarmup()).isZero();
  }

  @Test
  void aTimerLogIsRefusedBeforeTheRunWhenItsDirectoryIsMissing(@TempDir Path dir)
      throws ArgumentParserException {
    Path missing = dir.resolve("no-such-directory").resolve("timers.csv");

    assertThatThrownBy(() -> parse("--timer-log", missing.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--timer-log: cannot write a file in " + missing.getParent());
    assertThatThrownBy(() -> parse("--timer-log", dir.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--timer-log: cannot write " + dir);
    assertThatThrownBy(
            () -> parse("--timer-log", dir.resolve("t.csv").toString(), "--open-incidents", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--timer-log needs phase c: --open-incidents is 0");
    assertThat(parse("--timer-log", dir.resolve("timers.csv").toString()).timerLog())
        .hasValue(dir.resolve("timers.csv"));
  }

  private static BenchOptions parse(String... flags) throws ArgumentParserException {
    ArgumentParser parser = ArgumentParsers.newFor("incidentflow").build();
    Subparser bench = parser.addSubparsers().addParser("bench");
    new BenchCommand(new IncidentFlowApplication(), report -> {}).configure(bench);
    String[] args = new String[flags.length + 1];
    args[0] = "bench";
    System.arraycopy(flags, 0, args, 1, flags.length);
    return BenchCommand.options(parser.parseArgs(args));
  }
}
