package dev.incidentflow.api.core;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.util.function.Consumer;

/**
 * Signal-with-start that survives the Java test server's race: it is atomic on a real Temporal
 * server, but the test server can answer "already started" to concurrent callers for one new
 * workflow id, so that answer is retried with a fresh request (a batch can be sent once; see
 * NOTES.md). On a real server the retry never happens.
 */
public final class SignalWithStart {
  static final int ATTEMPTS = 5;

  private SignalWithStart() {}

  /**
   * Sends the request {@code fill} adds the start and the signal to (on fresh stubs: it runs once
   * per attempt) and returns the execution that took the signal.
   */
  public static WorkflowExecution send(WorkflowClient client, Consumer<BatchRequest> fill) {
    WorkflowExecutionAlreadyStarted last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      BatchRequest request = client.newSignalWithStartRequest();
      fill.accept(request);
      try {
        return client.signalWithStart(request);
      } catch (WorkflowExecutionAlreadyStarted raced) {
        last = raced;
      }
    }
    throw last;
  }
}
