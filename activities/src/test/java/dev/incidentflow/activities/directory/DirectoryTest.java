package dev.incidentflow.activities.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the process finds policy.yml and catalog.yml at start, and what stops it. */
class DirectoryTest {
  private static final Path REPOSITORY = Path.of("..");

  @Test
  void loadsConfigUnderTheBaseDirectoryWhenNoVariableIsSet() {
    Directory directory = Directory.load(Map.of(), REPOSITORY);

    assertThat(directory.policy()).isEqualTo(ShippedConfig.policy());
    assertThat(directory.catalog()).isEqualTo(ShippedConfig.catalog());
  }

  @Test
  void variablesReplaceTheDefaultFiles(@TempDir Path directory) throws IOException {
    Path policy = directory.resolve("policy-prod.yml");
    Files.writeString(
        policy,
        ShippedConfig.replaceOnce(ShippedConfig.policyText(), "pollEvery: 6h", "pollEvery: 1h"));

    Directory loaded =
        Directory.load(
            Map.of(
                Directory.POLICY_VARIABLE, policy.toString(),
                Directory.CATALOG_VARIABLE, ShippedConfig.CATALOG.toString()),
            directory);

    assertThat(loaded.policy().actionItems().pollEvery()).hasHours(1);
  }

  @Test
  void variableNamingAMissingFileStopsWithoutFallingBack(@TempDir Path directory) {
    Path missing = directory.resolve("nope.yml");

    assertThatThrownBy(
            () ->
                Directory.load(Map.of(Directory.CATALOG_VARIABLE, missing.toString()), REPOSITORY))
        .isInstanceOf(ConfigurationError.class)
        .hasMessage(missing + ": no such file");
  }

  @Test
  void withoutFilesStartupNamesTheMissingBundledResource(@TempDir Path empty) {
    assertThatThrownBy(() -> Directory.load(Map.of(), empty))
        .isInstanceOf(ConfigurationError.class)
        .hasMessage("classpath:incidentflow/policy.yml: no such resource");
  }

  @Test
  void policyNamingAPersonTheCatalogLacksStopsNamingThePolicyFile(@TempDir Path directory)
      throws IOException {
    Path policy = directory.resolve("policy.yml");
    Files.writeString(
        policy,
        ShippedConfig.replaceOnce(
            ShippedConfig.policyText(), "\"role:executive\"", "\"person:zed\""));

    assertThatThrownBy(() -> Directory.load(policy, ShippedConfig.CATALOG))
        .isInstanceOf(ConfigurationError.class)
        .hasMessage(
            policy
                + ": severities.SEV1.escalation[3].notify[0]: person 'zed' is not in the"
                + " catalog's people");
  }
}
