package dev.incidentflow.api.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What one run does; the {@code bench} command's flags.
 *
 * @param alerts alert deliveries in the storm
 * @param stormWarmup deliveries to groups of their own before the storm, not measured against its
 *     target; 0 for none
 * @param groups alert groups the storm's deliveries are spread over (one incident each)
 * @param senders concurrent webhook senders (storm and opening the incidents of phase c)
 * @param pageSamples alert-to-page samples, each next to a floor sample; 0 skips the phase
 * @param openIncidents incidents opened at once for the timer phase; 0 skips the phase
 * @param hold how long the open incidents are watched after the last one paged
 * @param drainTimeout the longest the run waits for pages to arrive and work to drain
 * @param timerFloor whether phase c first runs its timer floor (bare workflows with the same
 *     timers, for as long as {@code hold}); off for a long hold at a production policy's pace
 * @param timerLog where phase c writes every planned timer, one CSV row each (when it was due, when
 *     it fired, how late), to find the seconds in which timers waited; empty for none
 * @param jdkHttpClient whether the senders post through the JDK's {@code HttpClient}, as every run
 *     did before the thirtieth session, rather than each on a kept-alive socket of its own ({@link
 *     KeepAliveConnection})
 */
public record BenchOptions(
    int alerts,
    int stormWarmup,
    int groups,
    int senders,
    int pageSamples,
    int openIncidents,
    Duration hold,
    Duration drainTimeout,
    boolean timerFloor,
    Optional<Path> timerLog,
    boolean jdkHttpClient,
    BenchPolicy policy) {

  public BenchOptions {
    if (groups < 1 || alerts < groups) {
      throw new IllegalArgumentException(
          "--groups must be at least 1 and --alerts at least --groups");
    }
    if (stormWarmup != 0 && stormWarmup < groups) {
      throw new IllegalArgumentException("--storm-warmup must be 0 or at least --groups");
    }
    if (senders < 1) {
      throw new IllegalArgumentException("--senders must be at least 1");
    }
    if (pageSamples < 0 || openIncidents < 0) {
      throw new IllegalArgumentException(
          "--page-samples and --open-incidents must not be negative");
    }
    requireNonNull(hold, "hold is null");
    requireNonNull(drainTimeout, "drainTimeout is null");
    requireNonNull(timerLog, "timerLog is null");
    if (timerLog.isPresent() && openIncidents == 0) {
      throw new IllegalArgumentException("--timer-log needs phase c: --open-incidents is 0");
    }
    requireNonNull(policy, "policy is null");
  }
}
