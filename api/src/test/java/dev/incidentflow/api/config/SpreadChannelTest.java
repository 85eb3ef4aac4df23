package dev.incidentflow.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Empty;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SpreadChannelTest {
  private static final MethodDescriptor<Empty, Empty> METHOD =
      MethodDescriptor.<Empty, Empty>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("test/Call")
          .setRequestMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
          .build();

  /** Counts its calls; shuts down and terminates when told. */
  private static final class CountingChannel extends ManagedChannel {
    int calls;
    boolean shutdown;
    ConnectivityState state = ConnectivityState.READY;
    boolean askedToConnect;

    @Override
    public <RequestT, ResponseT> ClientCall<RequestT, ResponseT> newCall(
        MethodDescriptor<RequestT, ResponseT> method, CallOptions options) {
      calls++;
      return null;
    }

    @Override
    public String authority() {
      return "counting";
    }

    @Override
    public ManagedChannel shutdown() {
      shutdown = true;
      return this;
    }

    @Override
    public ManagedChannel shutdownNow() {
      return shutdown();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return shutdown;
    }

    @Override
    public ConnectivityState getState(boolean requestConnection) {
      askedToConnect |= requestConnection;
      return state;
    }
  }

  @Test
  void callsGoToEachChannelInTurn() {
    List<CountingChannel> channels =
        List.of(new CountingChannel(), new CountingChannel(), new CountingChannel());
    SpreadChannel spread = new SpreadChannel(List.copyOf(channels));

    for (int i = 0; i < 7; i++) {
      spread.newCall(METHOD, CallOptions.DEFAULT);
    }

    assertThat(channels).extracting(channel -> channel.calls).containsExactly(3, 2, 2);
  }

  @Test
  void itIsShutDownAndTerminatedOnlyWhenAllItsChannelsAre() throws Exception {
    CountingChannel first = new CountingChannel();
    CountingChannel second = new CountingChannel();
    SpreadChannel spread = new SpreadChannel(List.of(first, second));

    first.shutdown();
    assertThat(spread.isShutdown()).isFalse();
    assertThat(spread.awaitTermination(1, TimeUnit.MILLISECONDS)).isFalse();

    spread.shutdown();
    assertThat(second.isShutdown()).isTrue();
    assertThat(spread.isTerminated()).isTrue();
    assertThat(spread.awaitTermination(1, TimeUnit.MILLISECONDS)).isTrue();
  }

  @Test
  void itsStateIsTheWorstOfItsChannelsAndItAsksEachToConnectWhenAsked() {
    CountingChannel ready = new CountingChannel();
    CountingChannel idle = new CountingChannel();
    idle.state = ConnectivityState.IDLE;
    CountingChannel failing = new CountingChannel();
    failing.state = ConnectivityState.TRANSIENT_FAILURE;

    assertThat(new SpreadChannel(List.of(ready, ready)).getState(false))
        .isEqualTo(ConnectivityState.READY);
    assertThat(List.of(ready, idle, failing)).noneMatch(channel -> channel.askedToConnect);
    assertThat(new SpreadChannel(List.of(ready, idle, failing)).getState(true))
        .isEqualTo(ConnectivityState.TRANSIENT_FAILURE);
    assertThat(List.of(ready, idle, failing)).allMatch(channel -> channel.askedToConnect);
    assertThat(new SpreadChannel(List.of(failing, idle)).getState(false))
        .isEqualTo(ConnectivityState.TRANSIENT_FAILURE);
  }

  @Test
  void itNeedsAChannel() {
    assertThatThrownBy(() -> new SpreadChannel(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
