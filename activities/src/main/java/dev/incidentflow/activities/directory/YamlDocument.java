package dev.incidentflow.activities.directory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a YAML config file into its as-written record, turning every Jackson complaint (unknown
 * key, duplicate key, wrong type, broken YAML) into a {@link ConfigurationError} naming the key.
 */
final class YamlDocument {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** How Jackson words {@link JsonParser.Feature#STRICT_DUPLICATE_DETECTION}'s complaint. */
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '([^']*)'");

  private YamlDocument() {}

  static <T> T read(Path file, Class<T> type) {
    String source = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, source, type);
    } catch (NoSuchFileException e) {
      throw new ConfigurationError(source, "", "no such file", e);
    } catch (IOException e) {
      throw new ConfigurationError(source, "", "cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a resource from the class path, for a packaged jar that falls back to the defaults it
   * bundles; the error names it {@code classpath:<resource>}.
   */
  static <T> T readResource(String resource, Class<T> type) {
    String source = "classpath:" + resource;
    InputStream in = YamlDocument.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new ConfigurationError(source, "", "no such resource");
    }
    try (in) {
      return read(in, source, type);
    } catch (IOException e) {
      throw new ConfigurationError(source, "", "cannot be read: " + e.getMessage(), e);
    }
  }

  static <T> T read(InputStream in, String source, Class<T> type) {
    T document;
    try {
      document = MAPPER.readValue(in, type);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigurationError(
          source,
          keyPath(e),
          "unknown key (known here: " + known(e.getKnownPropertyIds()) + ")" + at(e),
          e);
    } catch (InvalidFormatException e) {
      throw new ConfigurationError(
          source,
          keyPath(e),
          "'" + e.getValue() + "' is not " + describe(e.getTargetType()) + at(e),
          e);
    } catch (MismatchedInputException e) {
      if (e.getPath().isEmpty()
          && String.valueOf(e.getOriginalMessage()).startsWith("No content")) {
        throw new ConfigurationError(source, "", "the file is empty", e);
      }
      throw new ConfigurationError(
          source, keyPath(e), "expected " + describe(e.getTargetType()) + at(e), e);
    } catch (JsonMappingException e) {
      JsonProcessingException origin =
          e.getCause() instanceof JsonParseException ? (JsonParseException) e.getCause() : e;
      throw new ConfigurationError(source, keyPath(e), syntax(origin) + at(origin), e);
    } catch (JsonProcessingException e) {
      throw new ConfigurationError(source, "", syntax(e) + at(e), e);
    } catch (IOException e) {
      throw new ConfigurationError(source, "", "cannot be read: " + e.getMessage(), e);
    }
    if (document == null) {
      throw new ConfigurationError(source, "", "the file is empty");
    }
    return document;
  }

  private static String keyPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String known(Collection<Object> ids) {
    return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a single value";
    }
    if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping of keys to values";
    }
    return "a " + type.getSimpleName();
  }

  private static String at(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ")";
  }

  /**
   * What a parser complaint means: a key given twice, or broken YAML explained by SnakeYAML's
   * message without the lines that quote and point into the file.
   */
  private static String syntax(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    Matcher duplicate = DUPLICATE_KEY.matcher(message);
    if (duplicate.lookingAt()) {
      return "key '" + duplicate.group(1) + "' appears twice";
    }
    String explanation =
        message
            .lines()
            .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
            .collect(Collectors.joining("; "));
    return "not valid YAML: " + explanation;
  }
}
