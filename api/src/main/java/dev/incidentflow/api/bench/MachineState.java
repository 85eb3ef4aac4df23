package dev.incidentflow.api.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine as the run found it: cores, memory, load average (Linux's /proc/loadavg). */
final class MachineState {
  private MachineState() {}

  /** {@code 2 cores, 23.5 GiB RAM}. */
  static String machine() {
    long total = -1;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      total = os.getTotalMemorySize();
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores, "
        + (total < 0
            ? "unknown"
            : String.format(Locale.ROOT, "%.1f GiB", total / (double) (1L << 30)))
        + " RAM, "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + ", Java "
        + System.getProperty("java.version")
        + ", max heap "
        + mebibytes(Runtime.getRuntime().maxMemory());
  }

  /** The 1, 5 and 15 minute load averages, e.g. {@code 2.59 2.83 2.20}. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      double oneMinute = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return oneMinute < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f (1 min)", oneMinute);
    }
  }

  /** Heap in use right after a full collection, in bytes. */
  static long heapUsedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
  }
}
