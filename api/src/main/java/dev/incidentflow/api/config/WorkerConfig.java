package dev.incidentflow.api.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.incidentflow.worker.WorkerSettings;
import dev.incidentflow.workflows.incident.IncidentWorkflowSettings;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Worker sizing; see {@link WorkerSettings} for what each number means. */
public class WorkerConfig {
  /** The first Java release with virtual threads (JEP 444). */
  static final int VIRTUAL_THREADS_SINCE = 21;

  /**
   * Twice the 2,000 open incidents a worker is sized for: the SDK's cache is up to 128 parts that
   * each evict on their own once full, so a cache as large as the workflows in it evicts some of
   * them.
   */
  @Min(1)
  private int maxCachedWorkflows = 4_000;

  @Min(1)
  private int maxConcurrentActivities = 100;

  @Min(2)
  private int maxConcurrentWorkflowTasks = 16;

  @Min(100)
  private int continueAsNewAfterEvents = 10_000;

  @NotNull private VirtualWorkflowThreads virtualWorkflowThreads = VirtualWorkflowThreads.AUTO;

  /**
   * Whether workflow code runs on virtual threads: {@code auto} (on when Java is 21 or newer),
   * {@code true} (Java 21 or newer required) or {@code false}.
   */
  public enum VirtualWorkflowThreads {
    AUTO,
    TRUE,
    FALSE;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static VirtualWorkflowThreads of(String text) {
      for (VirtualWorkflowThreads choice : values()) {
        if (choice.name().equalsIgnoreCase(text.strip())) {
          return choice;
        }
      }
      // Jackson shows the message of the innermost cause, so this one has none.
      throw new IllegalArgumentException("must be auto, true or false, not \"" + text + "\"");
    }

    /** On or off on a Java of this feature release ({@code Runtime.version().feature()}). */
    boolean on(int javaFeature) {
      return this == TRUE || this == AUTO && javaFeature >= VIRTUAL_THREADS_SINCE;
    }
  }

  @JsonProperty
  public void setMaxCachedWorkflows(int maxCachedWorkflows) {
    this.maxCachedWorkflows = maxCachedWorkflows;
  }

  @JsonProperty
  public void setMaxConcurrentActivities(int maxConcurrentActivities) {
    this.maxConcurrentActivities = maxConcurrentActivities;
  }

  @JsonProperty
  public void setMaxConcurrentWorkflowTasks(int maxConcurrentWorkflowTasks) {
    this.maxConcurrentWorkflowTasks = maxConcurrentWorkflowTasks;
  }

  @JsonProperty
  public void setContinueAsNewAfterEvents(int continueAsNewAfterEvents) {
    this.continueAsNewAfterEvents = continueAsNewAfterEvents;
  }

  @JsonProperty
  public void setVirtualWorkflowThreads(VirtualWorkflowThreads virtualWorkflowThreads) {
    this.virtualWorkflowThreads = virtualWorkflowThreads;
  }

  @ValidationMethod(
      message =
          "worker.virtualWorkflowThreads is true, but this Java has no virtual threads: run Java 21"
              + " or newer, or set it to auto or false")
  @JsonIgnore // a check, not a setting
  public boolean isVirtualWorkflowThreadsAvailable() {
    return isAvailable(Runtime.version().feature());
  }

  boolean isAvailable(int javaFeature) {
    return virtualWorkflowThreads != VirtualWorkflowThreads.TRUE
        || javaFeature >= VIRTUAL_THREADS_SINCE;
  }

  public WorkerSettings settings() {
    return settings(Runtime.version().feature());
  }

  WorkerSettings settings(int javaFeature) {
    return new WorkerSettings(
        maxCachedWorkflows,
        maxConcurrentActivities,
        maxConcurrentWorkflowTasks,
        virtualWorkflowThreads.on(javaFeature),
        new IncidentWorkflowSettings(continueAsNewAfterEvents));
  }
}
