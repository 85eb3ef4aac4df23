package dev.incidentflow.api.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines on standard error, so the table on standard output stays clean. */
public final class Progress {
  /**
   * Always with seconds: {@code LocalTime.toString()} leaves them out on the minute ({@code
   * 00:20}), and a line on the minute then reads as another format.
   */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Progress() {}

  public static void say(String line) {
    System.err.println(line(LocalTime.now(), line));
  }

  static String line(LocalTime at, String line) {
    return "[bench " + TIME.format(at) + "] " + line;
  }
}
