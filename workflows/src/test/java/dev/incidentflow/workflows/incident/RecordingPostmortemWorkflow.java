package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.TrackerStatus;
import dev.incidentflow.workflows.postmortem.Handover;
import dev.incidentflow.workflows.postmortem.PostmortemInput;
import dev.incidentflow.workflows.postmortem.PostmortemOutcome;
import dev.incidentflow.workflows.postmortem.PostmortemView;
import dev.incidentflow.workflows.postmortem.PostmortemWorkflow;
import dev.incidentflow.workflows.postmortem.Publication;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the postmortem workflow in incident workflow tests: records that it was started and
 * ends. The postmortem itself has its own tests in the postmortem package. Public, as Temporal
 * requires of workflow implementations.
 */
public final class RecordingPostmortemWorkflow implements PostmortemWorkflow {
  static final List<PostmortemInput> STARTED = new CopyOnWriteArrayList<>();

  @Override
  public PostmortemOutcome run(PostmortemInput input) {
    STARTED.add(input);
    return new PostmortemOutcome(input.incidentKey(), null, null);
  }

  @Override
  public PostmortemView publish(Publication publication) {
    throw new UnsupportedOperationException("not used by incident workflow tests");
  }

  @Override
  public void validatePublish(Publication publication) {}

  @Override
  public PostmortemView handOver(Handover handover) {
    throw new UnsupportedOperationException("not used by incident workflow tests");
  }

  @Override
  public void validateHandOver(Handover handover) {}

  @Override
  public void trackerStatusChanged(TrackerStatus status) {}

  @Override
  public PostmortemView view() {
    return null;
  }
}
