package dev.incidentflow.activities.directory;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The policy and the catalog as the process loaded them at start, verified against each other.
 *
 * <p>Where each comes from: the file named by its environment variable ({@value #POLICY_VARIABLE},
 * {@value #CATALOG_VARIABLE}) when set, which must then exist; else {@code config/policy.yml} or
 * {@code config/catalog.yml} under the base directory when present; else the defaults a packaged
 * jar bundles as class path resources {@value #POLICY_RESOURCE} and {@value #CATALOG_RESOURCE}.
 */
public record Directory(Policy policy, Catalog catalog) {

  public static final String POLICY_VARIABLE = "INCIDENTFLOW_POLICY";
  public static final String CATALOG_VARIABLE = "INCIDENTFLOW_CATALOG";
  public static final String POLICY_RESOURCE = "incidentflow/policy.yml";
  public static final String CATALOG_RESOURCE = "incidentflow/catalog.yml";
  private static final Path POLICY_FILE = Path.of("config", "policy.yml");
  private static final Path CATALOG_FILE = Path.of("config", "catalog.yml");

  public Directory {
    requireNonNull(policy, "policy is null");
    requireNonNull(catalog, "catalog is null");
  }

  /**
   * Loads both files and verifies the policy's targets against the catalog.
   *
   * @param environment the process environment, usually {@code System.getenv()}
   * @param baseDirectory where {@code config/} is looked for, usually the working directory
   * @throws ConfigurationError naming the file and key that are wrong
   */
  public static Directory load(Map<String, String> environment, Path baseDirectory) {
    requireNonNull(environment, "environment is null");
    requireNonNull(baseDirectory, "baseDirectory is null");
    Optional<Path> policyFile =
        file(environment, POLICY_VARIABLE, baseDirectory.resolve(POLICY_FILE));
    Optional<Path> catalogFile =
        file(environment, CATALOG_VARIABLE, baseDirectory.resolve(CATALOG_FILE));
    Policy policy =
        policyFile
            .map(PolicyLoader::load)
            .orElseGet(() -> PolicyLoader.loadResource(POLICY_RESOURCE));
    Catalog catalog =
        catalogFile
            .map(CatalogLoader::load)
            .orElseGet(() -> CatalogLoader.loadResource(CATALOG_RESOURCE));
    String policySource = policyFile.map(Path::toString).orElse("classpath:" + POLICY_RESOURCE);
    PolicyReferences.verify(policy, catalog, policySource);
    return new Directory(policy, catalog);
  }

  /** The file a variable names (which must then exist), else the default file if it exists. */
  private static Optional<Path> file(
      Map<String, String> environment, String variable, Path fallback) {
    String named = environment.get(variable);
    if (named != null && !named.isBlank()) {
      return Optional.of(Path.of(named.trim()));
    }
    return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
  }

  /** Loads the two given files and verifies the policy's targets against the catalog. */
  public static Directory load(Path policyFile, Path catalogFile) {
    Policy policy = PolicyLoader.load(policyFile);
    Catalog catalog = CatalogLoader.load(catalogFile);
    PolicyReferences.verify(policy, catalog, policyFile.toString());
    return new Directory(policy, catalog);
  }
}
