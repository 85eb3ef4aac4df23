package dev.incidentflow.activities.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.policy.Policy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The config files the repository ships, read from {@code ../config} (tests run in the module's
 * directory), and variants of them with one thing changed, so that every test starts from what
 * operators actually get.
 */
final class ShippedConfig {
  static final Path POLICY = Path.of("..", "config", "policy.yml");
  static final Path CATALOG = Path.of("..", "config", "catalog.yml");

  private ShippedConfig() {}

  static String policyText() {
    return read(POLICY);
  }

  static String catalogText() {
    return read(CATALOG);
  }

  static Policy policy() {
    return PolicyLoader.load(POLICY);
  }

  static Catalog catalog() {
    return CatalogLoader.load(CATALOG);
  }

  /** The shipped policy with {@code original} (which must occur once) replaced. */
  static Policy policyWith(String original, String replacement) {
    return PolicyLoader.load(
        stream(replaceOnce(policyText(), original, replacement)), "policy.yml");
  }

  /** The shipped catalog with {@code original} (which must occur once) replaced. */
  static Catalog catalogWith(String original, String replacement) {
    return CatalogLoader.load(
        stream(replaceOnce(catalogText(), original, replacement)), "catalog.yml");
  }

  static String replaceOnce(String text, String original, String replacement) {
    int at = text.indexOf(original);
    assertThat(at).as("'%s' occurs in the shipped file", original).isNotNegative();
    assertThat(text.indexOf(original, at + 1)).as("'%s' occurs only once", original).isNegative();
    return text.substring(0, at) + replacement + text.substring(at + original.length());
  }

  static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
