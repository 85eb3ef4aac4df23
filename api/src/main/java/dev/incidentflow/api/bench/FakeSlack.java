package dev.incidentflow.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Slack Web API on a good day: {@code conversations.create} answers with a new channel of the
 * requested name, {@code conversations.open} with a direct-message channel (the SDK reads its id,
 * so a bare {@code ok} would fail every escalation DM), and every other method {@code {"ok":true}}.
 * Calls are counted per method for the report, and each incident's overdue-notice posts are timed
 * as they arrive: what the people in the channel see, which waits for Slack calls queued before it.
 */
public final class FakeSlack implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The start of an overdue notice as the incident workflow posts it, after any mentions. */
  private static final Pattern OVERDUE_NOTICE =
      Pattern.compile("A status update for INC-(\\d{1,18}) is overdue");

  private final HttpServer server;
  private final ExecutorService handlers;
  private final AtomicLong channels = new AtomicLong();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<Long, List<Instant>> overdueNotices = new ConcurrentHashMap<>();

  private FakeSlack(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  /** Starts listening on {@code host:port} (port 0 picks a free one). */
  public static FakeSlack start(String host, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 256);
    ExecutorService handlers = Executors.newFixedThreadPool(4, Daemons.named("fake-slack"));
    FakeSlack fake = new FakeSlack(server, handlers);
    server.createContext("/api/", fake::handle);
    server.setExecutor(handlers);
    server.start();
    return fake;
  }

  /**
   * The Web API prefix to configure as {@code slack.apiUrl}, with {@code host} as seen by the
   * caller.
   */
  public String apiUrl(String host) {
    return "http://" + host + ":" + server.getAddress().getPort() + "/api/";
  }

  /** Calls so far per Web API method, sorted by method. */
  public Map<String, Long> calls() {
    Map<String, Long> snapshot = new TreeMap<>();
    calls.forEach((method, count) -> snapshot.put(method, count.sum()));
    return snapshot;
  }

  /**
   * When each incident's overdue-notice posts arrived, by incident number, in the order they
   * arrived.
   */
  public Map<Long, List<Instant>> overdueNotices() {
    Map<Long, List<Instant>> snapshot = new TreeMap<>();
    overdueNotices.forEach(
        (incident, arrivals) -> {
          synchronized (arrivals) {
            snapshot.put(incident, List.copyOf(arrivals));
          }
        });
    return snapshot;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Instant arrived = Instant.now();
      String method = exchange.getRequestURI().getPath().substring("/api/".length());
      calls.computeIfAbsent(method, ignored -> new LongAdder()).increment();
      String form;
      try (InputStream body = exchange.getRequestBody()) {
        form = new String(body.readAllBytes(), StandardCharsets.UTF_8);
      }
      // The cheap test first: tens of thousands of posts a minute go through here in a run.
      if ("chat.postMessage".equals(method) && form.contains("overdue")) {
        Matcher notice = OVERDUE_NOTICE.matcher(formValue(form, "text"));
        if (notice.find()) {
          overdueNotices
              .computeIfAbsent(
                  Long.parseLong(notice.group(1)),
                  ignored -> Collections.synchronizedList(new ArrayList<>()))
              .add(arrived);
        }
      }
      String answer;
      if ("conversations.create".equals(method)) {
        String id = String.format("C%08d", channels.incrementAndGet());
        String name = formValue(form, "name");
        answer =
            "{\"ok\":true,\"channel\":{\"id\":\""
                + id
                + "\",\"name\":"
                + JSON.writeValueAsString(name)
                + ",\"is_channel\":true}}";
      } else if ("conversations.open".equals(method)) {
        answer =
            "{\"ok\":true,\"channel\":{\"id\":\""
                + String.format("D%08d", channels.incrementAndGet())
                + "\"}}";
      } else {
        answer = "{\"ok\":true}";
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String formValue(String form, String key) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0
          && key.equals(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8))) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
