package dev.incidentflow.workflows.model;

import java.util.Locale;
import java.util.Optional;

/** Incident severity; SEV1 is the worst. */
public enum Severity {
  SEV1,
  SEV2,
  SEV3,
  SEV4;

  /** Parses {@code SEV1}..{@code SEV4} case-insensitively; aliases are the policy's business. */
  public static Optional<Severity> parse(String text) {
    return WireNames.parse(Severity.class, text);
  }

  /** The lowercase form used in channel names and search attributes, e.g. {@code sev1}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }
}
