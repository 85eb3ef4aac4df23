package dev.incidentflow.api.config;

import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.InProcessGRPCServer;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's Java test server as {@code dev} and {@code bench} embed it: in real time (time
 * skipping locked), serving one set of workflow state two ways, on a TCP port for other processes
 * and in-process for the clients in this JVM, with its lock log switched off.
 *
 * <p>In-process: the application's worker and client are in the server's JVM, and gRPC's in-process
 * transport hands them the server's protobuf messages as they are, where the TCP port costs both
 * sides HTTP/2 framing and a serialization each way for every call ({@code
 * TestServer.createServer()} reaches Temporal's own test environment in-process too, over one
 * channel; this one spreads its calls over several, see {@link #channel()}). Anything outside the
 * JVM (a second worker, a CLI, {@code bench --temporal}) uses the port and sees the same workflows.
 *
 * <p>The lock log: the test server's clock ({@code SelfAdvancingTimerImpl}, temporal-test-server
 * 1.38.0) appends an entry to a {@code LinkedList} for every time lock it takes and releases, which
 * is every workflow task, activity task and timer, and never drops the entries of locks released
 * through a state change. The list is for debugging only (it feeds a diagnostic dump). It grows for
 * the life of the server, and every timer that fires searches it from the head, under the one lock
 * every other request of the server waits for. So the longer a dev server runs, the slower each
 * timer gets and the longer everything else waits behind it: in {@code bench} that search was the
 * top frame of 22 % of all CPU samples while 300 incidents opened. The list is replaced by one that
 * keeps nothing. Time locking itself (the counter that decides whether time may skip) is untouched,
 * and {@code dev} does not skip time anyway. The list is private to the test server, so this
 * reaches it by reflection; if a later version renames it, the server starts as it is and the log
 * says the lock log was left on.
 */
public final class EmbeddedTemporalServer implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

  private final TestServicesStarter services;
  private final Server tcp;
  private final InProcessGRPCServer inProcess;
  private final ManagedChannel channel;

  /**
   * How many in-process channels {@link #channel()} spreads its calls over. In {@code bench}'s
   * storm on two cores, threads waited on the one channel's lock for 40 to 80 s of every second
   * (Flight Recorder, twenty-sixth session).
   */
  static final int IN_PROCESS_CHANNELS = 8;

  private EmbeddedTemporalServer(
      TestServicesStarter services, Server tcp, InProcessGRPCServer inProcess) {
    this.services = services;
    this.tcp = tcp;
    this.inProcess = inProcess;
    SocketAddress address = inProcess.getServer().getListenSockets().get(0);
    List<ManagedChannel> channels = new ArrayList<>();
    for (int i = 0; i < IN_PROCESS_CHANNELS; i++) {
      // directExecutor, as the test server's own in-process channel
      channels.add(InProcessChannelBuilder.forAddress(address).directExecutor().build());
    }
    this.channel = new SpreadChannel(channels);
  }

  /** Starts the server on {@code port} and in-process. */
  public static EmbeddedTemporalServer start(int port) throws IOException {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    try {
      discardLockLog(services);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn(
          "Temporal test server: could not switch off its lock log ({}); timers get slower the"
              + " longer it runs",
          e.toString());
    }
    // On 127.0.0.1 only, as dev's HTTP ports are: the test server has no authentication, and anyone
    // who reached it could signal, terminate and read every incident.
    ServerBuilder<?> tcp =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
            InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), tcp);
    Server started;
    try {
      started = tcp.build().start();
    } catch (IOException | RuntimeException e) {
      services.close();
      throw e;
    }
    // No channel of its own (false): the clients here use channel(), made in the constructor.
    return new EmbeddedTemporalServer(
        services, started, new InProcessGRPCServer(services.getServices(), false));
  }

  /**
   * A channel to the server inside this JVM, spread over {@link #IN_PROCESS_CHANNELS} in-process
   * channels (see {@link SpreadChannel}); the server owns it and closes it.
   */
  public ManagedChannel channel() {
    return channel;
  }

  public int port() {
    return tcp.getPort();
  }

  /** Where the server listens for TCP connections. */
  List<? extends SocketAddress> listenAddresses() {
    return tcp.getListenSockets();
  }

  @Override
  public void close() {
    channel.shutdown();
    inProcess.shutdown();
    tcp.shutdown();
    try {
      // One 5 s deadline for all three: a worker's long poll may still be open on the channel.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      if (!channel.awaitTermination(left(deadline), TimeUnit.NANOSECONDS)) {
        log.warn("Temporal test server: in-process calls still open after 5 s; cancelling them");
        channel.shutdownNow();
      }
      inProcess.awaitTermination(left(deadline), TimeUnit.NANOSECONDS);
      if (!tcp.awaitTermination(left(deadline), TimeUnit.NANOSECONDS)) {
        log.warn("Temporal test server: the port did not close within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
    tcp.shutdownNow();
  }

  private static long left(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /**
   * Replaces the clock's lock log with {@link DiscardedLockLog}, holding the clock's own lock so
   * that every later holder sees the new list.
   */
  private static void discardLockLog(TestServicesStarter services)
      throws ReflectiveOperationException {
    Object clock = read(services, "selfAdvancingTimer");
    Lock lock = (Lock) read(clock, "lock");
    Field events = clock.getClass().getDeclaredField("lockEvents");
    if (events.getType() != LinkedList.class) {
      throw new NoSuchFieldException("lockEvents is a " + events.getType().getName());
    }
    events.setAccessible(true);
    lock.lock();
    try {
      events.set(clock, new DiscardedLockLog());
    } finally {
      lock.unlock();
    }
  }

  /** The clock's lock log as it is now: the test server's own list, or {@link DiscardedLockLog}. */
  static LinkedList<?> lockLog(TestServicesStarter services) throws ReflectiveOperationException {
    return (LinkedList<?>) read(read(services, "selfAdvancingTimer"), "lockEvents");
  }

  LinkedList<?> lockLog() throws ReflectiveOperationException {
    return lockLog(services);
  }

  private static Object read(Object owner, String name) throws ReflectiveOperationException {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    Object value = field.get(owner);
    if (value == null) {
      throw new NoSuchFieldException(name + " is null");
    }
    return value;
  }

  /**
   * A lock log that keeps nothing. The clock adds an entry per lock and unlock and removes the
   * entry of a lock released through its handle, failing when the entry is missing; here every add
   * is dropped and every remove succeeds.
   */
  static final class DiscardedLockLog extends LinkedList<Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean add(Object entry) {
      return true;
    }

    @Override
    public boolean remove(Object entry) {
      return true;
    }
  }
}
