package dev.incidentflow.workflows.incident;

import io.temporal.workflow.Async;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What an incident sends one after another in a workflow coroutine of its own ({@link SlackOutbox},
 * {@link PagerOutbox}): the coroutine starts with the first item added and ends once it has taken
 * every item, the ones added meanwhile too.
 *
 * @param <T> what waits its turn
 */
final class SerialQueue<T> {
  private final Deque<T> waiting = new ArrayDeque<>();
  private final Consumer<Deque<T>> takeAll;
  private boolean taking;

  /**
   * @param takeAll takes the waiting items until none is left, in the coroutine
   */
  SerialQueue(Consumer<Deque<T>> takeAll) {
    this.takeAll = Objects.requireNonNull(takeAll, "takeAll is null");
  }

  void add(T item) {
    waiting.add(item);
    if (!taking) {
      taking = true;
      Async.procedure(this::takeAll);
    }
  }

  /** The items not taken yet. */
  Deque<T> waiting() {
    return waiting;
  }

  /** Every item added so far has been taken. */
  boolean isEmpty() {
    return !taking;
  }

  private void takeAll() {
    takeAll.accept(waiting);
    taking = false;
  }
}
