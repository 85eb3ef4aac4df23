package dev.incidentflow.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.worker.WorkerSettings;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Phase c: K incidents open at once on one worker, each with live escalation and status-update
 * timers from the bench policy. Lateness is when a timer's effect happened minus when the policy
 * planned it: the {@code at} of the {@code escalated} and {@code update_overdue} timeline events
 * (the workflow's clock when the timer's task ran), the arrival of each escalation page at the fake
 * PagerDuty, and the arrival of each overdue notice's post at the fake Slack. A timer still missing
 * when the run looks is counted at its lateness so far.
 */
final class OpenIncidents {
  static final String PHASE = "c. open incidents";
  static final String MARKER = "open";
  static final String WORKER_CACHE =
      "worker cache, opening and hold (the SDK's counters, reported once a second)";
  static final String NOTICE_POSTS = "overdue notice post arrival at Slack vs plan";
  static final String CHANNELS =
      "conversations.create calls at the fake Slack, from the opening to the read-back";
  static final double LATENESS_P99_TARGET_MILLIS = 2_000;
  static final long ONE_GIB = 1L << 30;
  private static final int HISTORY_SAMPLE = 200;
  private static final int STALLED_SAMPLE = 20;

  private OpenIncidents() {}

  /**
   * Every timer the policy planned in the window, as {@code rows}, and the lateness samples the
   * report takes from them, in nanoseconds: timers due before the last incident paged ({@code
   * opened}), and after; the same split into escalation steps and overdue notices. {@code missing}
   * timers had not fired when the incidents were read back, in the incidents {@code withMissing}:
   * many in few says whole incidents waited, not single timers.
   */
  record Lateness(Instant opened, List<TimerRow> rows, List<JsonNode> withMissing) {

    List<Long> duringOpening() {
      return latenessOf(row -> row.due().isBefore(opened));
    }

    List<Long> afterOpening() {
      return latenessOf(row -> !row.due().isBefore(opened));
    }

    List<Long> steps() {
      return latenessOf(TimerRow::isEscalationStep);
    }

    List<Long> notices() {
      return latenessOf(row -> !row.isEscalationStep());
    }

    int missing() {
      return (int) rows.stream().filter(row -> row.fired().isEmpty()).count();
    }

    int incidentsMissing() {
      return withMissing.size();
    }

    private List<Long> latenessOf(Predicate<TimerRow> which) {
      return rows.stream().filter(which).map(TimerRow::latenessNanos).toList();
    }
  }

  /**
   * One planned timer of one incident, as the lateness figures count it.
   *
   * @param fired when its timeline event happened; empty if it had not when read back
   * @param latenessNanos from {@code due} to {@code fired}, or to the read-back if not fired
   */
  record TimerRow(
      long incident, String timer, Instant due, Optional<Instant> fired, long latenessNanos) {

    boolean isEscalationStep() {
      return new BenchPolicy.PlannedTimer(timer, due).isEscalationStep();
    }
  }

  /**
   * The second of due times in which even the least late timer was latest, and how late that was. A
   * stall holds every timer due in it alike, where a backlog served newest first leaves some on
   * time; so a long {@code leastLatenessNanos} names the seconds to look for in a profile.
   */
  record WorstSecond(Instant second, long leastLatenessNanos, int timers) {}

  /** Fewer timers due in one second than this say little about the second. */
  static final int WORST_SECOND_MIN_TIMERS = 5;

  static void run(BenchContext context) throws Exception {
    BenchOptions options = context.options();
    BenchReport report = context.report();
    BenchPolicy policy = options.policy();
    AlertPayloads payloads = context.payloads();
    int count = options.openIncidents();
    String prefix = payloads.phasePrefix(MARKER);
    long before = context.api().highestIncidentNumber();
    Optional<FloorProbe.TimerFloor> floor = Optional.empty();
    String floorCpu = "";
    if (context.floor().isPresent() && options.timerFloor()) {
      Progress.say(
          "open incidents: the floor first, "
              + count
              + " bare workflows with the same timers for "
              + options.hold().toSeconds()
              + " s");
      FloorProbe probe = context.floor().get();
      CpuBusy.During<FloorProbe.TimerFloor> floorRun =
          CpuBusy.during(
              () ->
                  probe.timers(
                      context.run(),
                      count,
                      options.senders(),
                      policy,
                      options.hold(),
                      options.drainTimeout()));
      floor = Optional.of(floorRun.value());
      floorCpu = floorRun.cpuBusy();
    }
    // After the floor, whose finished workflows stay in the test server's memory.
    long heapBefore = context.target().sameJvm() ? MachineState.heapUsedAfterGc() : -1;

    Progress.say(
        "open incidents: opening "
            + count
            + " SEV1 incidents from "
            + options.senders()
            + " senders");
    Optional<WorkerCache> cacheBefore = WorkerCache.read(context.target().metrics());
    long channelsBefore = channelsOpened(context.slack());
    CpuBusy cpu = CpuBusy.start();
    Instant openingStarted = Instant.now();
    long started = System.nanoTime();
    Burst.Result burst =
        Burst.webhooks(
            context.api(), count, options.senders(), i -> payloads.firing(MARKER, i, "critical"));
    boolean allPaged =
        Pages.await(
            () -> Pages.firstPages(context.pagerDuty(), prefix) >= count, options.drainTimeout());
    long openedNanos = System.nanoTime() - started;
    String cpuOpening = cpu.lap();
    Instant opened = Instant.now();
    report.figure(
        PHASE,
        "opened",
        count
            + " incidents from "
            + options.senders()
            + " senders: webhooks took "
            + AlertStorm.seconds(burst.elapsedNanos())
            + ", "
            + (allPaged ? "all first pages in " : "first pages still missing after ")
            + AlertStorm.seconds(openedNanos));
    report.check(
        PHASE, "webhook errors", burst.errors(), 0, String.join("; ", burst.errorSamples()));
    report.figure(PHASE, "machine CPU busy (1 s samples), until all first pages", cpuOpening);

    Progress.say(
        "open incidents: all open; watching the timers for " + options.hold().toSeconds() + " s");
    Thread.sleep(options.hold().toMillis());
    Instant windowEnd = Instant.now();
    String cpuHold = cpu.lap();
    cpu.close();
    Optional<WorkerCache> cacheAfter = WorkerCache.read(context.target().metrics());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int liveThreads = threads.getThreadCount();
    int peakThreads = threads.getPeakThreadCount();
    long heapWith = context.target().sameJvm() ? MachineState.heapUsedAfterGc() : -1;

    Progress.say("open incidents: reading " + count + " incidents back");
    List<JsonNode> ours =
        context.api().incidentsAfter(before).stream()
            .filter(incident -> incident.path("title").asText("").contains(prefix))
            .toList();
    Instant lookedAt = Instant.now();
    String waited =
        allPaged
            ? ""
            : "read after waiting " + options.drainTimeout().toSeconds() + " s for first pages";
    report.check(PHASE, "incidents in PostgreSQL", ours.size(), count, waited);
    Map<String, List<FakePagerDuty.Arrival>> triggers =
        Pages.triggersByKey(context.pagerDuty().arrivals(), prefix);
    Map<Long, List<Instant>> noticePosts = context.slack().overdueNotices();
    long channels = channelsOpened(context.slack()) - channelsBefore;
    long firstPages = triggers.keySet().stream().filter(Pages::isFirstPage).count();
    long duplicates = triggers.values().stream().mapToLong(arrivals -> arrivals.size() - 1).sum();
    report.check(
        PHASE, "first pages at PagerDuty (distinct -step-0 keys)", firstPages, count, waited);
    report.check(PHASE, "duplicate pages (any step, same dedup key)", duplicates, 0, "");
    report.figure(
        PHASE,
        CHANNELS,
        channels
            + " for "
            + count
            + " incidents (a channel comes after its incident's first page, so it may lag)");
    report.figure(
        PHASE,
        "alert to first page (202 to PagerDuty arrival), each incident",
        Latencies.ofNanos(
                alertToFirstPage(
                    triggers, summary -> payloads.groupIn(summary, MARKER), burst.answeredNanos()))
            .summary());

    Lateness timeline = timelineLateness(ours, policy, opened, windowEnd, lookedAt);
    if (options.timerLog().isPresent()) {
      Path file = options.timerLog().get();
      try {
        writeTimerLog(file, timeline.rows());
        Progress.say("open incidents: every timer written to " + file);
        report.figure(PHASE, "timer log", timeline.rows().size() + " timers in " + file);
      } catch (IOException e) {
        // The run's figures matter more than the file; say why it is missing and go on.
        report.figure(PHASE, "timer log", "not written: " + e);
      }
    }
    List<Long> all = new ArrayList<>(timeline.duringOpening());
    all.addAll(timeline.afterOpening());
    Latencies allLateness = Latencies.ofNanos(all);
    Latencies steady = Latencies.ofNanos(timeline.afterOpening());
    Latencies opening = Latencies.ofNanos(timeline.duringOpening());
    report.target(
        PHASE,
        "timer lateness, all timers due in the window",
        allLateness.summary(),
        "p99 < 2 s",
        !allLateness.isEmpty() && allLateness.p99Millis() < LATENESS_P99_TARGET_MILLIS);
    report.figure(
        PHASE,
        "  timer load: timers due in the window, from the first alert to its end",
        timerLoad(all.size(), Duration.between(openingStarted, windowEnd)));
    report.figure(PHASE, "  of which due after all were open", steady.summary());
    report.figure(PHASE, "  of which due while opening", opening.summary());
    report.figure(
        PHASE, "  of which escalation steps", Latencies.ofNanos(timeline.steps()).summary());
    report.figure(
        PHASE, "  of which overdue notices", Latencies.ofNanos(timeline.notices()).summary());
    report.figure(
        PHASE,
        "  timers due but not fired when read back",
        timeline.missing() + " (in " + timeline.incidentsMissing() + " incidents)");
    report.figure(
        PHASE,
        "    up to " + STALLED_SAMPLE + " of them: workflow task waits (whole history)",
        stalledTaskWaits(context, timeline.withMissing()));
    report.figure(
        PHASE,
        "  the second of due times whose least late timer was latest",
        worstSecond(timeline.rows())
            .map(worst -> describe(worst, openingStarted))
            .orElse("no second with at least " + WORST_SECOND_MIN_TIMERS + " timers due"));
    Latencies pageLateness =
        Latencies.ofNanos(pageLateness(ours, policy, triggers, windowEnd, lookedAt));
    report.figure(PHASE, "escalation page arrival at PagerDuty vs plan", pageLateness.summary());
    NoticePosts posts = noticePostLateness(ours, policy, noticePosts, windowEnd, lookedAt);
    report.figure(
        PHASE,
        NOTICE_POSTS,
        Latencies.ofNanos(posts.lateness()).summary()
            + "; "
            + posts.unposted()
            + " not posted when read back");
    report.figure(PHASE, "machine CPU busy (1 s samples), during the hold", cpuHold);
    // A sample of histories: reading all 2,000 through the API takes minutes, and the run's
    // workers keep running meanwhile.
    int step = Math.max(1, ours.size() / HISTORY_SAMPLE);
    List<Long> taskWaits = new ArrayList<>();
    List<Long> taskWaitsOpen = new ArrayList<>();
    List<Long> timerFiringsOpen = new ArrayList<>();
    List<Long> taskRunsOpen = new ArrayList<>();
    List<Long> pageWaitsOpen = new ArrayList<>();
    Map<String, List<Long>> activityWaitsOpen = new TreeMap<>();
    int sampled = 0;
    for (int i = 0; i < ours.size(); i += step) {
      JsonNode history = context.api().history(BenchApi.number(ours.get(i)));
      taskWaits.addAll(TaskWaits.of(history));
      taskWaitsOpen.addAll(TaskWaits.scheduledFrom(history, opened));
      timerFiringsOpen.addAll(TaskWaits.timerFiringsDueFrom(history, opened));
      taskRunsOpen.addAll(TaskWaits.runsScheduledFrom(history, opened));
      TaskWaits.activityWaitsScheduledFrom(history, opened)
          .forEach(
              (type, waits) ->
                  (CriticalPath.PAGE_ACTIVITIES.contains(type)
                          ? pageWaitsOpen
                          : activityWaitsOpen.computeIfAbsent(type, ignored -> new ArrayList<>()))
                      .addAll(waits));
      sampled++;
    }
    report.figure(
        PHASE,
        "workflow task wait to be picked up (scheduled to started), " + sampled + " incidents",
        Latencies.ofNanos(taskWaits).summary());
    report.figure(
        PHASE,
        "  of which scheduled after all were open",
        Latencies.ofNanos(taskWaitsOpen).summary());
    report.figure(
        PHASE,
        "  workflow task run (started to completed), scheduled after all were open",
        Latencies.ofNanos(taskRunsOpen).summary());
    report.figure(
        PHASE,
        "activity task wait (scheduled to started), after all were open: pages",
        Latencies.ofNanos(pageWaitsOpen).summary());
    report.figure(
        PHASE,
        "  the other activities (Slack)",
        Latencies.ofNanos(activityWaitsOpen.values().stream().flatMap(List::stream).toList())
            .summary());
    report.figure(PHASE, "    by activity type", p99ByType(activityWaitsOpen));
    report.figure(
        PHASE,
        "timers fired by the server after their due time, due after all were open",
        Latencies.ofNanos(timerFiringsOpen).summary());
    if (floor.isPresent()) {
      FloorProbe.TimerFloor timers = floor.get();
      Latencies floorLateness = Latencies.ofNanos(timers.latenessNanos());
      report.figure(
          PHASE,
          "floor: the same timers in "
              + timers.workflows()
              + " bare workflows (first "
              + options.hold().toSeconds()
              + " s of each)",
          floorLateness.summary()
              + "; started in "
              + AlertStorm.seconds(timers.burst().elapsedNanos()));
      report.figure(PHASE, "floor: machine CPU busy (1 s samples)", floorCpu);
      report.check(
          PHASE,
          "floor workflows whose timers all fired",
          timers.completed(),
          timers.workflows(),
          String.join("; ", timers.burst().errorSamples()));
    } else {
      report.figure(
          PHASE,
          "floor",
          options.timerFloor()
              ? "not measured: no Temporal address (--temporal)"
              : "not measured: --no-timer-floor");
    }

    if (context.target().sameJvm()) {
      long maxHeap = Runtime.getRuntime().maxMemory();
      report.target(
          PHASE,
          "heap used after GC (API, worker and Temporal test server)",
          MachineState.mebibytes(heapWith)
              + " with "
              + count
              + " open ("
              + MachineState.mebibytes(heapBefore)
              + " before: "
              + String.format(
                  Locale.ROOT, "%.1f KiB", (heapWith - heapBefore) / 1024.0 / Math.max(1, count))
              + " per incident); max heap "
              + MachineState.mebibytes(maxHeap),
          "runs in a 1 GiB heap",
          maxHeap <= ONE_GIB);
      report.figure(
          PHASE,
          "JVM threads",
          liveThreads + " live at the end of the window, " + peakThreads + " peak");
    } else {
      report.figure(PHASE, "heap", "not measured: the deployment runs in another JVM");
    }
    report.figure(PHASE, "worker settings", workerSettings(context.target()));
    report.figure(
        PHASE,
        WORKER_CACHE,
        cacheAfter
            .flatMap(after -> cacheBefore.map(after::since))
            .orElse("not measured: the worker runs in another JVM"));
  }

  /**
   * For each delivery {@code i} whose incident's first page arrived: from the webhook's answer to
   * that page's arrival, in nanoseconds. A page is tied to its delivery by the alert group its
   * summary names ({@code group}); delivery {@code i} is group {@code i}. In delivery order.
   *
   * @param triggers the phase's trigger events by dedup key, in order of arrival
   */
  static List<Long> alertToFirstPage(
      Map<String, List<FakePagerDuty.Arrival>> triggers,
      Function<String, OptionalInt> group,
      long[] answeredNanos) {
    Long[] byDelivery = new Long[answeredNanos.length];
    triggers.forEach(
        (dedupKey, arrivals) -> {
          FakePagerDuty.Arrival first = arrivals.get(0);
          OptionalInt n = group.apply(first.summary());
          if (Pages.isFirstPage(dedupKey) && n.isPresent() && n.getAsInt() < byDelivery.length) {
            byDelivery[n.getAsInt()] = first.nanos() - answeredNanos[n.getAsInt()];
          }
        });
    return Arrays.stream(byDelivery).filter(Objects::nonNull).toList();
  }

  /**
   * Whether incidents whose timers did not fire had a workflow task left waiting in the server's
   * queue (a backlog served newest first leaves some tasks there until it drains: eighth session),
   * from the histories of up to {@link #STALLED_SAMPLE} of them, evenly spaced by number (the
   * lowest numbers opened first, and under that queue wait longest), read right after the
   * timelines: the longest wait of any of their tasks, and the age of a task still waiting.
   */
  private static String stalledTaskWaits(BenchContext context, List<JsonNode> stalled)
      throws Exception {
    if (stalled.isEmpty()) {
      return "no such incident";
    }
    int step = Math.max(1, stalled.size() / STALLED_SAMPLE);
    List<Long> longest = new ArrayList<>();
    List<Long> pending = new ArrayList<>();
    for (int i = 0; i < stalled.size() && longest.size() < STALLED_SAMPLE; i += step) {
      Instant readAt = Instant.now();
      JsonNode history = context.api().history(BenchApi.number(stalled.get(i)));
      TaskWaits.LongestWait wait = TaskWaits.longestWait(history, readAt);
      longest.add(wait.nanos());
      wait.pending().ifPresent(pending::add);
    }
    return "longest "
        + Latencies.ofNanos(longest).summary()
        + "; "
        + pending.size()
        + " of "
        + longest.size()
        + " with a task still waiting when read"
        + (pending.isEmpty() ? "" : ", for " + Latencies.ofNanos(pending).summary());
  }

  /** The channels the fake Slack made so far ({@code conversations.create} calls). */
  private static long channelsOpened(FakeSlack slack) {
    return slack.calls().getOrDefault("conversations.create", 0L);
  }

  /** Each type's p99 and count, in the map's order, for a row; "none" for no type. */
  static String p99ByType(Map<String, List<Long>> waits) {
    List<String> types = new ArrayList<>();
    waits.forEach(
        (type, nanos) -> {
          Latencies latencies = Latencies.ofNanos(nanos);
          types.add(
              type
                  + " p99 "
                  + Latencies.millis(latencies.p99Millis())
                  + " (n="
                  + latencies.count()
                  + ")");
        });
    return types.isEmpty() ? "none" : String.join("; ", types);
  }

  static String timerLoad(int timers, Duration window) {
    double seconds = Math.max(1, window.toMillis()) / 1000.0;
    return String.format(
        Locale.ROOT, "%d in %.0f s, %.1f per second", timers, seconds, timers / seconds);
  }

  static Lateness timelineLateness(
      List<JsonNode> incidents,
      BenchPolicy policy,
      Instant opened,
      Instant windowEnd,
      Instant lookedAt) {
    List<JsonNode> withMissing = new ArrayList<>();
    List<TimerRow> rows = new ArrayList<>();
    for (JsonNode incident : incidents) {
      boolean anyMissing = false;
      long number = BenchApi.number(incident);
      Instant start = Instant.parse(incident.path("triggeredAt").asText());
      Map<String, Instant> fired = new HashMap<>();
      for (JsonNode event : incident.path("timeline")) {
        String type = event.path("type").asText();
        if ("escalated".equals(type)) {
          fired.putIfAbsent(
              BenchPolicy.stepName(event.path("data").path("level").asInt()),
              Instant.parse(event.path("at").asText()));
        } else if ("update_overdue".equals(type)) {
          fired.putIfAbsent(
              BenchPolicy.noticeName(event.path("data").path("notice").asInt()),
              Instant.parse(event.path("at").asText()));
        }
      }
      for (BenchPolicy.PlannedTimer timer : policy.timersDue(start, windowEnd)) {
        Optional<Instant> firedAt = Optional.ofNullable(fired.get(timer.name()));
        anyMissing |= firedAt.isEmpty();
        long late = Duration.between(timer.due(), firedAt.orElse(lookedAt)).toNanos();
        rows.add(new TimerRow(number, timer.name(), timer.due(), firedAt, late));
      }
      if (anyMissing) {
        withMissing.add(incident);
      }
    }
    return new Lateness(opened, rows, withMissing);
  }

  /**
   * Of the seconds (of due time) with at least {@link #WORST_SECOND_MIN_TIMERS} timers due, the one
   * whose least late timer was latest.
   */
  static Optional<WorstSecond> worstSecond(List<TimerRow> rows) {
    Map<Instant, List<TimerRow>> bySecond = new TreeMap<>();
    for (TimerRow row : rows) {
      bySecond
          .computeIfAbsent(row.due().truncatedTo(ChronoUnit.SECONDS), second -> new ArrayList<>())
          .add(row);
    }
    WorstSecond worst = null;
    for (Map.Entry<Instant, List<TimerRow>> second : bySecond.entrySet()) {
      List<TimerRow> due = second.getValue();
      if (due.size() < WORST_SECOND_MIN_TIMERS) {
        continue;
      }
      long least = due.stream().mapToLong(TimerRow::latenessNanos).min().orElseThrow();
      if (worst == null || least > worst.leastLatenessNanos()) {
        worst = new WorstSecond(second.getKey(), least, due.size());
      }
    }
    return Optional.ofNullable(worst);
  }

  private static String describe(WorstSecond worst, Instant openingStarted) {
    return "every timer due in "
        + DateTimeFormatter.ISO_INSTANT.format(worst.second())
        + " ("
        + Duration.between(openingStarted.truncatedTo(ChronoUnit.SECONDS), worst.second())
            .toSeconds()
        + " s after the first alert; "
        + worst.timers()
        + " timers) at least "
        + Latencies.millis(worst.leastLatenessNanos() / 1e6)
        + " late";
  }

  /**
   * Every row as CSV: incident, timer, due, fired (empty if not), lateness in milliseconds. No
   * field is quoted: incidents are {@code INC-<n>}, timers are {@link BenchPolicy}'s names
   * (letters, digits, spaces) and times ISO-8601, none with a comma or a quote.
   */
  static void writeTimerLog(Path file, List<TimerRow> rows) throws IOException {
    List<String> lines = new ArrayList<>(rows.size() + 1);
    lines.add("incident,timer,due,fired,lateness_ms");
    for (TimerRow row : rows) {
      lines.add(
          "INC-"
              + row.incident()
              + ","
              + row.timer()
              + ","
              + row.due()
              + ","
              + row.fired().map(Instant::toString).orElse("")
              + ","
              + TimeUnit.NANOSECONDS.toMillis(row.latenessNanos()));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /**
   * The overdue notices' posts against their plan: the lateness of each notice due in the window,
   * and how many of them had no post when the run read the incidents back (each counted at its
   * lateness so far).
   */
  record NoticePosts(List<Long> lateness, int unposted) {}

  /**
   * From each overdue notice's planned time to the arrival of its post at the fake Slack, or to the
   * read-back if it had not arrived. An incident's {@code k}th notice post is taken for its {@code
   * k}th notice: an incident's posts go out in order, and nobody gives a status update in the
   * bench. A post made twice would shift the later ones; that takes the Slack client giving up on
   * the fake's answer, which comes at once.
   */
  static NoticePosts noticePostLateness(
      List<JsonNode> incidents,
      BenchPolicy policy,
      Map<Long, List<Instant>> posts,
      Instant windowEnd,
      Instant lookedAt) {
    List<Long> late = new ArrayList<>();
    int unposted = 0;
    for (JsonNode incident : incidents) {
      Instant start = Instant.parse(incident.path("triggeredAt").asText());
      List<Instant> arrivals = posts.getOrDefault(BenchApi.number(incident), List.of());
      for (int notice = 1; ; notice++) {
        Instant due = policy.updateDue(start, notice);
        if (due.isAfter(windowEnd)) {
          break;
        }
        Instant arrived = lookedAt;
        if (notice <= arrivals.size()) {
          arrived = arrivals.get(notice - 1);
        } else {
          unposted++;
        }
        late.add(Duration.between(due, arrived).toNanos());
      }
    }
    return new NoticePosts(late, unposted);
  }

  private static List<Long> pageLateness(
      List<JsonNode> incidents,
      BenchPolicy policy,
      Map<String, List<FakePagerDuty.Arrival>> triggers,
      Instant windowEnd,
      Instant lookedAt) {
    List<Long> late = new ArrayList<>();
    for (JsonNode incident : incidents) {
      Instant start = Instant.parse(incident.path("triggeredAt").asText());
      long number = BenchApi.number(incident);
      for (int level = 1; level <= policy.escalateAt().size(); level++) {
        Instant due = policy.stepDue(start, level);
        if (due.isAfter(windowEnd)) {
          break;
        }
        List<FakePagerDuty.Arrival> arrivals =
            triggers.getOrDefault(Pages.dedupKey(number, level), List.of());
        Instant arrived = arrivals.isEmpty() ? lookedAt : arrivals.get(0).at();
        late.add(Duration.between(due, arrived).toNanos());
      }
    }
    return late;
  }

  private static String workerSettings(BenchTarget target) {
    if (target.worker().isEmpty()) {
      return "those of the deployment under test";
    }
    WorkerSettings settings = target.worker().get();
    WorkerOptions workerDefaults = WorkerOptions.newBuilder().validateAndBuildWithDefaults();
    return "workflow cache "
        + settings.maxCachedWorkflows()
        + ", workflow threads "
        + settings.workflowThreadsDescription()
        + ", workflow task slots "
        + settings.maxConcurrentWorkflowTasks()
        + ", activity slots "
        + settings.maxConcurrentActivities()
        + "; SDK defaults: local activity slots "
        + workerDefaults.getMaxConcurrentLocalActivityExecutionSize()
        + ", workflow task pollers "
        + workerDefaults.getMaxConcurrentWorkflowTaskPollers()
        + ", activity pollers "
        + workerDefaults.getMaxConcurrentActivityTaskPollers();
  }
}
