package dev.incidentflow.api.bench;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.config.WorkerConfig;
import dev.incidentflow.worker.WorkerSettings;
import dev.incidentflow.workflows.policy.Durations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One benchmark run against a deployment whose Slack and PagerDuty are the given fakes: the storm,
 * alert to page next to the floor, and the open incidents, in that order, into one report.
 */
public final class BenchRun {
  private final BenchOptions options;
  private final BenchTarget target;
  private final FakeSlack slack;
  private final FakePagerDuty pagerDuty;

  public BenchRun(
      BenchOptions options, BenchTarget target, FakeSlack slack, FakePagerDuty pagerDuty) {
    this.options = requireNonNull(options, "options is null");
    this.target = requireNonNull(target, "target is null");
    this.slack = requireNonNull(slack, "slack is null");
    this.pagerDuty = requireNonNull(pagerDuty, "pagerDuty is null");
  }

  public BenchReport run() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    BenchReport report = new BenchReport();
    // The floor's worker is sized as the application's: as configured in this JVM, else as a
    // deployment's worker is by default.
    WorkerSettings floorWorker = target.worker().orElseGet(() -> new WorkerConfig().settings());
    Optional<FloorProbe> floor =
        target.temporal().map(client -> new FloorProbe(client, floorWorker));
    try {
      run(run, report, floor);
    } finally {
      floor.ifPresent(FloorProbe::close);
    }
    return report;
  }

  private void run(String run, BenchReport report, Optional<FloorProbe> floor) throws Exception {
    BenchContext context =
        new BenchContext(
            run,
            options,
            target,
            new BenchApi(target.api(), target.token(), options.jdkHttpClient()),
            new AlertPayloads(run),
            pagerDuty,
            slack,
            report,
            floor);
    report.header(
        "IncidentFlow benchmark, run "
            + run
            + ", "
            + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    report.header("target:  " + target.description());
    report.header("senders: " + options.senders() + ", " + context.api().senders());
    report.header("machine: " + MachineState.machine());
    report.header("load average (1/5/15 min) at start: " + MachineState.loadAverage());
    report.header(
        "policy:  SEV1 (phase c) status update every "
            + Durations.format(options.policy().updateEvery())
            + ", escalation steps at "
            + options.policy().escalateAt().stream()
                .map(Durations::format)
                .collect(Collectors.joining(", "))
            + "; SEV2 (phases a, b) one page, no timers");

    AlertStorm.run(context);
    if (options.pageSamples() > 0) {
      AlertToPage.run(context);
    }
    if (options.openIncidents() > 0) {
      OpenIncidents.run(context);
    }

    report.note("load average (1/5/15 min) at end: " + MachineState.loadAverage());
    report.note(
        "Slack calls: "
            + slack.calls().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", ")));
    Map<String, Long> actions =
        pagerDuty.arrivals().stream()
            .collect(
                Collectors.groupingBy(
                    FakePagerDuty.Arrival::action, java.util.TreeMap::new, Collectors.counting()));
    report.note(
        "PagerDuty events: "
            + actions.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", ")));
  }
}
