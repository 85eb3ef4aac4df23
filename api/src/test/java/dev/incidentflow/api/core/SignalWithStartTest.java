package dev.incidentflow.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.incident.AlertEvent;
import dev.incidentflow.workflows.incident.IncidentInput;
import dev.incidentflow.workflows.incident.IncidentWorkflow;
import io.temporal.common.MethodRetry;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class SignalWithStartTest {

  @WorkflowInterface
  public interface Renamed {
    @WorkflowMethod(name = "RenamedType")
    void run(String input);

    @SignalMethod(name = "poke")
    void nudge(String argument);
  }

  @Test
  void theSignalIsNamedAsTheWorkflowInterfaceAnnotatesIt() {
    assertThat(
            SignalWithStart.Signal.of(
                IncidentWorkflow.class, "alert", IncidentInput.class, AlertEvent.class))
        .isEqualTo(new SignalWithStart.Signal<>("IncidentWorkflow", "alert"));
    assertThat(SignalWithStart.Signal.of(Renamed.class, "nudge", String.class, String.class))
        .isEqualTo(new SignalWithStart.Signal<>("RenamedType", "poke"));
  }

  @Test
  void aMethodThatIsNotASignalOrArgumentsOfOtherTypesAreRefused() {
    assertRefused(Renamed.class, "run", String.class, String.class)
        .hasMessageContaining("has no signal method run taking one String");
    assertRefused(Renamed.class, "nudge", String.class, Integer.class)
        .hasMessageContaining("has no signal method nudge taking one Integer");
    assertRefused(Renamed.class, "nudge", Integer.class, String.class)
        .hasMessageContaining("has no workflow method taking one Integer");
    assertRefused(Retried.class, "nudge", String.class, String.class)
        .hasMessageContaining("@MethodRetry or @CronSchedule");
  }

  /** Asserts that {@link SignalWithStart.Signal#of} refuses these as an illegal argument. */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      Class<?> workflowInterface, String method, Class<?> start, Class<?> signal) {
    return assertThatThrownBy(
            () -> SignalWithStart.Signal.of(workflowInterface, method, start, signal))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @WorkflowInterface
  public interface Retried {
    @WorkflowMethod
    @MethodRetry(maximumAttempts = 3)
    void run(String input);

    @SignalMethod
    void nudge(String argument);
  }
}
