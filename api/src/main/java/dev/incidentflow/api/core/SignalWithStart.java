package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.temporal.common.metadata.WorkflowMethodType;

/**
 * Signal-with-start that survives the Java test server's race: it is atomic on a real Temporal
 * server, but the test server can answer "already started" to concurrent callers for one new
 * workflow id, so that answer is retried with a fresh request (a stub can be started once; see
 * NOTES.md). On a real server the retry never happens.
 *
 * <p>The request goes through an untyped stub, named by a {@link Signal} read once from the
 * workflow interface: a typed stub reads the interface's annotations again on every call, which was
 * about a tenth of the webhook's own CPU time in an alert storm.
 */
public final class SignalWithStart {
  static final int ATTEMPTS = 5;

  private SignalWithStart() {}

  /** A workflow type and one of its signals, as the workflow interface's annotations name them. */
  public record Signal(String workflowType, String signalName) {

    public Signal {
      requireNonNull(workflowType, "workflowType is null");
      requireNonNull(signalName, "signalName is null");
    }

    /**
     * The type of {@code workflowInterface} and the name of its signal method {@code method}.
     *
     * @throws IllegalArgumentException when the interface has no such signal method
     */
    public static Signal of(Class<?> workflowInterface, String method) {
      POJOWorkflowInterfaceMetadata metadata =
          POJOWorkflowInterfaceMetadata.newInstance(workflowInterface);
      String signal =
          metadata.getMethodsMetadata().stream()
              .filter(candidate -> candidate.getType() == WorkflowMethodType.SIGNAL)
              .filter(candidate -> candidate.getWorkflowMethod().getName().equals(method))
              .map(POJOWorkflowMethodMetadata::getName)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          workflowInterface.getName() + " has no signal method " + method));
      return new Signal(metadata.getWorkflowType().orElseThrow(), signal);
    }
  }

  /**
   * Starts the workflow {@code options} name with {@code startArgument} unless it runs, signals it
   * {@code signalArgument}, and returns the execution that took the signal.
   */
  public static WorkflowExecution send(
      WorkflowClient client,
      Signal signal,
      WorkflowOptions options,
      Object startArgument,
      Object signalArgument) {
    WorkflowExecutionAlreadyStarted last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      WorkflowStub stub = client.newUntypedWorkflowStub(signal.workflowType(), options);
      try {
        return stub.signalWithStart(
            signal.signalName(), new Object[] {signalArgument}, new Object[] {startArgument});
      } catch (WorkflowExecutionAlreadyStarted raced) {
        last = raced;
      }
    }
    throw last;
  }
}
