package dev.incidentflow.activities.directory;

import static java.util.Objects.requireNonNull;

/**
 * A configuration file the process refuses to start with. The message names the file and the key
 * that is wrong, e.g. {@code policy.yml: severities.SEV2.statusUpdates.every: '-5m' is not a
 * duration}, so the operator can fix it without reading a stack trace.
 */
public final class ConfigurationError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String key;
  private final String problem;

  /**
   * @param file the file as the operator named it (a path or a classpath resource)
   * @param key the key path inside the file, e.g. {@code severities.SEV1.escalation[1].notify[0]},
   *     or empty when the whole file is wrong
   * @param problem what is wrong, in a sentence fragment that does not repeat the key
   */
  public ConfigurationError(String file, String key, String problem) {
    this(file, key, problem, null);
  }

  public ConfigurationError(String file, String key, String problem, Throwable cause) {
    super(message(file, key, problem), cause);
    this.file = requireNonNull(file, "file is null");
    this.key = requireNonNull(key, "key is null");
    this.problem = requireNonNull(problem, "problem is null");
  }

  private static String message(String file, String key, String problem) {
    return key == null || key.isEmpty()
        ? file + ": " + problem
        : file + ": " + key + ": " + problem;
  }

  public String file() {
    return file;
  }

  public String key() {
    return key;
  }

  public String problem() {
    return problem;
  }
}
