package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.CronSchedule;
import io.temporal.common.MethodRetry;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.temporal.common.metadata.WorkflowMethodType;
import java.lang.reflect.Method;

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

  /**
   * A workflow type and one of its signals, as the workflow interface's annotations name them, with
   * the types of the workflow method's and the signal's one argument.
   */
  public record Signal<I, S>(String workflowType, String signalName) {

    public Signal {
      requireNonNull(workflowType, "workflowType is null");
      requireNonNull(signalName, "signalName is null");
    }

    /**
     * The type of {@code workflowInterface}, whose workflow method takes one {@code start}, and the
     * name of its signal method {@code method}, which takes one {@code signal}.
     *
     * @throws IllegalArgumentException when the interface has no such workflow or signal method, or
     *     its workflow method has options that an untyped stub would leave out
     *     ({@code @MethodRetry}, {@code @CronSchedule})
     */
    public static <I, S> Signal<I, S> of(
        Class<?> workflowInterface, String method, Class<I> start, Class<S> signal) {
      POJOWorkflowInterfaceMetadata metadata =
          POJOWorkflowInterfaceMetadata.newInstance(workflowInterface);
      Method run =
          metadata
              .getWorkflowMethod()
              .map(POJOWorkflowMethodMetadata::getWorkflowMethod)
              .filter(candidate -> takesOne(candidate, start))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          workflowInterface.getName()
                              + " has no workflow method taking one "
                              + start.getSimpleName()));
      if (run.isAnnotationPresent(MethodRetry.class)
          || run.isAnnotationPresent(CronSchedule.class)) {
        throw new IllegalArgumentException(
            run + " has @MethodRetry or @CronSchedule, which an untyped stub leaves out");
      }
      String name =
          metadata.getMethodsMetadata().stream()
              .filter(candidate -> candidate.getType() == WorkflowMethodType.SIGNAL)
              .filter(candidate -> candidate.getWorkflowMethod().getName().equals(method))
              .filter(candidate -> takesOne(candidate.getWorkflowMethod(), signal))
              .map(POJOWorkflowMethodMetadata::getName)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          workflowInterface.getName()
                              + " has no signal method "
                              + method
                              + " taking one "
                              + signal.getSimpleName()));
      return new Signal<>(metadata.getWorkflowType().orElseThrow(), name);
    }

    private static boolean takesOne(Method method, Class<?> type) {
      return method.getParameterCount() == 1 && method.getParameterTypes()[0].equals(type);
    }
  }

  /**
   * Starts the workflow {@code options} name with {@code startArgument} unless it runs, signals it
   * {@code signalArgument}, and returns the execution that took the signal.
   */
  public static <I, S> WorkflowExecution send(
      WorkflowClient client,
      Signal<I, S> signal,
      WorkflowOptions options,
      I startArgument,
      S signalArgument) {
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
