package dev.incidentflow.api.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How busy the whole machine's CPU was while a phase ran: the operating system's CPU load (every
 * process, PostgreSQL included), sampled once a second. A phase whose samples sit near 100 % is
 * bound by CPU: its latencies are queueing behind work, not waiting on anything else.
 */
final class CpuBusy implements AutoCloseable {
  /** A sample at or above this share counts as saturated. */
  static final double SATURATED = 0.9;

  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(Daemons.named("bench-cpu"));
  private final List<Double> samples = new ArrayList<>();
  private final com.sun.management.OperatingSystemMXBean os;

  /**
   * What {@code work} returned, how busy the CPU was while it ran, and the JVM's threads' CPU from
   * its start ({@link ThreadCpu#describe} reads it up to then).
   */
  record During<T>(T value, String cpuBusy, ThreadCpu threads) {}

  private CpuBusy(com.sun.management.OperatingSystemMXBean os) {
    this.os = os;
    if (os != null) {
      os.getCpuLoad(); // the first reading has nothing to compare with
      sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }
  }

  /**
   * Starts sampling; where the JVM cannot tell the machine's CPU load, every lap is "not measured".
   */
  static CpuBusy start() {
    return new CpuBusy(
        ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os
            ? os
            : null);
  }

  /** Runs {@code work}, sampling the CPU meanwhile. */
  static <T> During<T> during(Callable<T> work) throws Exception {
    ThreadCpu threads = ThreadCpu.start();
    try (CpuBusy cpu = start()) {
      T value = work.call();
      return new During<>(value, cpu.lap(), threads);
    }
  }

  private synchronized void sample() {
    double load = os.getCpuLoad();
    if (load >= 0) {
      samples.add(load);
    }
  }

  /** The samples so far, then starts afresh: {@code mean 97 %, 41 of 43 s at 90 % or more}. */
  synchronized String lap() {
    String summary = describe(samples);
    samples.clear();
    return summary;
  }

  static String describe(List<Double> loads) {
    if (loads.isEmpty()) {
      return "not measured";
    }
    double mean = loads.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    long saturated = loads.stream().filter(load -> load >= SATURATED).count();
    return String.format(
        Locale.ROOT,
        "mean %.0f %%, %d of %d s at %.0f %% or more",
        mean * 100,
        saturated,
        loads.size(),
        SATURATED * 100);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
