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
 * wait. Calls on separate channels share nothing, so spreading them divides the waiting.
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

  /** The first of its channels' states that is not {@code READY}, if any. */
  @Override
  public ConnectivityState getState(boolean requestConnection) {
    ConnectivityState answer = ConnectivityState.READY;
    for (ManagedChannel channel : channels) {
      ConnectivityState state = channel.getState(requestConnection);
      if (answer == ConnectivityState.READY) {
        answer = state;
      }
    }
    return answer;
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
