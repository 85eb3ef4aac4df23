package dev.incidentflow.api.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on standard error, so the table on standard output stays clean. */
public final class Progress {
  private Progress() {}

  public static void say(String line) {
    System.err.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
  }
}
