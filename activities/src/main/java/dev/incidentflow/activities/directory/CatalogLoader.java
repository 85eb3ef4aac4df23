package dev.incidentflow.activities.directory;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.ServiceInfo;
import dev.incidentflow.workflows.model.Person;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads catalog.yml into a {@link Catalog}, refusing unknown keys and every dangling name: a
 * manager, role holder or rotation member who is not in {@code people}, a service on an unknown
 * schedule or depending on an unknown service. Time zones, handoff days and times and rotation
 * starts must parse. Every refusal is a {@link ConfigurationError} naming the file and the key.
 */
public final class CatalogLoader {
  private static final DateTimeFormatter HANDOFF_TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");

  private final String source;

  private CatalogLoader(String source) {
    this.source = requireNonNull(source, "source is null");
  }

  /** Loads the catalog from a file; errors name the file as given. */
  public static Catalog load(Path file) {
    return new CatalogLoader(file.toString()).convert(YamlDocument.read(file, CatalogYaml.class));
  }

  /**
   * Loads the catalog from a stream, which the caller closes.
   *
   * @param source how errors name the stream, e.g. {@code catalog.yml}
   */
  public static Catalog load(InputStream in, String source) {
    return new CatalogLoader(source).convert(YamlDocument.read(in, source, CatalogYaml.class));
  }

  /** Loads the catalog from a class path resource such as {@code incidentflow/catalog.yml}. */
  public static Catalog loadResource(String resource) {
    return new CatalogLoader("classpath:" + resource)
        .convert(YamlDocument.readResource(resource, CatalogYaml.class));
  }

  private Catalog convert(CatalogYaml yaml) {
    Map<String, Person> people = people(present(yaml.people(), "people", "a mapping of handles"));
    Map<String, String> roles = roles(orEmpty(yaml.roles()), people);
    Map<String, OnCallSchedule> schedules = new LinkedHashMap<>();
    orEmpty(yaml.schedules())
        .forEach((name, schedule) -> schedules.put(name, schedule(name, schedule, people)));
    CatalogDefaults defaults = defaults(present(yaml.defaults(), "defaults", "a mapping"));
    Map<String, ServiceYaml> serviceRows = orEmpty(yaml.services());
    Map<String, ServiceInfo> services = new LinkedHashMap<>();
    serviceRows.forEach(
        (name, service) ->
            services.put(name, service(name, service, schedules, serviceRows, defaults)));
    return construct("", () -> new Catalog(people, roles, schedules, services, defaults));
  }

  private Map<String, Person> people(Map<String, PersonYaml> rows) {
    Map<String, Person> people = new LinkedHashMap<>();
    rows.forEach(
        (handle, row) -> {
          String key = "people." + handle;
          if (handle.isBlank()) {
            throw error(key, "a handle cannot be blank");
          }
          if (handle.indexOf(',') >= 0) {
            // Paging records the people notified as comma-separated handles (pager load reads
            // them).
            throw error(key, "a handle cannot contain a comma");
          }
          present(row, key, "a mapping of name, email, slack, jira, pagerdutyRoutingKey, manager");
          people.put(
              handle,
              new Person(
                  handle,
                  row.name() == null ? handle : row.name(),
                  row.email(),
                  row.slack(),
                  row.jira(),
                  row.pagerdutyRoutingKey(),
                  row.manager()));
        });
    for (Person person : people.values()) {
      String manager = person.manager();
      if (manager == null) {
        continue;
      }
      String key = "people." + person.handle() + ".manager";
      if (manager.equals(person.handle())) {
        throw error(key, "'" + manager + "' cannot be their own manager");
      }
      if (!people.containsKey(manager)) {
        throw error(key, unknownPerson(manager));
      }
    }
    return people;
  }

  private Map<String, String> roles(Map<String, String> rows, Map<String, Person> people) {
    rows.forEach(
        (role, handle) -> {
          String key = "roles." + role;
          if (handle == null || handle.isBlank()) {
            throw error(key, "names nobody; give the handle of the person holding the role");
          }
          if (!people.containsKey(handle)) {
            throw error(key, unknownPerson(handle));
          }
        });
    return rows;
  }

  private OnCallSchedule schedule(String name, ScheduleYaml row, Map<String, Person> people) {
    String key = "schedules." + name;
    present(row, key, "a mapping of timezone, handoff, start, rotation");
    ZoneId zone = zone(key + ".timezone", row.timezone());
    HandoffYaml handoff = present(row.handoff(), key + ".handoff", "a mapping of day and time");
    DayOfWeek day = day(key + ".handoff.day", handoff.day());
    LocalTime time = time(key + ".handoff.time", handoff.time());
    LocalDate start = start(key + ".start", row.start(), day);
    List<String> rotation = present(row.rotation(), key + ".rotation", "a list of handles");
    for (int i = 0; i < rotation.size(); i++) {
      String handle = rotation.get(i);
      if (handle == null || !people.containsKey(handle)) {
        throw error(key + ".rotation[" + i + "]", unknownPerson(handle));
      }
    }
    return construct(key, () -> new OnCallSchedule(name, zone, day, time, start, rotation));
  }

  private ZoneId zone(String key, String text) {
    present(text, key, "a time zone like Europe/Berlin");
    try {
      return ZoneId.of(text.trim());
    } catch (DateTimeException e) {
      throw error(key, "'" + text + "' is not a time zone (use a region like Europe/Berlin)");
    }
  }

  private DayOfWeek day(String key, String text) {
    present(text, key, "a day of the week like MONDAY");
    try {
      return DayOfWeek.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error(key, "'" + text + "' is not a day of the week (use MONDAY ... SUNDAY)");
    }
  }

  private LocalTime time(String key, String text) {
    present(text, key, "a local time like \"09:00\"");
    try {
      return LocalTime.parse(text.trim(), HANDOFF_TIME);
    } catch (DateTimeException e) {
      throw error(key, "'" + text + "' is not a time of day (use HH:MM, e.g. \"09:00\")");
    }
  }

  private LocalDate start(String key, String text, DayOfWeek day) {
    if (text == null) {
      return null;
    }
    LocalDate start;
    try {
      start = LocalDate.parse(text.trim());
    } catch (DateTimeException e) {
      throw error(key, "'" + text + "' is not a date (use YYYY-MM-DD)");
    }
    if (start.getDayOfWeek() != day) {
      throw error(
          key,
          start
              + " is a "
              + start.getDayOfWeek()
              + ", not the handoff day "
              + day
              + "; start must be the date of a handoff");
    }
    return start;
  }

  private CatalogDefaults defaults(DefaultsYaml row) {
    return new CatalogDefaults(
        name("defaults.service", row.service()),
        name("defaults.stakeholderChannel", row.stakeholderChannel()),
        name("defaults.jiraProject", row.jiraProject()));
  }

  private ServiceInfo service(
      String name,
      ServiceYaml row,
      Map<String, OnCallSchedule> schedules,
      Map<String, ServiceYaml> services,
      CatalogDefaults defaults) {
    String key = "services." + name;
    if (name.isBlank()) {
      throw error(key, "a service name cannot be blank");
    }
    present(row, key, "a mapping of team, schedule, runbook, dashboard, dependsOn, jiraProject");
    if (row.schedule() != null && !schedules.containsKey(row.schedule())) {
      throw error(key + ".schedule", "'" + row.schedule() + "' is not a schedule in schedules");
    }
    List<String> dependsOn = orEmpty(row.dependsOn());
    for (int i = 0; i < dependsOn.size(); i++) {
      String dependency = dependsOn.get(i);
      String dependencyKey = key + ".dependsOn[" + i + "]";
      if (dependency == null || !services.containsKey(dependency)) {
        throw error(dependencyKey, "'" + dependency + "' is not a service in services");
      }
      if (dependency.equals(name)) {
        throw error(dependencyKey, "a service cannot depend on itself");
      }
    }
    return construct(
        key,
        () ->
            new ServiceInfo(
                name,
                row.team(),
                row.schedule(),
                row.runbook(),
                row.dashboard(),
                dependsOn,
                row.jiraProject() == null
                    ? defaults.jiraProject()
                    : name(key + ".jiraProject", row.jiraProject()),
                row.stakeholderChannel() == null
                    ? defaults.stakeholderChannel()
                    : row.stakeholderChannel()));
  }

  private String name(String key, String text) {
    present(text, key, "a name");
    if (text.isBlank()) {
      throw error(key, "cannot be blank");
    }
    return text.trim();
  }

  private static String unknownPerson(String handle) {
    return "'" + handle + "' is not a person in people";
  }

  private static <V> Map<String, V> orEmpty(Map<String, V> map) {
    return map == null ? Map.of() : map;
  }

  private static <V> List<V> orEmpty(List<V> list) {
    return list == null ? List.of() : list;
  }

  private <T> T present(T value, String key, String expected) {
    if (value == null) {
      throw error(key, "missing; expected " + expected);
    }
    return value;
  }

  /** Backstop: a record invariant this loader did not check first still names the key. */
  private <T> T construct(String key, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw error(key, e.getMessage());
    }
  }

  private ConfigurationError error(String key, String problem) {
    return new ConfigurationError(source, key, problem);
  }
}
