package dev.incidentflow.api.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Records {@link System#nanoTime()} at the first execution of each probe's activity. */
public final class FloorActivitiesImpl implements FloorActivities {
  private final Map<String, CompletableFuture<Long>> executed = new ConcurrentHashMap<>();

  /** Completes with the nanoTime at which the activity of {@code probeId} first ran. */
  CompletableFuture<Long> executionOf(String probeId) {
    return executed.computeIfAbsent(probeId, ignored -> new CompletableFuture<>());
  }

  void forget(String probeId) {
    executed.remove(probeId);
  }

  @Override
  public void noOp(String probeId) {
    long now = System.nanoTime();
    executionOf(probeId).complete(now);
  }
}
