package dev.incidentflow.workflows.policy;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Whom an escalation step notifies: {@code oncall:primary}, {@code oncall:secondary}, {@code
 * role:<name>}, {@code person:<handle>} or {@code channel:<slack channel>}.
 */
public record NotifyTarget(Kind kind, String name) {

  public enum Kind {
    ONCALL,
    ROLE,
    PERSON,
    CHANNEL
  }

  public NotifyTarget {
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("notify target " + kind + " has no name");
    }
    if (kind == Kind.ONCALL && !name.equals("primary") && !name.equals("secondary")) {
      throw new IllegalArgumentException(
          "oncall target must be oncall:primary or oncall:secondary, not oncall:" + name);
    }
  }

  /** Parses the policy form; the message of the exception names the bad text. */
  public static NotifyTarget parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("notify target is missing");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "notify target '"
              + text
              + "' must be oncall:, role:, person: or channel: followed by a name");
    }
    String prefix = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    String name = text.substring(colon + 1).trim();
    Kind kind =
        switch (prefix) {
          case "oncall" -> Kind.ONCALL;
          case "role" -> Kind.ROLE;
          case "person" -> Kind.PERSON;
          case "channel" -> Kind.CHANNEL;
          default ->
              throw new IllegalArgumentException(
                  "notify target '"
                      + text
                      + "' has unknown kind '"
                      + prefix
                      + "' (use oncall, role, person or channel)");
        };
    return new NotifyTarget(kind, name);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + name;
  }
}
