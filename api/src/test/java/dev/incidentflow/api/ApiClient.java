package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP API as a user's script would call it. */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;

  public ApiClient(int port, String token) {
    this("http://127.0.0.1:" + port, "Bearer " + token);
  }

  private ApiClient(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** A client that sends {@code authorization} as its Authorization header instead of a token. */
  public static ApiClient withAuthorization(int port, String authorization) {
    return new ApiClient("http://127.0.0.1:" + port, authorization);
  }

  /** {@code Authorization: Basic} with {@code userAndPassword} ({@code user:password}) encoded. */
  public static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  public record Answer(int status, JsonNode body, HttpHeaders headers) {
    public String error() {
      return body.path("error").asText();
    }

    /** The first value of the header {@code name}, if the answer has it. */
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    /** The path its {@code Link} header gives as {@code rel="next"}, if it has one. */
    public Optional<String> nextPage() {
      return header("Link")
          .map(
              link -> {
                Matcher matcher = NEXT_PAGE.matcher(link);
                assertThat(matcher.matches()).as(link).isTrue();
                return matcher.group(1);
              });
    }
  }

  private static final Pattern NEXT_PAGE = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

  public Answer get(String path) {
    return send(request(path).GET().build());
  }

  public Answer post(String path, String json) {
    return post(path, json, Map.of());
  }

  /** Posts {@code json} with these headers besides the token and the content type. */
  public Answer post(String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return send(request.build());
  }

  /**
   * Posts {@code body} with these headers besides the token, and no others: no {@code Content-Type}
   * unless {@code headers} has one.
   */
  public Answer postBytes(String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  /**
   * Posts {@code body} with these headers, in this order, besides the token: a name may come more
   * than once.
   */
  public Answer postBytes(String path, byte[] body, List<Map.Entry<String, String>> headers) {
    HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(header -> request.header(header.getKey(), header.getValue()));
    return send(request.build());
  }

  /** Sends {@code method} to {@code path} as written (escapes and all), without a body. */
  public Answer send(String method, String path) {
    return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  Answer getWithoutToken(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  Answer postWithoutToken(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** Polls {@code path} until the answer satisfies {@code condition}, for up to 60 seconds. */
  public Answer await(String path, Predicate<Answer> condition) {
    return await(path, condition, Duration.ofSeconds(60));
  }

  /**
   * Polls {@code path} until the answer satisfies {@code condition}, for up to {@code patience}:
   * generous for a loaded CI machine; a passing run returns as soon as the condition holds.
   */
  public Answer await(String path, Predicate<Answer> condition, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    Answer last = get(path);
    while (!condition.test(last) && System.nanoTime() < deadline) {
      sleep(100);
      last = get(path);
    }
    if (!condition.test(last)) {
      throw new AssertionError(
          "GET " + path + " never satisfied the condition; last answer " + last);
    }
    return last;
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization);
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(
          response.statusCode(),
          body.isEmpty() ? JSON.nullNode() : JSON.readTree(body),
          response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
