/*
 * An experiment for docs/benchmarks.md, not part of the build: a stand-in for the Java test
 * server's io.temporal.internal.testservice.TaskQueue (temporal-test-server 1.38.0) that hands out
 * tasks of the same priority first in, first out. The test server's own keeps its backlog in a
 * java.util.PriorityQueue ordered by priority key alone; every task has key 3, and a binary heap of
 * equal keys hands out the newest task next, so under a backlog older tasks wait until it drains.
 * Same package, same package-private methods; it replaces the original only when it comes first on
 * the class path:
 *
 *   mvn -B -ntp -DskipTests package
 *   mkdir -p /tmp/fifo && javac -d /tmp/fifo -cp api/target/incidentflow.jar \
 *       docs/experiments/fifo-task-queue/TaskQueue.java
 *   java -Xmx1g -cp /tmp/fifo:api/target/incidentflow.jar \
 *       dev.incidentflow.api.IncidentFlowApplication bench ...
 *
 * Written for this experiment from the original's observable behaviour (javap), not copied.
 */
package io.temporal.internal.testservice;

import io.temporal.api.common.v1.Priority;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The test server's task queue, first in first out within a priority. */
class TaskQueue<E> {
  private record Element<E>(E value, int key, long seq) {}

  private final PriorityQueue<Element<E>> backlog =
      new PriorityQueue<>(
          Comparator.<Element<E>>comparingInt(Element::key).thenComparingLong(Element::seq));
  private final LinkedList<PollFuture> waiters = new LinkedList<>();
  private long added;

  synchronized void add(E value) {
    add(value, Priority.getDefaultInstance());
  }

  synchronized void add(E value, Priority priority) {
    for (PollFuture waiter = waiters.poll(); waiter != null; waiter = waiters.poll()) {
      if (waiter.set(value)) {
        return;
      }
    }
    int key =
        priority == null || priority == Priority.getDefaultInstance()
            ? 3
            : priority.getPriorityKey();
    backlog.add(new Element<>(value, key, added++));
  }

  Future<E> poll() {
    PollFuture future = new PollFuture();
    E value;
    synchronized (this) {
      if (backlog.isEmpty()) {
        waiters.push(future);
        return future;
      }
      value = backlog.poll().value();
    }
    future.set(value);
    return future;
  }

  private final class PollFuture implements Future<E> {
    private boolean cancelled;
    private E value;

    private synchronized boolean set(E value) {
      if (this.value != null) {
        throw new IllegalStateException("set twice");
      }
      if (cancelled) {
        return false;
      }
      this.value = value;
      notifyAll();
      return true;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      synchronized (TaskQueue.this) {
        waiters.remove(this);
      }
      synchronized (this) {
        if (value != null) {
          return false;
        }
        cancelled = true;
        notifyAll();
        return true;
      }
    }

    @Override
    public synchronized boolean isCancelled() {
      return cancelled;
    }

    @Override
    public synchronized boolean isDone() {
      return value != null;
    }

    @Override
    public synchronized E get() throws InterruptedException {
      while (value == null && !cancelled) {
        wait();
      }
      if (cancelled) {
        throw new CancellationException();
      }
      return value;
    }

    @Override
    public synchronized E get(long timeout, TimeUnit unit) throws InterruptedException {
      while (value == null && !cancelled) {
        unit.timedWait(this, timeout);
      }
      if (cancelled) {
        throw new CancellationException();
      }
      return value;
    }
  }
}
