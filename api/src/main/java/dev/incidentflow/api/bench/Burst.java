package dev.incidentflow.api.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Makes a fixed number of deliveries from a fixed number of senders, each a bounded loop taking the
 * next delivery number until none is left, and times every delivery from send to answer. A delivery
 * is a webhook (the storm, opening the incidents) or a call of the floor's (the same load without
 * the application).
 */
final class Burst {
  private static final int ERROR_SAMPLES = 5;

  /**
   * @param latencyNanos per delivery, failed ones included
   * @param answeredNanos per delivery, when its answer came ({@link System#nanoTime()})
   * @param errors deliveries not accepted (a webhook answered with anything but 202, a call that
   *     failed) or not answered
   * @param senderCpuNanos the CPU time the sender threads used, together (0 where the JVM keeps
   *     none): their threads end with the burst, before {@link ThreadCpu} can read them
   */
  record Result(
      long[] latencyNanos,
      long[] answeredNanos,
      long errors,
      List<String> errorSamples,
      long elapsedNanos,
      long senderCpuNanos) {
    double perSecond() {
      return latencyNanos.length / (elapsedNanos / 1e9);
    }
  }

  /** One delivery. */
  @FunctionalInterface
  interface Delivery {
    /**
     * Makes delivery {@code i} (0-based).
     *
     * @return null when it was accepted, else what went wrong
     * @throws Exception when it could not be made; counted as an error
     */
    String deliver(int i) throws Exception;
  }

  /** A sender's deliveries, with what it keeps from one to the next (a connection). */
  @FunctionalInterface
  interface Sender extends Delivery, AutoCloseable {
    /** Called once the sender has made its last delivery. */
    @Override
    default void close() {}
  }

  private Burst() {}

  /** Posts delivery {@code i} (0-based) to the Alertmanager webhook with body {@code bodies(i)}. */
  static Result webhooks(BenchApi api, int deliveries, int senders, IntFunction<String> bodies)
      throws InterruptedException {
    return posts(api, BenchApi.ALERTMANAGER, deliveries, senders, bodies);
  }

  /**
   * Posts delivery {@code i} (0-based) to {@code path} with body {@code bodies(i)}; 202 accepts.
   */
  static Result posts(
      BenchApi api, String path, int deliveries, int senders, IntFunction<String> bodies)
      throws InterruptedException {
    return runSenders(
        deliveries,
        senders,
        () -> {
          BenchApi.Poster poster = api.poster();
          return new Sender() {
            @Override
            public String deliver(int i) throws Exception {
              int status = poster.post(path, bodies.apply(i));
              return status == 202 ? null : "HTTP " + status;
            }

            @Override
            public void close() {
              poster.close();
            }
          };
        });
  }

  /** Every sender makes its deliveries with {@code delivery}, which keeps nothing per sender. */
  static Result run(int deliveries, int senders, Delivery delivery) throws InterruptedException {
    return runSenders(deliveries, senders, () -> delivery::deliver);
  }

  /**
   * Each sender thread makes its deliveries with a {@link Sender} of its own from {@code
   * newSender}.
   */
  static Result runSenders(int deliveries, int senders, Supplier<Sender> newSender)
      throws InterruptedException {
    long[] latency = new long[deliveries];
    long[] answered = new long[deliveries];
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    AtomicLong senderCpu = new AtomicLong();
    List<String> samples = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(senders, Daemons.named(ThreadCpu.SENDER_THREADS));
    long started = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        running.add(
            pool.submit(
                () -> {
                  long cpuBefore = ThreadCpu.currentThreadNanos();
                  try (Sender delivery = newSender.get()) {
                    // A post on a blocking socket does not see an interrupt: the loop checks it.
                    for (int i = next.getAndIncrement();
                        i < deliveries && !Thread.currentThread().isInterrupted();
                        i = next.getAndIncrement()) {
                      long sent = System.nanoTime();
                      String error;
                      try {
                        error = delivery.deliver(i);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                      } catch (Exception e) {
                        error = e.toString();
                      }
                      answered[i] = System.nanoTime();
                      latency[i] = answered[i] - sent;
                      if (error != null) {
                        errors.incrementAndGet();
                        synchronized (samples) {
                          if (samples.size() < ERROR_SAMPLES) {
                            samples.add("delivery " + i + ": " + error);
                          }
                        }
                      }
                    }
                  } finally {
                    senderCpu.addAndGet(ThreadCpu.currentThreadNanos() - cpuBefore);
                  }
                }));
      }
      for (Future<?> sender : running) {
        sender.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a sender failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    long elapsed = System.nanoTime() - started;
    synchronized (samples) {
      return new Result(
          latency, answered, errors.get(), List.copyOf(samples), elapsed, senderCpu.get());
    }
  }
}
