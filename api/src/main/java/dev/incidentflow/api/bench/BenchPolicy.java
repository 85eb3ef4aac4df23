package dev.incidentflow.api.bench;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.policy.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The severity policy the benchmark runs under, with timers short enough to watch. SEV1 (alert
 * label {@code critical}) is the open-incidents phase: a status update due every {@code
 * updateEvery}, and escalation steps after {@code escalateAt}. SEV2 (label {@code error}) is the
 * storm and alert-to-page phases: one page and no timer after it, so those incidents sit idle and
 * do not disturb the timer measurement. Every escalation step names {@code unless: resolved}:
 * nobody resolves a bench incident, so they all run, and a step without {@code unless} after step 0
 * fails the workflow task (IncidentState.fireDueTimers reads {@code unless()} before its null
 * check).
 *
 * @param escalateAt when steps 1, 2, ... run, counted from the incident's start (step 0 runs at
 *     once)
 */
public record BenchPolicy(Duration updateEvery, List<Duration> escalateAt) {
  private static final String STEP = "escalation step ";

  /** A timer the policy sets for one incident, and when it is due. */
  public record PlannedTimer(String name, Instant due) {
    /** An escalation step's timer, rather than an overdue notice's. */
    public boolean isEscalationStep() {
      return name.startsWith(STEP);
    }
  }

  public BenchPolicy {
    requireNonNull(updateEvery, "updateEvery is null");
    escalateAt = List.copyOf(requireNonNull(escalateAt, "escalateAt is null"));
    if (updateEvery.toMillis() < 1) {
      throw new IllegalArgumentException("updateEvery must be at least 1ms");
    }
    Duration previous = Duration.ZERO;
    for (Duration at : escalateAt) {
      if (at.compareTo(previous) < 0) {
        throw new IllegalArgumentException("escalation steps must be in order: " + escalateAt);
      }
      previous = at;
    }
  }

  /** The timers of an incident started at {@code start} that are due at or before {@code until}. */
  public List<PlannedTimer> timersDue(Instant start, Instant until) {
    List<PlannedTimer> due = new ArrayList<>();
    for (int level = 1; level <= escalateAt.size(); level++) {
      Instant at = stepDue(start, level);
      if (!at.isAfter(until)) {
        due.add(new PlannedTimer(stepName(level), at));
      }
    }
    for (int notice = 1; !updateDue(start, notice).isAfter(until); notice++) {
      due.add(new PlannedTimer(noticeName(notice), updateDue(start, notice)));
    }
    return due;
  }

  /** When escalation step {@code level} (1-based; 0 is the first page) is due. */
  public Instant stepDue(Instant start, int level) {
    return level == 0 ? start : start.plus(escalateAt.get(level - 1));
  }

  /** When the {@code notice}th overdue notice (1-based) is due. */
  public Instant updateDue(Instant start, int notice) {
    return start.plus(updateEvery.multipliedBy(notice));
  }

  static String stepName(int level) {
    return STEP + level;
  }

  static String noticeName(int notice) {
    return "update overdue notice " + notice;
  }

  /** The policy file, in config/policy.yml's format. */
  public String yaml() {
    String steps =
        escalateAt.stream()
            .map(
                at ->
                    "      - {after: "
                        + Durations.format(at)
                        + ", unless: resolved, notify: [\"oncall:secondary\", \"role:engineering-manager\"]}")
            .collect(Collectors.joining("\n"));
    return """
        # Written by `incidentflow bench`: short timers so a run can watch them fire.
        severities:
          SEV1:
            description: Bench open incidents, with live escalation and cadence timers
            aliases: [P1, critical]
            page: true
            statusUpdates: {every: %s, audience: [channel]}
            monitoringWindow: 30m
            escalation:
              - {after: 0s, notify: ["oncall:primary"]}
        %s
            postmortem: {required: false}
          SEV2:
            description: Bench storm and alert-to-page incidents, one page and no timers after it
            aliases: [P2, error]
            page: true
            statusUpdates: {every: null, audience: [channel]}
            monitoringWindow: 30m
            escalation:
              - {after: 0s, notify: ["oncall:primary"]}
            postmortem: {required: false}
          SEV3:
            description: Unused by the benchmark
            aliases: [P3, warning]
            page: false
            statusUpdates: {every: null, audience: [channel]}
            monitoringWindow: 15m
            postmortem: {required: false}
          SEV4:
            description: Unused by the benchmark
            aliases: [P4, info]
            page: false
            statusUpdates: {every: null, audience: [channel]}
            monitoringWindow: 15m
            postmortem: {required: false}
        actionItems: {remindBefore: 2d, escalateAfterOverdue: 3d, pollEvery: 6h}
        """
        .formatted(
            Durations.format(updateEvery), steps.isEmpty() ? "" : steps.indent(0).stripTrailing());
  }

  /** Writes {@link #yaml()} to a new temporary file, deleted when the JVM exits. */
  public Path writeTemporaryFile() throws IOException {
    Path file = Files.createTempFile("incidentflow-bench-policy-", ".yml");
    file.toFile().deleteOnExit();
    Files.writeString(file, yaml());
    return file;
  }
}
