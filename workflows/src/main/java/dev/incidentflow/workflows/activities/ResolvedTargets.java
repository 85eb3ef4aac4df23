package dev.incidentflow.workflows.activities;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.incidentflow.workflows.model.Person;
import java.util.List;

/**
 * The people and channels targets resolved to, and the targets that resolved to nobody (an empty
 * rotation, a role with no person), so the caller can say so instead of waiting silently.
 */
public record ResolvedTargets(List<Person> people, List<String> channels, List<String> unresolved) {

  public ResolvedTargets {
    people = people == null ? List.of() : List.copyOf(people);
    channels = channels == null ? List.of() : List.copyOf(channels);
    unresolved = unresolved == null ? List.of() : List.copyOf(unresolved);
  }

  @JsonIgnore // derived; without this Jackson writes an "empty" field it cannot read back
  public boolean isEmpty() {
    return people.isEmpty() && channels.isEmpty();
  }
}
