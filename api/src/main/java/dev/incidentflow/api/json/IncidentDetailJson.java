package dev.incidentflow.api.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.incidentflow.workflows.activities.Deploy;
import java.util.List;

/**
 * {@code GET /v1/incidents/{id}}: every field of {@link IncidentJson} and the context a responder
 * wants next to it.
 *
 * @param deploys to the incident's service and the services it depends on, in the window before it
 *     started (configuration {@code deployWindow}, 2 hours by default), newest first
 */
public record IncidentDetailJson(@JsonUnwrapped IncidentJson incident, List<Deploy> deploys) {

  public IncidentDetailJson {
    requireNonNull(incident, "incident is null");
    deploys = List.copyOf(deploys);
  }
}
