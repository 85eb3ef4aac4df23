package dev.incidentflow.api.config;

import io.temporal.testserver.TestServer;
import java.lang.reflect.Field;
import java.util.LinkedList;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's Java test server as {@code dev} and {@code bench} embed it: port-bound, in real time,
 * with its lock log switched off.
 *
 * <p>Why the lock log: the test server's clock ({@code SelfAdvancingTimerImpl},
 * temporal-test-server 1.38.0) appends an entry to a {@code LinkedList} for every time lock it
 * takes and releases, which is every workflow task, activity task and timer, and never drops the
 * entries of locks released through a state change. The list is for debugging only (it feeds a
 * diagnostic dump). It grows for the life of the server, and every timer that fires searches it
 * from the head, under the one lock every other request of the server waits for. So the longer a
 * dev server runs, the slower each timer gets and the longer everything else waits behind it: in
 * {@code bench} that search was the top frame of 22 % of all CPU samples while 300 incidents
 * opened. The list is replaced by one that keeps nothing. Time locking itself (the counter that
 * decides whether time may skip) is untouched, and {@code dev} does not skip time anyway.
 *
 * <p>The fields are private to the test server, so this reaches them by reflection. If a later
 * version renames them, the server starts as it is and the log says the log was left on.
 */
public final class EmbeddedTemporalServer {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

  private EmbeddedTemporalServer() {}

  /** Starts the test server on {@code port} in real time (time skipping locked, as `dev` needs). */
  public static TestServer.PortBoundTestServer start(int port) {
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port);
    try {
      discardLockLog(server);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn(
          "Temporal test server: could not switch off its lock log ({}); timers get slower the"
              + " longer it runs",
          e.toString());
    }
    return server;
  }

  /**
   * Replaces the clock's lock log with {@link DiscardedLockLog}, holding the clock's own lock so
   * that every later holder sees the new list.
   */
  static void discardLockLog(TestServer.PortBoundTestServer server)
      throws ReflectiveOperationException {
    Object services = read(server, "testServicesStarter");
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
  static LinkedList<?> lockLog(TestServer.PortBoundTestServer server)
      throws ReflectiveOperationException {
    Object clock = read(read(server, "testServicesStarter"), "selfAdvancingTimer");
    return (LinkedList<?>) read(clock, "lockEvents");
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
