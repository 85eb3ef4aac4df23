package dev.incidentflow.api.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The workflow id of an alert group's incident: one per (source, group key) while it runs, so a
 * redelivery, or the same group from several Alertmanager replicas, lands on the same incident.
 * Group keys are long and full of quotes and braces; the id carries a hash of it instead.
 */
public final class AlertWorkflowIds {
  private AlertWorkflowIds() {}

  public static String of(String source, String dedupKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((source + "\n" + dedupKey).getBytes(StandardCharsets.UTF_8));
      return "alert-" + source + "-" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
