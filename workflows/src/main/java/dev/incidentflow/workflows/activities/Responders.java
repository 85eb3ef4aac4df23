package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.Person;
import java.util.List;

/**
 * The people an incident starts with.
 *
 * @param primary this week's on-call, or null when the service has no schedule or it is empty
 * @param secondary next week's on-call, or null
 * @param commander the named commander, else the primary, else null
 * @param stakeholders the people the severity's policy row invites to the channel ({@code invite}),
 *     in its order, without duplicates; they may include the people above. Empty when the query
 *     named no severity, and in answers recorded before the field existed.
 */
public record Responders(
    ServiceInfo service,
    Person primary,
    Person secondary,
    Person commander,
    List<Person> stakeholders) {

  public Responders {
    requireNonNull(service, "service is null");
    stakeholders = stakeholders == null ? List.of() : List.copyOf(stakeholders);
  }

  /** Responders without stakeholders. */
  public Responders(ServiceInfo service, Person primary, Person secondary, Person commander) {
    this(service, primary, secondary, commander, null);
  }
}
