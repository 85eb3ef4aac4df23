package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.model.Severity;
import java.text.Normalizer;
import java.util.Locale;

/** Slack channel names for incidents: {@code inc-<n>-<sev>-<slug>} within Slack's rules. */
public final class ChannelName {
  /** Slack's limit on channel names. */
  public static final int MAX_LENGTH = 80;

  private ChannelName() {}

  /**
   * Lowercase, only {@code a-z 0-9 - _}, at most 80 characters, no trailing dash. Accents are
   * folded ({@code é} becomes {@code e}); other characters become dashes, and runs of dashes one.
   */
  public static String of(long number, Severity severity, String title) {
    String prefix = "inc-" + number + "-" + severity.slug();
    String slug = slug(title);
    String name = slug.isEmpty() ? prefix : prefix + "-" + slug;
    if (name.length() > MAX_LENGTH) {
      name = name.substring(0, MAX_LENGTH);
    }
    while (name.endsWith("-") || name.endsWith("_")) {
      name = name.substring(0, name.length() - 1);
    }
    return name;
  }

  static String slug(String title) {
    String folded =
        Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String dashed = folded.replaceAll("[^a-z0-9_]+", "-").replaceAll("-{2,}", "-");
    return dashed.replaceAll("^[-_]+|[-_]+$", "");
  }
}
