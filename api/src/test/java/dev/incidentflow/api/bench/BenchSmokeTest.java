package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.api.IncidentFlowApplication;
import dev.incidentflow.api.IncidentFlowConfiguration;
import dev.incidentflow.api.cli.BenchCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark, small: the {@code bench} command as a user runs it (embedded Temporal and
 * PostgreSQL, fake Slack and PagerDuty), with a few hundred alerts. It asserts what must hold on
 * any machine, the counts: no incident, page or alert duplicated or lost. Never timings.
 */
class BenchSmokeTest {

  @Test
  @Timeout(120)
  void stormOfRedeliveriesMakesOneIncidentAndOnePagePerGroupAndRecordsEveryDelivery(
      @TempDir Path dir) throws Exception {
    Path timerLog = dir.resolve("timers.csv");
    List<BenchReport> reports = new ArrayList<>();
    IncidentFlowApplication application = new IncidentFlowApplication();
    Bootstrap<IncidentFlowConfiguration> bootstrap = new Bootstrap<>(application);
    application.initialize(bootstrap);
    BenchCommand command = new BenchCommand(application, reports::add);
    ArgumentParser parser = ArgumentParsers.newFor("incidentflow").build();
    Subparser bench = parser.addSubparsers().addParser("bench");
    command.configure(bench);
    Namespace namespace =
        parser.parseArgs(
            new String[] {
              "bench",
              "--alerts",
              "200",
              "--storm-warmup",
              "30",
              "--groups",
              "10",
              "--senders",
              "8",
              "--page-samples",
              "2",
              "--open-incidents",
              "5",
              // long enough for a first overdue notice, due after 3 s, to reach the fake Slack: an
              // incident channel takes about a post a second, and its opening posts come first
              "--hold",
              "6s",
              "--update-every",
              "3s",
              "--escalate-at",
              "1s",
              "--drain-timeout",
              "60s",
              "--timer-log",
              timerLog.toString()
            });

    command.run(bootstrap, namespace);

    assertThat(reports).hasSize(1);
    BenchReport report = reports.get(0);
    assertThat(report.failedChecks()).isEmpty();
    assertThat(count(report, AlertStorm.PHASE, "warm-up webhook errors")).isZero();
    assertThat(count(report, AlertStorm.PHASE, "webhook errors")).isZero();
    assertThat(count(report, AlertStorm.PHASE, "incidents in PostgreSQL")).isEqualTo(10);
    assertThat(count(report, AlertStorm.PHASE, "alert_fired events on their timelines"))
        .isEqualTo(200);
    assertThat(count(report, AlertStorm.PHASE, "first pages at PagerDuty (distinct -step-0 keys)"))
        .isEqualTo(10);
    assertThat(count(report, AlertStorm.PHASE, "first-page trigger requests (duplicates fail)"))
        .isEqualTo(10);
    assertThat(count(report, AlertStorm.PHASE, "first pages and incidents not matching one to one"))
        .isZero();
    // the webhooks' CPU was read off the request threads, the senders' off their own
    assertThat(
            report
                .row(AlertStorm.PHASE, AlertStorm.THREAD_CPU + ", while sending")
                .orElseThrow()
                .value())
        .containsPattern("request threads [0-9]+\\.[0-9]{2}")
        .containsPattern("senders [0-9]+\\.[0-9]{2}")
        .endsWith(" ms per delivery");
    // the HTTP floor answered every one of the storm's posts with 202
    assertThat(count(report, AlertStorm.PHASE, "HTTP floor errors")).isZero();
    assertThat(report.row(AlertStorm.PHASE, AlertStorm.HTTP_FLOOR).orElseThrow().value())
        .contains("(n=200)");
    assertThat(count(report, AlertStorm.PHASE, "floor errors")).isZero();
    assertThat(count(report, AlertStorm.PHASE, "floor workflows that took every signal"))
        .isEqualTo(10);
    assertThat(count(report, AlertToPage.PHASE, "samples that paged within 30 s")).isEqualTo(2);
    assertThat(count(report, OpenIncidents.PHASE, "incidents in PostgreSQL")).isEqualTo(5);
    assertThat(
            count(report, OpenIncidents.PHASE, "first pages at PagerDuty (distinct -step-0 keys)"))
        .isEqualTo(5);
    assertThat(count(report, OpenIncidents.PHASE, "duplicate pages (any step, same dedup key)"))
        .isZero();
    assertThat(count(report, OpenIncidents.PHASE, "floor workflows whose timers all fired"))
        .isEqualTo(5);
    // the SDK's cache counters reached the report; a handful of incidents all stay cached
    assertThat(report.row(OpenIncidents.PHASE, OpenIncidents.WORKER_CACHE).orElseThrow().value())
        .matches(
            "[1-9][0-9]* workflow tasks found their workflow in the worker's cache, 0 did not .*");
    assertThat(report.row(OpenIncidents.PHASE, OpenIncidents.CHANNELS).orElseThrow().value())
        .startsWith("5 for 5 incidents");
    // every incident's first overdue notice falls due inside the window, and posts reached Slack
    Matcher notices =
        Pattern.compile("p50 .*\\(n=([0-9]+)\\); ([0-9]+) not posted when read back")
            .matcher(
                report.row(OpenIncidents.PHASE, OpenIncidents.NOTICE_POSTS).orElseThrow().value());
    assertThat(notices.matches()).isTrue();
    assertThat(Integer.parseInt(notices.group(1))).isGreaterThanOrEqualTo(5);
    assertThat(Integer.parseInt(notices.group(2))).isLessThan(Integer.parseInt(notices.group(1)));
    // every incident's first step falls due inside the window, one row each at least
    List<String> rows = Files.readAllLines(timerLog);
    assertThat(rows.get(0)).isEqualTo("incident,timer,due,fired,lateness_ms");
    assertThat(rows.subList(1, rows.size()))
        .filteredOn(row -> row.contains(",escalation step 1,"))
        .extracting(row -> row.substring(0, row.indexOf(',')))
        .hasSize(5)
        .doesNotHaveDuplicates();
  }

  private static long count(BenchReport report, String phase, String figure) {
    return report
        .row(phase, figure)
        .orElseThrow(() -> new AssertionError("no row " + phase + " / " + figure))
        .actual();
  }
}
