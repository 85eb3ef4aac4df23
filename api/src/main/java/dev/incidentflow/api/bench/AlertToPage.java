package dev.incidentflow.api.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Phase b: how long a new alert takes to page, next to the floor of the same server in the same
 * run. Samples alternate, one alert then one floor workflow, one at a time, so both see the same
 * machine. Each alert is a new group: the time runs from the webhook's 202 to the first page's
 * arrival at the fake PagerDuty; the floor from the start call's return to its activity.
 *
 * <p>Every sample starts {@link #QUIET} after the one before: an incident goes on opening (its
 * channel, briefing, posts and saves) after its page, and a sample taken meanwhile would measure
 * that work too, whichever side it is on.
 */
final class AlertToPage {
  static final String PHASE = "b. alert to page";
  static final String MARKER = "page";
  static final int WARM_UP = 5;
  static final double RATIO_TARGET = 5;
  private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

  /** The pause before each sample, long enough for the last incident's opening to finish. */
  static final Duration QUIET = Duration.ofMillis(250);

  private AlertToPage() {}

  /** {@code incidentflow-INC-42-step-0} belongs to incident 42. */
  private static long incidentNumber(FakePagerDuty.Arrival page) {
    String key = page.dedupKey();
    return Long.parseLong(key.substring("incidentflow-INC-".length(), key.indexOf("-step-")));
  }

  static void run(BenchContext context) throws Exception {
    int samples = context.options().pageSamples();
    BenchReport report = context.report();
    Optional<FloorProbe> floor = context.floor();
    Progress.say(
        "alert to page: "
            + Math.min(WARM_UP, samples)
            + " warm-up rounds, then "
            + samples
            + " samples of each, "
            + QUIET.toMillis()
            + " ms apart");
    for (int i = 0; i < Math.min(WARM_UP, samples); i++) {
      Thread.sleep(QUIET.toMillis());
      pageSample(context, "warmup", i);
      if (floor.isPresent()) {
        Thread.sleep(QUIET.toMillis());
        floor.get().sample();
      }
    }
    List<Long> pages = new ArrayList<>();
    List<Long> floors = new ArrayList<>();
    List<FakePagerDuty.Arrival> paged = new ArrayList<>();
    List<String> floorWorkflows = new ArrayList<>();
    FakePagerDuty.Arrival lastPage = null;
    int missing = 0;
    for (int i = 0; i < samples; i++) {
      Thread.sleep(QUIET.toMillis());
      Optional<Sample> sample = pageSample(context, MARKER, i);
      if (sample.isPresent()) {
        pages.add(sample.get().nanos());
        lastPage = sample.get().page();
        paged.add(lastPage);
      } else {
        missing++;
      }
      if (floor.isPresent()) {
        Thread.sleep(QUIET.toMillis());
        FloorProbe.Sample floorSample = floor.get().sample();
        floors.add(floorSample.nanos());
        floorWorkflows.add(floorSample.workflowId());
      }
    }
    Latencies page = Latencies.ofNanos(pages);
    report.figure(PHASE, "alert to page (202 to PagerDuty arrival)", page.summary());
    if (lastPage != null) {
      report.figure(
          PHASE,
          "last sample's path to its page (history)",
          CriticalPath.describe(context.api().history(incidentNumber(lastPage))));
    }
    List<CriticalPath.Segments> pagePaths = new ArrayList<>();
    for (FakePagerDuty.Arrival arrival : paged) {
      CriticalPath.segments(
              context.api().history(incidentNumber(arrival)), CriticalPath.PAGE_ACTIVITIES)
          .ifPresent(pagePaths::add);
    }
    report.figure(PHASE, "where it went (event times)", CriticalPath.summary(pagePaths));
    report.check(
        PHASE,
        "samples that paged within " + PAGE_TIMEOUT.toSeconds() + " s",
        samples - missing,
        samples,
        "");
    if (floor.isEmpty()) {
      report.figure(
          PHASE,
          "floor (start to no-op activity)",
          "not measured: no Temporal address (--temporal)");
      return;
    }
    Latencies floorLatency = Latencies.ofNanos(floors);
    report.figure(PHASE, "floor (start to no-op activity)", floorLatency.summary());
    List<CriticalPath.Segments> floorPaths = new ArrayList<>();
    for (String workflowId : floorWorkflows) {
      CriticalPath.segments(floor.get().history(workflowId), Set.of(FloorActivities.NO_OP))
          .ifPresent(floorPaths::add);
    }
    report.figure(PHASE, "floor: where it went (event times)", CriticalPath.summary(floorPaths));
    if (!page.isEmpty() && !floorLatency.isEmpty()) {
      double p50Ratio = page.p50Millis() / floorLatency.p50Millis();
      double p99Ratio = page.p99Millis() / floorLatency.p99Millis();
      report.target(
          PHASE,
          "ratio to floor",
          String.format(Locale.ROOT, "p50 %.1fx, p99 %.1fx", p50Ratio, p99Ratio),
          "p50 within 5x",
          p50Ratio <= RATIO_TARGET);
    }
  }

  /** One alert-to-page sample: the page, and nanoseconds from the webhook's 202 to its arrival. */
  private record Sample(FakePagerDuty.Arrival page, long nanos) {}

  /** One new alert group, or empty when no page came. */
  private static Optional<Sample> pageSample(BenchContext context, String phase, int n)
      throws Exception {
    String marker = context.payloads().marker(phase, n);
    CompletableFuture<FakePagerDuty.Arrival> paged = context.pagerDuty().firstTrigger(marker);
    int status = context.api().postAlertmanager(context.payloads().firing(phase, n, "error"));
    long accepted = System.nanoTime();
    if (status != 202) {
      throw new IllegalStateException("the alert-to-page webhook answered " + status);
    }
    try {
      FakePagerDuty.Arrival page = paged.get(PAGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return Optional.of(new Sample(page, page.nanos() - accepted));
    } catch (TimeoutException e) {
      return Optional.empty();
    }
  }
}
