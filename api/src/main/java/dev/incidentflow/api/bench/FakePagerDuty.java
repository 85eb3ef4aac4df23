package dev.incidentflow.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * PagerDuty's Events API v2 as the benchmark needs it: {@code POST /v2/enqueue} answers 202 the way
 * PagerDuty does and records when each event arrived, so pages can be counted per {@code dedup_key}
 * and timed against the webhook that caused them.
 */
public final class FakePagerDuty implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One event as it arrived.
   *
   * @param nanos {@link System#nanoTime()} when the request reached the handler, to time against
   *     other nanoTime readings of this JVM
   * @param at the wall clock at the same moment, to compare with times the application recorded
   */
  public record Arrival(String dedupKey, String action, String summary, long nanos, Instant at) {
    public boolean isTrigger() {
      return "trigger".equals(action);
    }
  }

  private record Waiter(Predicate<Arrival> wanted, CompletableFuture<Arrival> arrived) {}

  private final HttpServer server;
  private final ExecutorService handlers;
  private final Object lock = new Object();
  private final List<Arrival> arrivals = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();

  private FakePagerDuty(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  /** Starts listening on {@code host:port} (port 0 picks a free one). */
  public static FakePagerDuty start(String host, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 256);
    ExecutorService handlers = Executors.newFixedThreadPool(4, Daemons.named("fake-pagerduty"));
    FakePagerDuty fake = new FakePagerDuty(server, handlers);
    server.createContext("/v2/enqueue", fake::handle);
    server.setExecutor(handlers);
    server.start();
    return fake;
  }

  /**
   * The enqueue URL to configure as {@code pagerduty.eventsUrl}, with {@code host} as seen by the
   * caller.
   */
  public String eventsUrl(String host) {
    return "http://" + host + ":" + server.getAddress().getPort() + "/v2/enqueue";
  }

  /** Every event so far, in arrival order. */
  public List<Arrival> arrivals() {
    synchronized (lock) {
      return List.copyOf(arrivals);
    }
  }

  /**
   * Completes with the first trigger whose summary contains {@code marker}, already arrived or not.
   */
  public CompletableFuture<Arrival> firstTrigger(String marker) {
    Predicate<Arrival> wanted =
        arrival -> arrival.isTrigger() && arrival.summary().contains(marker);
    synchronized (lock) {
      for (Arrival arrival : arrivals) {
        if (wanted.test(arrival)) {
          return CompletableFuture.completedFuture(arrival);
        }
      }
      CompletableFuture<Arrival> arrived = new CompletableFuture<>();
      waiters.add(new Waiter(wanted, arrived));
      return arrived;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    long nanos = System.nanoTime();
    Instant at = Instant.now();
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "{\"status\":\"invalid method\"}");
        return;
      }
      JsonNode event;
      try (InputStream body = exchange.getRequestBody()) {
        event = JSON.readTree(body);
      }
      String dedupKey = event.path("dedup_key").asText("");
      String action = event.path("event_action").asText("");
      String summary = event.path("payload").path("summary").asText("");
      if (dedupKey.isEmpty() || action.isEmpty()) {
        respond(
            exchange,
            400,
            "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\"}");
        return;
      }
      record(new Arrival(dedupKey, action, summary, nanos, at));
      respond(
          exchange,
          202,
          "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":"
              + JSON.writeValueAsString(dedupKey)
              + "}");
    }
  }

  private void record(Arrival arrival) {
    List<CompletableFuture<Arrival>> toComplete = new ArrayList<>();
    synchronized (lock) {
      arrivals.add(arrival);
      for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
        Waiter waiter = it.next();
        if (waiter.wanted().test(arrival)) {
          toComplete.add(waiter.arrived());
          it.remove();
        }
      }
    }
    toComplete.forEach(future -> future.complete(arrival));
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
