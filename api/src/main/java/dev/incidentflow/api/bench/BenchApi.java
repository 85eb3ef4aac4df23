package dev.incidentflow.api.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** IncidentFlow's HTTP API as the benchmark calls it: alert webhooks in, incidents out. */
final class BenchApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int SCAN_BATCH = 64;

  /** The Alertmanager webhook's path. */
  static final String ALERTMANAGER = "/v1/alerts/alertmanager";

  /** One sender's way to post alert bodies; closed when the sender is done. */
  interface Poster extends AutoCloseable {
    /** Posts {@code body} as JSON to {@code path} and returns the answer's status code. */
    int post(String path, String body) throws IOException, InterruptedException;

    @Override
    default void close() {}
  }

  private final URI base;
  private final String token;
  private final boolean keepAliveSenders;
  private final HttpClient http;

  /**
   * @param base the API's root, e.g. {@code http://127.0.0.1:8080}
   * @param jdkHttpClient whether senders post through this object's {@code HttpClient} rather than
   *     each on a {@link KeepAliveConnection} of its own; an {@code https} API gets the {@code
   *     HttpClient} either way, as the connection speaks plain {@code http} only
   */
  BenchApi(URI base, String token, boolean jdkHttpClient) {
    this.base = requireNonNull(base, "base is null");
    this.token = requireNonNull(token, "token is null");
    this.keepAliveSenders = !jdkHttpClient && "http".equalsIgnoreCase(base.getScheme());
    // HTTP/1.1 as Alertmanager speaks it; the client's default HTTP/2 would try an h2c upgrade.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  URI base() {
    return base;
  }

  /** How the senders post, for the report. */
  String senders() {
    return keepAliveSenders
        ? "each on a blocking HTTP/1.1 socket of its own, kept alive"
        : "sharing one JDK HttpClient (HTTP/1.1)";
  }

  /**
   * A new sender's poster: its own kept-alive connection, or the shared client (asked for, or an
   * {@code https} API).
   */
  Poster poster() {
    if (keepAliveSenders) {
      return new KeepAliveConnection(base, token, TIMEOUT);
    }
    return this::postAlert;
  }

  /** Posts an Alertmanager webhook and returns the status code. */
  int postAlertmanager(String body) throws IOException, InterruptedException {
    return postAlert(ALERTMANAGER, body);
  }

  /** Posts an Alertmanager webhook body to {@code path} and returns the status code. */
  int postAlert(String path, String body) throws IOException, InterruptedException {
    HttpRequest request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The highest incident number among the newest 500 incidents, or 0 when there are none. */
  long highestIncidentNumber() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request("/v1/incidents?limit=500").GET().build(), HttpResponse.BodyHandlers.ofString());
    expect(response, 200);
    long highest = 0;
    for (JsonNode incident : JSON.readTree(response.body())) {
      highest = Math.max(highest, number(incident));
    }
    return highest;
  }

  /** {@code GET /v1/incidents/INC-<number>} with its timeline; empty on 404. */
  Optional<JsonNode> incident(long number) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request("/v1/incidents/INC-" + number).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    expect(response, 200);
    return Optional.of(JSON.readTree(response.body()));
  }

  /**
   * {@code GET /v1/incidents/INC-<number>/history}: the workflow's event history as Temporal
   * exports it.
   */
  JsonNode history(long number) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request("/v1/incidents/INC-" + number + "/history").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    expect(response, 200);
    return JSON.readTree(response.body());
  }

  /**
   * Every incident numbered above {@code after}, with timelines: read in parallel batches of
   * numbers until a whole batch is missing (numbers come from a sequence, so gaps are rare and
   * short).
   */
  List<JsonNode> incidentsAfter(long after) throws InterruptedException {
    List<JsonNode> found = new ArrayList<>();
    ExecutorService readers = Executors.newFixedThreadPool(8, Daemons.named("bench-scan"));
    try {
      long next = after + 1;
      while (true) {
        List<Future<Optional<JsonNode>>> batch = new ArrayList<>();
        for (long number = next; number < next + SCAN_BATCH; number++) {
          long wanted = number;
          batch.add(readers.submit(() -> incident(wanted)));
        }
        next += SCAN_BATCH;
        int present = 0;
        for (Future<Optional<JsonNode>> read : batch) {
          Optional<JsonNode> incident = read.get();
          if (incident.isPresent()) {
            found.add(incident.get());
            present++;
          }
        }
        if (present == 0) {
          return found;
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading incidents failed: " + e.getCause(), e.getCause());
    } finally {
      readers.shutdownNow();
    }
  }

  /** {@code INC-42} is 42. */
  static long number(JsonNode incident) {
    String id = incident.path("id").asText("");
    return id.startsWith("INC-") ? Long.parseLong(id.substring(4)) : 0;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token);
  }

  private static void expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new UncheckedIOException(
          new IOException(
              response.request().method()
                  + " "
                  + response.request().uri()
                  + " answered "
                  + response.statusCode()
                  + ": "
                  + response.body()));
    }
  }
}
