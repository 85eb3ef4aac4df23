package dev.incidentflow.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.incidentflow.worker.WorkerSettings;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

  @Test
  void autoTurnsVirtualWorkflowThreadsOnFromJava21() throws Exception {
    WorkerConfig auto = read("maxCachedWorkflows: 10\n");

    assertThat(auto.settings(17).virtualWorkflowThreads()).isFalse();
    assertThat(auto.settings(20).virtualWorkflowThreads()).isFalse();
    assertThat(auto.settings(21).virtualWorkflowThreads()).isTrue();
    assertThat(auto.settings(25).virtualWorkflowThreads()).isTrue();
    assertThat(auto.settings(25).maxCachedWorkflows()).isEqualTo(10);
  }

  @Test
  void theCacheIsTwiceTheOpenIncidentsWithThreeThreadsForEachOfThose() throws Exception {
    WorkerSettings defaults = read("{}\n").settings(17);

    assertThat(defaults.maxCachedWorkflows()).isEqualTo(4_000);
    assertThat(defaults.workflowThreads()).isEqualTo(6_000);
    assertThat(defaults.workflowThreadsDescription()).isEqualTo("platform, at most 6000");
    assertThat(read("maxCachedWorkflows: 10\n").settings(17).workflowThreads()).isEqualTo(600);
  }

  @Test
  void trueAndFalseDecideWhateverTheJava() throws Exception {
    assertThat(parse("virtualWorkflowThreads: false\n").settings(25).virtualWorkflowThreads())
        .isFalse();
    assertThat(parse("virtualWorkflowThreads: true\n").settings(21).virtualWorkflowThreads())
        .isTrue();
    // As the environment variable leaves it: a quoted word, in any case, with spaces.
    assertThat(parse("virtualWorkflowThreads: ' FALSE '\n").settings(21).virtualWorkflowThreads())
        .isFalse();
    assertThat(parse("virtualWorkflowThreads: auto\n").settings(21).virtualWorkflowThreads())
        .isTrue();
  }

  @Test
  void trueNeedsJava21() throws Exception {
    WorkerConfig required = parse("virtualWorkflowThreads: true\n");

    assertThat(required.isAvailable(17)).isFalse();
    assertThat(required.isAvailable(21)).isTrue();
    assertThat(read("virtualWorkflowThreads: auto\n").isAvailable(17)).isTrue();
    assertThat(read("virtualWorkflowThreads: false\n").isAvailable(17)).isTrue();
  }

  @Test
  void theRunningJavaDecides() throws Exception {
    boolean hasVirtualThreads = Runtime.version().feature() >= 21;

    assertThat(read("virtualWorkflowThreads: auto\n").settings().virtualWorkflowThreads())
        .isEqualTo(hasVirtualThreads);
    assertThat(parse("virtualWorkflowThreads: true\n").isVirtualWorkflowThreadsAvailable())
        .isEqualTo(hasVirtualThreads);
  }

  @Test
  void trueOnAJavaWithoutVirtualThreadsStopsTheStartNamingTheKey() {
    assumeTrue(Runtime.version().feature() < 21, "this Java has virtual threads");

    Throwable refused = catchThrowable(() -> read("virtualWorkflowThreads: true\n"));

    assertThat(refused)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("worker.virtualWorkflowThreads is true")
        .hasMessageContaining("Java 21");
  }

  @Test
  void anotherWordIsRefusedNamingTheChoices() {
    Throwable refused = catchThrowable(() -> read("virtualWorkflowThreads: yes please\n"));

    assertThat(refused)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("virtualWorkflowThreads")
        .hasMessageContaining("must be auto, true or false, not \"yes please\"");
  }

  @Test
  void anEmptyValueIsRefused() {
    Throwable refused = catchThrowable(() -> read("virtualWorkflowThreads:\n"));

    assertThat(refused)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("virtualWorkflowThreads");
  }

  /** The worker section as Dropwizard reads and validates it, from YAML. */
  private static WorkerConfig read(String yaml) throws Exception {
    return build(yaml, Validators.newValidator());
  }

  /** The worker section as Dropwizard reads it, not validated: as it is on any Java. */
  private static WorkerConfig parse(String yaml) throws Exception {
    return build(yaml, null);
  }

  private static WorkerConfig build(String yaml, Validator validator) throws Exception {
    return new YamlConfigurationFactory<>(
            WorkerConfig.class, validator, Jackson.newObjectMapper(), "dw")
        .build(
            path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "worker.yml");
  }
}
