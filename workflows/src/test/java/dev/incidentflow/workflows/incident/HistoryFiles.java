package dev.incidentflow.workflows.incident;

import java.nio.file.Path;

/** Where recorded incident histories live and how their files are named. */
final class HistoryFiles {
  /** Set to {@code true} to re-record the histories while the workflow tests run. */
  static final String RECORD_PROPERTY = "incidentflow.recordHistories";

  /**
   * The checked-in copies; surefire runs in the module directory and says so in {@code basedir}.
   */
  static final Path SOURCE_DIRECTORY =
      Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "histories");

  /** The classpath folder the replay test reads them from. */
  static final String RESOURCE_FOLDER = "histories/";

  private HistoryFiles() {}

  /** {@code name.json} for the first run, {@code name-run2.json} for the run it continued as. */
  static String fileName(String name, int run) {
    return run == 1 ? name + ".json" : name + "-run" + run + ".json";
  }
}
