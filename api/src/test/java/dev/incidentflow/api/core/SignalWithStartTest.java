package dev.incidentflow.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.incident.IncidentWorkflow;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
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
    assertThat(SignalWithStart.Signal.of(IncidentWorkflow.class, "alert"))
        .isEqualTo(new SignalWithStart.Signal("IncidentWorkflow", "alert"));
    assertThat(SignalWithStart.Signal.of(Renamed.class, "nudge"))
        .isEqualTo(new SignalWithStart.Signal("RenamedType", "poke"));
  }

  @Test
  void aMethodThatIsNotASignalIsRefused() {
    assertThatThrownBy(() -> SignalWithStart.Signal.of(Renamed.class, "run"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no signal method run");
  }
}
