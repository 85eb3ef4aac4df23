package dev.incidentflow.api.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the JVM's own threads spent CPU while a burst ran, by group of threads (the request
 * threads, the senders, the Temporal worker, ...), per delivery: what a profile would say of a
 * phase's CPU, in a figure every run prints. From each live thread's CPU time (user and system,
 * {@link ThreadMXBean#getThreadCpuTime}) at the start and the end; a thread that ended between is
 * lost, so the senders, whose threads end with their burst, count their own ({@link
 * Burst.Result#senderCpuNanos()}). Not in it: what the JVM's view leaves out (the JIT compilers,
 * the garbage collector) and PostgreSQL's processes. Virtual threads' CPU is their carriers', in
 * the {@code ForkJoinPool} group.
 */
final class ThreadCpu {
  /** A group of threads, by name. */
  record Group(String label, Predicate<String> named) {}

  static final String SENDERS = "senders";

  /** The sender threads' names: their CPU is counted by themselves, not read here. */
  static final String SENDER_THREADS = "bench-sender";

  /** The groups in the order a thread's name is tried; the last takes every name. */
  static final List<Group> GROUPS =
      List.of(
          new Group("request threads", name -> name.startsWith("dw-")),
          new Group(SENDERS, name -> name.startsWith(SENDER_THREADS)),
          // The application's PagerDuty and Jira clients, and the senders' with --jdk-http-client.
          new Group("JDK HTTP clients", name -> name.startsWith("HttpClient-")),
          new Group(
              "Temporal worker",
              name ->
                  name.contains("taskQueue=")
                      || name.startsWith("workflow")
                      || name.startsWith("signal ")),
          new Group("gRPC", name -> name.startsWith("grpc-")),
          new Group("ForkJoinPool", name -> name.startsWith("ForkJoinPool")),
          new Group(
              "fake Slack and PagerDuty",
              name -> name.startsWith("fake-") || name.startsWith("HTTP-Dispatcher")),
          new Group("other", name -> true));

  private final ThreadMXBean threads;
  private final Map<Long, Long> startNanos;

  private ThreadCpu(ThreadMXBean threads, Map<Long, Long> startNanos) {
    this.threads = threads;
    this.startNanos = startNanos;
  }

  /** Notes every live thread's CPU time; {@link #describe} is "not measured" where none is kept. */
  static ThreadCpu start() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported()) {
      return new ThreadCpu(null, Map.of());
    }
    if (!threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
    Map<Long, Long> start = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu >= 0) {
        start.put(id, cpu);
      }
    }
    return new ThreadCpu(threads, start);
  }

  /** The calling thread's CPU time so far, in nanoseconds; 0 where the JVM keeps none. */
  static long currentThreadNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
  }

  /**
   * The CPU each group's threads used since {@link #start}, plus {@code senderNanos} in the
   * senders' group, over {@code deliveries}: {@code request threads 1.62, senders 0.41, ... ms per
   * delivery}, the largest first.
   */
  String describe(long senderNanos, int deliveries) {
    if (threads == null || deliveries < 1) {
      return "not measured";
    }
    Map<String, Long> byGroup = new LinkedHashMap<>();
    GROUPS.forEach(group -> byGroup.put(group.label(), 0L));
    byGroup.merge(SENDERS, senderNanos, Long::sum);
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long cpu = threads.getThreadCpuTime(ids[i]);
      if (cpu < 0 || infos[i] == null || infos[i].getThreadName().startsWith(SENDER_THREADS)) {
        continue;
      }
      long used = cpu - startNanos.getOrDefault(ids[i], 0L);
      byGroup.merge(groupOf(infos[i].getThreadName()), Math.max(0, used), Long::sum);
    }
    return perDelivery(byGroup, deliveries);
  }

  /** The label of the group thread {@code name} belongs to. */
  static String groupOf(String name) {
    return GROUPS.stream()
        .filter(group -> group.named().test(name))
        .findFirst()
        .orElseThrow()
        .label();
  }

  /**
   * {@code nanosByGroup} per delivery in milliseconds, the largest first, leaving out groups under
   * 0.005 ms (printed as 0.00).
   */
  static String perDelivery(Map<String, Long> nanosByGroup, int deliveries) {
    List<Map.Entry<String, Long>> used = new ArrayList<>(nanosByGroup.entrySet());
    used.removeIf(entry -> entry.getValue() / 1e6 / deliveries < 0.005);
    used.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    if (used.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Long> entry : used) {
      parts.add(
          String.format(
              Locale.ROOT, "%s %.2f", entry.getKey(), entry.getValue() / 1e6 / deliveries));
    }
    return String.join(", ", parts) + " ms per delivery";
  }
}
