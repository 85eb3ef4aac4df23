package dev.incidentflow.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/**
 * Phase a: an Alertmanager cluster re-sending every alert group at once. N deliveries over G groups
 * from C senders; then the counts that prove nothing was duplicated or lost: G incidents, G first
 * pages, and every delivery on an incident's timeline.
 */
final class AlertStorm {
  static final String PHASE = "a. alert storm";
  static final String MARKER = "storm";
  static final String WARM_UP_MARKER = "storm-warm-up";
  static final String WARM_UP = "warm-up (cold start), own groups, not in the target";

  /**
   * How long the count of recorded deliveries may stand still below N before the bench reads it.
   */
  static final Duration STALLED = Duration.ofSeconds(15);

  static final double WEBHOOK_P99_TARGET_MILLIS = 50;

  static final String FLOOR =
      "floor: the same signal-with-starts to bare workflows (no HTTP, no work), send to return";

  /** The JVM's threads' CPU by group ({@link ThreadCpu}). */
  static final String THREAD_CPU = "CPU of the JVM's threads by group (not JIT, GC or PostgreSQL)";

  static final String HTTP_FLOOR =
      "HTTP floor: the same posts to a resource that reads them and answers 202, nothing else";

  private AlertStorm() {}

  static void run(BenchContext context) throws Exception {
    BenchOptions options = context.options();
    BenchReport report = context.report();
    AlertPayloads payloads = context.payloads();
    int groups = options.groups();
    if (options.stormWarmup() > 0) {
      warmUp(context);
    }
    long before = context.api().highestIncidentNumber();
    String[] bodies = bodies(payloads, MARKER, groups);

    Progress.say(
        "storm: "
            + options.alerts()
            + " deliveries over "
            + groups
            + " groups from "
            + options.senders()
            + " senders");
    CpuBusy.During<Burst.Result> sending =
        CpuBusy.during(
            () ->
                Burst.webhooks(
                    context.api(), options.alerts(), options.senders(), i -> bodies[i % groups]));
    Burst.Result burst = sending.value();
    Latencies webhook = Latencies.ofNanos(burst.latencyNanos());
    report.figure(
        PHASE,
        "deliveries",
        options.alerts()
            + " over "
            + groups
            + " groups from "
            + options.senders()
            + " senders in "
            + seconds(burst.elapsedNanos())
            + " ("
            + rate(burst)
            + ")");
    report.target(
        PHASE,
        "webhook latency (send to 202)",
        webhook.summary(),
        "p99 < 50 ms",
        webhook.p99Millis() < WEBHOOK_P99_TARGET_MILLIS);
    report.check(
        PHASE, "webhook errors", burst.errors(), 0, String.join("; ", burst.errorSamples()));
    report.figure(PHASE, "machine CPU busy (1 s samples), while sending", sending.cpuBusy());
    report.figure(PHASE, THREAD_CPU + ", while sending", threadCpu(context, sending, burst));

    String prefix = payloads.phasePrefix(MARKER);
    Progress.say("storm: waiting for first pages and for every delivery to reach a timeline");
    Drained drained = drain(context, before, prefix, options.alerts());
    List<JsonNode> ours = drained.incidents();
    long alertsRecorded = drained.alertsRecorded();
    report.figure(PHASE, "drain (until every delivery was on a timeline)", drained.how());

    Set<String> expectedWorkflows =
        IntStream.range(0, groups)
            .mapToObj(g -> payloads.workflowId(MARKER, g))
            .collect(Collectors.toSet());
    Set<String> workflows =
        ours.stream()
            .map(incident -> incident.path("workflowId").asText())
            .collect(Collectors.toSet());
    long unexpected = workflows.stream().filter(id -> !expectedWorkflows.contains(id)).count();
    report.check(
        PHASE,
        "incidents in PostgreSQL",
        ours.size(),
        groups,
        workflows.size() + " distinct workflows, " + unexpected + " unexpected");
    report.check(
        PHASE, "alert_fired events on their timelines", alertsRecorded, options.alerts(), "");

    Map<String, List<FakePagerDuty.Arrival>> triggers =
        Pages.triggersByKey(context.pagerDuty().arrivals(), prefix);
    Set<String> expectedKeys = new HashSet<>();
    ours.forEach(incident -> expectedKeys.add(Pages.dedupKey(BenchApi.number(incident), 0)));
    Set<String> firstPageKeys =
        triggers.keySet().stream().filter(Pages::isFirstPage).collect(Collectors.toSet());
    long requests =
        triggers.entrySet().stream()
            .filter(entry -> Pages.isFirstPage(entry.getKey()))
            .mapToLong(entry -> entry.getValue().size())
            .sum();
    report.check(
        PHASE,
        "first pages at PagerDuty (distinct -step-0 keys)",
        firstPageKeys.size(),
        groups,
        "");
    Set<String> mismatched = new HashSet<>(firstPageKeys);
    mismatched.addAll(expectedKeys);
    mismatched.removeAll(intersection(firstPageKeys, expectedKeys));
    report.check(
        PHASE, "first pages and incidents not matching one to one", mismatched.size(), 0, "");
    report.check(PHASE, "first-page trigger requests (duplicates fail)", requests, groups, "");

    httpFloor(context, bodies, webhook);
    if (context.floor().isEmpty()) {
      report.figure(PHASE, FLOOR, "not measured: no Temporal address (--temporal)");
      return;
    }
    Progress.say("storm: the floor, the same signal-with-start calls straight to bare workflows");
    FloorProbe probe = context.floor().get();
    CpuBusy.During<FloorProbe.StormFloor> floorRun =
        CpuBusy.during(
            () ->
                probe.storm(
                    context.run(),
                    options.alerts(),
                    groups,
                    options.senders(),
                    i -> bodies[i % groups],
                    options.drainTimeout()));
    FloorProbe.StormFloor floor = floorRun.value();
    Latencies floorLatency = Latencies.ofNanos(floor.burst().latencyNanos());
    report.figure(PHASE, FLOOR, floorLatency.summary() + "; " + rate(floor.burst()));
    report.check(
        PHASE,
        "floor errors",
        floor.burst().errors(),
        0,
        String.join("; ", floor.burst().errorSamples()));
    report.check(
        PHASE, "floor workflows that took every signal", floor.completed(), floor.workflows(), "");
    report.figure(PHASE, "floor: machine CPU busy (1 s samples)", floorRun.cpuBusy());
    report.figure(PHASE, "floor: " + THREAD_CPU, threadCpu(context, floorRun, floor.burst()));
    report.figure(PHASE, "webhook latency / floor", ratio(webhook, floorLatency));
  }

  /**
   * The HTTP floor: the storm's posts again, to {@link HttpFloorResource}, which reads each as the
   * webhook does and answers as it does, with no mapping and no Temporal call between. What the
   * webhook takes above it is the application's and Temporal's; what the floor takes is the HTTP
   * server's, the senders' and the machine's. Only the embedded run serves the resource. It is
   * warmed up first with as many posts as the storm's warm-up, their latency unrecorded.
   */
  private static void httpFloor(BenchContext context, String[] bodies, Latencies webhook)
      throws Exception {
    BenchOptions options = context.options();
    BenchReport report = context.report();
    if (!context.target().httpFloor()) {
      report.figure(PHASE, HTTP_FLOOR, "not measured: only the embedded run serves it");
      return;
    }
    int groups = options.groups();
    IntFunction<String> body = i -> bodies[i % groups];
    Progress.say("storm: the HTTP floor, the same posts to a resource that only answers them");
    if (options.stormWarmup() > 0) {
      // Warmed up as the storm was, its latency unrecorded: its resource method is code the storm
      // did not run.
      Burst.Result warmUp =
          Burst.posts(
              context.api(),
              HttpFloorResource.PATH,
              options.stormWarmup(),
              options.senders(),
              body);
      report.check(
          PHASE,
          "HTTP floor warm-up errors",
          warmUp.errors(),
          0,
          String.join("; ", warmUp.errorSamples()));
    }
    CpuBusy.During<Burst.Result> posting =
        CpuBusy.during(
            () ->
                Burst.posts(
                    context.api(),
                    HttpFloorResource.PATH,
                    options.alerts(),
                    options.senders(),
                    body));
    Burst.Result burst = posting.value();
    Latencies latency = Latencies.ofNanos(burst.latencyNanos());
    report.figure(PHASE, HTTP_FLOOR, latency.summary() + "; " + rate(burst));
    report.check(
        PHASE, "HTTP floor errors", burst.errors(), 0, String.join("; ", burst.errorSamples()));
    report.figure(PHASE, "HTTP floor: machine CPU busy (1 s samples)", posting.cpuBusy());
    report.figure(PHASE, "HTTP floor: " + THREAD_CPU, threadCpu(context, posting, burst));
    report.figure(PHASE, "webhook latency / HTTP floor", ratio(webhook, latency));
  }

  /**
   * The CPU this JVM's threads used while {@code burst} ran, per delivery; "not measured" when the
   * application runs in another JVM, whose request threads and worker this one cannot see.
   */
  private static String threadCpu(
      BenchContext context, CpuBusy.During<?> during, Burst.Result burst) {
    if (!context.target().sameJvm()) {
      return "not measured: the application runs in another JVM";
    }
    return during.threads().describe(burst.senderCpuNanos(), burst.latencyNanos().length);
  }

  private static String rate(Burst.Result burst) {
    return String.format(Locale.ROOT, "%.0f/s", burst.perSecond());
  }

  private static String ratio(Latencies latency, Latencies floor) {
    return String.format(
        Locale.ROOT,
        "p50 %.1fx, p99 %.1fx",
        latency.p50Millis() / floor.p50Millis(),
        latency.p99Millis() / floor.p99Millis());
  }

  /**
   * The storm's own deliveries to groups of their own, before the measured storm and not held
   * against its target: the application meets a storm warm, as a deployed one does, and the floor
   * that follows the storm runs warm too. Their latency is reported as the cold start.
   */
  private static void warmUp(BenchContext context) throws Exception {
    BenchOptions options = context.options();
    BenchReport report = context.report();
    int groups = options.groups();
    int deliveries = options.stormWarmup();
    long before = context.api().highestIncidentNumber();
    String[] bodies = bodies(context.payloads(), WARM_UP_MARKER, groups);
    Progress.say("storm: warming up with " + deliveries + " deliveries to " + groups + " groups");
    Burst.Result burst =
        Burst.webhooks(context.api(), deliveries, options.senders(), i -> bodies[i % groups]);
    report.figure(
        PHASE, WARM_UP, Latencies.ofNanos(burst.latencyNanos()).summary() + "; " + rate(burst));
    report.check(
        PHASE,
        "warm-up webhook errors",
        burst.errors(),
        0,
        String.join("; ", burst.errorSamples()));
    Drained drained =
        drain(context, before, context.payloads().phasePrefix(WARM_UP_MARKER), deliveries);
    report.figure(PHASE, "warm-up drain", drained.how());
  }

  private static String[] bodies(AlertPayloads payloads, String marker, int groups) {
    return IntStream.range(0, groups)
        .mapToObj(g -> payloads.firing(marker, g, "error"))
        .toArray(String[]::new);
  }

  /**
   * The incidents whose titles carry {@code prefix}, read back once their first pages are in and
   * every one of {@code deliveries} is on a timeline, or the count stood still for {@link
   * #STALLED}, or the drain timeout passed.
   *
   * @param how which of the three, and when
   */
  private record Drained(List<JsonNode> incidents, long alertsRecorded, String how) {}

  private static Drained drain(BenchContext context, long before, String prefix, int deliveries)
      throws InterruptedException {
    BenchOptions options = context.options();
    long drainStarted = System.nanoTime();
    Pages.await(
        () -> Pages.firstPages(context.pagerDuty(), prefix) >= options.groups(),
        options.drainTimeout());
    // The backlog has drained when every delivery is on a timeline; a lost one shows as a count
    // that stops short of N and stays there.
    long deadline = drainStarted + options.drainTimeout().toNanos();
    List<JsonNode> ours = ourIncidents(context, before, prefix);
    long alertsRecorded = alertsFired(ours);
    long lastProgress = System.nanoTime();
    while (alertsRecorded < deliveries
        && System.nanoTime() < deadline
        && System.nanoTime() - lastProgress < STALLED.toNanos()) {
      Thread.sleep(500);
      ours = ourIncidents(context, before, prefix);
      long now = alertsFired(ours);
      if (now != alertsRecorded) {
        lastProgress = System.nanoTime();
        alertsRecorded = now;
      }
    }
    String how;
    if (alertsRecorded >= deliveries) {
      how = seconds(System.nanoTime() - drainStarted) + " after the last 202";
    } else if (System.nanoTime() >= deadline) {
      how = "not drained within " + options.drainTimeout().toSeconds() + " s";
    } else {
      how =
          "no progress for "
              + STALLED.toSeconds()
              + " s at "
              + alertsRecorded
              + " of "
              + deliveries;
    }
    return new Drained(ours, alertsRecorded, how);
  }

  private static List<JsonNode> ourIncidents(BenchContext context, long before, String prefix)
      throws InterruptedException {
    return context.api().incidentsAfter(before).stream()
        .filter(incident -> incident.path("title").asText("").contains(prefix))
        .toList();
  }

  private static long alertsFired(List<JsonNode> incidents) {
    return incidents.stream().mapToLong(incident -> events(incident, "alert_fired")).sum();
  }

  private static Set<String> intersection(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return both;
  }

  static long events(JsonNode incident, String type) {
    return StreamSupport.stream(incident.path("timeline").spliterator(), false)
        .filter(event -> type.equals(event.path("type").asText()))
        .count();
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
