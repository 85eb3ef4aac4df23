package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.ContextQuery;
import dev.incidentflow.workflows.activities.IncidentContext;
import dev.incidentflow.workflows.activities.IncidentContextActivities;
import java.util.List;

/** The incident library and deploy log: empty unless a test says otherwise. */
final class FakeIncidentContext implements IncidentContextActivities {
  volatile IncidentContext answer = new IncidentContext(List.of(), List.of(), null);

  @Override
  public IncidentContext context(ContextQuery query) {
    return answer;
  }
}
