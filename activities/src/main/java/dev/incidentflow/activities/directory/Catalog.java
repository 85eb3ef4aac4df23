package dev.incidentflow.activities.directory;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.ServiceInfo;
import dev.incidentflow.workflows.model.Person;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people, standing roles, on-call schedules and services of catalog.yml. {@link CatalogLoader}
 * guarantees that every name one part uses exists in the other; a catalog built by hand is taken as
 * given, and the lookups answer "nobody" for names that do not exist.
 *
 * @param people by handle
 * @param roles standing role (e.g. {@code engineering-manager}) to the handle holding it
 * @param schedules by name
 * @param services by name, with the defaults for jiraProject and stakeholderChannel applied
 */
public record Catalog(
    Map<String, Person> people,
    Map<String, String> roles,
    Map<String, OnCallSchedule> schedules,
    Map<String, ServiceInfo> services,
    CatalogDefaults defaults) {

  public Catalog {
    people = ordered(people, "people");
    roles = ordered(roles, "roles");
    schedules = ordered(schedules, "schedules");
    services = ordered(services, "services");
    requireNonNull(defaults, "defaults is null");
  }

  public Optional<Person> person(String handle) {
    return Optional.ofNullable(people.get(handle));
  }

  /**
   * The handle of the person named {@code name} in any case, trimmed ({@code Alice} is {@code
   * alice}), or empty when the catalog has nobody of that name.
   */
  public Optional<String> handleOf(String name) {
    String trimmed = requireNonNull(name, "name is null").strip();
    if (people.containsKey(trimmed)) {
      return Optional.of(trimmed);
    }
    return people.keySet().stream().filter(known -> known.equalsIgnoreCase(trimmed)).findFirst();
  }

  /** The person holding a standing role, if the role exists and its holder is in the catalog. */
  public Optional<Person> roleHolder(String role) {
    return Optional.ofNullable(roles.get(role)).flatMap(this::person);
  }

  public Optional<OnCallSchedule> schedule(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(schedules.get(name));
  }

  /**
   * How the catalog spells a service named {@code name} in any case ({@code Checkout} is {@code
   * checkout}), or {@code name} itself, trimmed, when the catalog has no such service. Alerts and
   * people write service names as they please; the catalog's lookups, search and analytics compare
   * them exactly.
   */
  public String serviceName(String name) {
    String trimmed = requireNonNull(name, "name is null").strip();
    if (services.containsKey(trimmed)) {
      return trimmed;
    }
    return services.keySet().stream()
        .filter(known -> known.equalsIgnoreCase(trimmed))
        .findFirst()
        .orElse(trimmed);
  }

  /**
   * The service's entry. A service the catalog does not know gets the entry named by {@code
   * defaults.service} under its own name when there is one, else an entry with nothing but the
   * default jiraProject and stakeholderChannel.
   */
  public ServiceInfo service(String name) {
    requireNonNull(name, "name is null");
    ServiceInfo known = services.get(name);
    if (known != null) {
      return known;
    }
    ServiceInfo fallback = services.get(defaults.service());
    if (fallback != null) {
      return new ServiceInfo(
          name,
          fallback.team(),
          fallback.schedule(),
          fallback.runbook(),
          fallback.dashboard(),
          fallback.dependsOn(),
          fallback.jiraProject(),
          fallback.stakeholderChannel());
    }
    return new ServiceInfo(
        name,
        null,
        null,
        null,
        null,
        List.of(),
        defaults.jiraProject(),
        defaults.stakeholderChannel());
  }

  private static <V> Map<String, V> ordered(Map<String, V> map, String what) {
    requireNonNull(map, what + " is null");
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) ->
            copy.put(
                requireNonNull(key, what + " has a null key"),
                requireNonNull(value, what + "." + key + " is null")));
    return Collections.unmodifiableMap(copy);
  }
}
