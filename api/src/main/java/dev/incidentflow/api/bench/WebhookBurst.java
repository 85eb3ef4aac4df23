package dev.incidentflow.api.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Delivers a fixed number of webhooks from a fixed number of senders, each a bounded loop taking
 * the next delivery number until none is left, and times every delivery from send to answer.
 */
final class WebhookBurst {
  private static final int ERROR_SAMPLES = 5;

  /**
   * @param latencyNanos per delivery, failed ones included
   * @param errors deliveries answered with anything but 202, or not answered
   */
  record Result(long[] latencyNanos, long errors, List<String> errorSamples, long elapsedNanos) {
    double perSecond() {
      return latencyNanos.length / (elapsedNanos / 1e9);
    }
  }

  private WebhookBurst() {}

  /** Sends delivery {@code i} (0-based) with the body {@code bodies.apply(i)}. */
  static Result send(BenchApi api, int deliveries, int senders, IntFunction<String> bodies)
      throws InterruptedException {
    long[] latency = new long[deliveries];
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    List<String> samples = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(senders, Daemons.named("bench-sender"));
    long started = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        running.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < deliveries; i = next.getAndIncrement()) {
                    String body = bodies.apply(i);
                    long sent = System.nanoTime();
                    String error = null;
                    try {
                      int status = api.postAlertmanager(body);
                      if (status != 202) {
                        error = "HTTP " + status;
                      }
                    } catch (IOException e) {
                      error = e.toString();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                    latency[i] = System.nanoTime() - sent;
                    if (error != null) {
                      errors.incrementAndGet();
                      synchronized (samples) {
                        if (samples.size() < ERROR_SAMPLES) {
                          samples.add("delivery " + i + ": " + error);
                        }
                      }
                    }
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
      return new Result(latency, errors.get(), List.copyOf(samples), elapsed);
    }
  }
}
