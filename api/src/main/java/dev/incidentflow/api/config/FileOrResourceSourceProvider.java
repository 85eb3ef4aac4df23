package dev.incidentflow.api.config;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a config file from disk, or, when there is no such file, the copy of {@code config/X}
 * packaged in the jar as {@code incidentflow/X}: {@code java -jar incidentflow.jar dev} works from
 * any directory.
 */
public final class FileOrResourceSourceProvider implements ConfigurationSourceProvider {
  @Override
  public InputStream open(String path) throws IOException {
    Path file = Path.of(path);
    if (Files.exists(file)) {
      return Files.newInputStream(file);
    }
    String resource = "incidentflow/" + file.getFileName();
    InputStream packaged = getClass().getClassLoader().getResourceAsStream(resource);
    if (packaged == null) {
      throw new FileNotFoundException(
          path + " does not exist (and the jar has no " + resource + ")");
    }
    return packaged;
  }
}
