package dev.incidentflow.activities.directory;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.DirectoryActivities;
import dev.incidentflow.workflows.activities.ResolvedTargets;
import dev.incidentflow.workflows.activities.ResponderQuery;
import dev.incidentflow.workflows.activities.Responders;
import dev.incidentflow.workflows.activities.ServiceInfo;
import dev.incidentflow.workflows.activities.Staffing;
import dev.incidentflow.workflows.activities.TargetQuery;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.policy.NotifyTarget;
import dev.incidentflow.workflows.policy.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers the workflows' questions about people from the policy and catalog loaded at start. Pure
 * lookups without I/O, so every call is safe to retry and never fails for want of a person: whom a
 * target cannot reach is reported in {@link ResolvedTargets#unresolved()} instead.
 */
public final class DirectoryActivitiesImpl implements DirectoryActivities {
  private final Policy policy;
  private final Catalog catalog;

  public DirectoryActivitiesImpl(Policy policy, Catalog catalog) {
    this.policy = requireNonNull(policy, "policy is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  @Override
  public Policy currentPolicy() {
    return policy;
  }

  @Override
  public Responders responders(ResponderQuery query) {
    ServiceInfo service = catalog.service(query.service());
    Optional<OnCallShift> shift = shift(service, query.at());
    Person primary = shift.map(OnCallShift::primary).map(this::person).orElse(null);
    Person secondary = shift.map(OnCallShift::secondary).map(this::person).orElse(null);
    Person commander =
        query.commander() == null || query.commander().isBlank()
            ? primary
            : person(query.commander().trim());
    List<Person> stakeholders =
        query.severity() == null
            ? List.of()
            : resolveTargets(
                    new TargetQuery(
                        query.service(),
                        policy.row(query.severity()).invite(),
                        query.at(),
                        Map.of()))
                .people();
    return new Responders(service, primary, secondary, commander, stakeholders);
  }

  @Override
  public Staffing staffing(ResponderQuery query) {
    return Staffing.lookUp(this, policy, query);
  }

  @Override
  public ResolvedTargets resolveTargets(TargetQuery query) {
    ServiceInfo service = catalog.service(query.service());
    Map<String, Person> people = new LinkedHashMap<>();
    Set<String> channels = new LinkedHashSet<>();
    List<String> unresolved = new ArrayList<>();
    for (String text : query.targets()) {
      Optional<NotifyTarget> target = parse(text);
      if (target.isPresent() && target.get().kind() == NotifyTarget.Kind.CHANNEL) {
        channels.add(target.get().name());
        continue;
      }
      target
          .flatMap(notify -> person(notify, service, query))
          .ifPresentOrElse(
              person -> people.putIfAbsent(person.handle(), person), () -> unresolved.add(text));
    }
    return new ResolvedTargets(List.copyOf(people.values()), List.copyOf(channels), unresolved);
  }

  /** The person a target reaches now; channels reach a channel, not a person. */
  private Optional<Person> person(NotifyTarget target, ServiceInfo service, TargetQuery query) {
    return switch (target.kind()) {
      case ONCALL -> onCall(service, target.name(), query.at());
      case ROLE -> roleHolder(target.name(), query.incidentRoles());
      case PERSON -> Optional.of(person(target.name()));
      case CHANNEL -> Optional.empty();
    };
  }

  private Optional<OnCallShift> shift(ServiceInfo service, Instant at) {
    return catalog.schedule(service.schedule()).map(schedule -> schedule.shiftAt(at));
  }

  private Optional<Person> onCall(ServiceInfo service, String which, Instant at) {
    return shift(service, at)
        .map(shift -> which.equals("secondary") ? shift.secondary() : shift.primary())
        .map(this::person);
  }

  /** The incident's own holder of the role first, then the catalog's standing holder. */
  private Optional<Person> roleHolder(String role, Map<String, String> incidentRoles) {
    String assigned = incidentRoles.get(role);
    if (assigned != null && !assigned.isBlank()) {
      return Optional.of(person(assigned.trim()));
    }
    return catalog.roleHolder(role);
  }

  /** A handle the catalog does not know still names someone, reachable by handle alone. */
  private Person person(String handle) {
    return catalog.person(handle).orElseGet(() -> Person.ofHandle(handle));
  }

  private static Optional<NotifyTarget> parse(String text) {
    try {
      return Optional.of(NotifyTarget.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
