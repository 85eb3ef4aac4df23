package dev.incidentflow.api.config;

import static java.util.Objects.requireNonNull;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One channel made of several, each call going to the next in turn.
 *
 * <p>gRPC's in-process transport guards each channel's streams with one lock ({@code synchronized}
 * on {@code io.grpc.inprocess.InProcessTransport}, grpc-java 1.76): every call takes it to open its
 * stream and, from the server's threads, again to close it. With the API's request threads, the
 * worker's pollers and executors and the server's own threads all on one channel, that lock is the
 * busiest in the JVM during a storm; on two cores its holder is often descheduled while dozens
 * wait. Channels to the same server share no transport lock (they still share the server and its
 * threads), so spreading the calls spreads that waiting: in {@code bench}'s storm the tail of the
 * webhook latency fell and its median rose (docs/benchmarks.md, twenty-sixth session).
 *
 * <p>{@link #notifyWhenStateChanged} is not supported (ManagedChannel's default throws); the
 * Temporal SDK, handed a channel, only asks for its state.
 */
final class SpreadChannel extends ManagedChannel {
  private final List<ManagedChannel> channels;
  private final AtomicInteger next = new AtomicInteger();

  SpreadChannel(List<ManagedChannel> channels) {
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("a spread channel needs at least one channel");
    }
    this.channels = List.copyOf(channels);
  }

  @Override
  public <RequestT, ResponseT> ClientCall<RequestT, ResponseT> newCall(
      MethodDescriptor<RequestT, ResponseT> method, CallOptions options) {
    requireNonNull(method, "method is null");
    return channels
        .get(Math.floorMod(next.getAndIncrement(), channels.size()))
        .newCall(method, options);
  }

  @Override
  public String authority() {
    return channels.get(0).authority();
  }

  @Override
  public ManagedChannel shutdown() {
    channels.forEach(ManagedChannel::shutdown);
    return this;
  }

  @Override
  public ManagedChannel shutdownNow() {
    channels.forEach(ManagedChannel::shutdownNow);
    return this;
  }

  @Override
  public boolean isShutdown() {
    return channels.stream().allMatch(ManagedChannel::isShutdown);
  }

  @Override
  public boolean isTerminated() {
    return channels.stream().allMatch(ManagedChannel::isTerminated);
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    for (ManagedChannel channel : channels) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !channel.awaitTermination(left, TimeUnit.NANOSECONDS)) {
        return isTerminated();
      }
    }
    return true;
  }

  /**
   * The worst of its channels' states, worst first: {@code SHUTDOWN}, {@code TRANSIENT_FAILURE},
   * {@code CONNECTING}, {@code IDLE}, {@code READY}.
   */
  @Override
  public ConnectivityState getState(boolean requestConnection) {
    ConnectivityState worst = ConnectivityState.READY;
    for (ManagedChannel channel : channels) {
      ConnectivityState state = channel.getState(requestConnection);
      if (rank(state) > rank(worst)) {
        worst = state;
      }
    }
    return worst;
  }

  private static int rank(ConnectivityState state) {
    return switch (state) {
      case READY -> 0;
      case IDLE -> 1;
      case CONNECTING -> 2;
      case TRANSIENT_FAILURE -> 3;
      case SHUTDOWN -> 4;
    };
  }

  @Override
  public void resetConnectBackoff() {
    channels.forEach(ManagedChannel::resetConnectBackoff);
  }

  @Override
  public void enterIdle() {
    channels.forEach(ManagedChannel::enterIdle);
  }
}
