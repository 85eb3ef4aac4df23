package dev.incidentflow.api.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The senders' HTTP/1.1 connection against a server scripted byte by byte: what it sends, how it
 * finds the end of each kind of answer, and when it opens a new connection.
 */
class KeepAliveConnectionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** A request as the scripted server read it. */
  record Request(String line, Map<String, String> headers, String body) {}

  private ServerSocket server;
  private URI base;

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    server.setSoTimeout((int) TIMEOUT.toMillis());
    base = URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void postsOnOneConnectionAndReadsChunkedAndLengthAnswers() throws Exception {
    CompletableFuture<List<Request>> served =
        serve(
            "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;note=x\r\n{\"err\r\n"
                + "4\r\nor\":\r\n"
                + "3\r\n1}\n\r\n"
                + "0\r\nX-Trailer: t\r\n\r\n",
            "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n"
                + "{\"status\":\"ok\"}\n");
    try (KeepAliveConnection connection = new KeepAliveConnection(base, "s3cret", TIMEOUT)) {
      assertThat(connection.post("/v1/alerts/grafana", "{}")).isEqualTo(400);
      assertThat(connection.post("/v1/alerts/alertmanager", "{\"a\":\"é\"}")).isEqualTo(202);
    }

    List<Request> requests = served.get(10, TimeUnit.SECONDS);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).line()).isEqualTo("POST /v1/alerts/grafana HTTP/1.1");
    assertThat(requests.get(0).body()).isEqualTo("{}");
    Request second = requests.get(1);
    assertThat(second.line()).isEqualTo("POST /v1/alerts/alertmanager HTTP/1.1");
    assertThat(second.headers())
        .containsEntry("host", "127.0.0.1:" + server.getLocalPort())
        .containsEntry("authorization", "Bearer s3cret")
        .containsEntry("content-type", "application/json")
        .containsEntry("content-length", "10");
    assertThat(second.body()).isEqualTo("{\"a\":\"é\"}");
  }

  @Test
  void opensANewConnectionAfterTheServerSaysClose() throws Exception {
    assertAnsweredThenTheNextPostGoesOutOnANewConnection(
        "HTTP/1.1 202 Accepted\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", 202);
  }

  @Test
  void readsAnAnswerWithoutLengthToTheEndOfTheConnection() throws Exception {
    CompletableFuture<List<Request>> first =
        serve("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n\r\ngoing away");
    try (KeepAliveConnection connection = new KeepAliveConnection(base, "t", TIMEOUT)) {
      assertThat(connection.post("/a", "1")).isEqualTo(503);
      assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(1);

      CompletableFuture<List<Request>> second =
          serve(
              "HTTP/1.1 204 No Content\r\n\r\n",
              "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\n{}");
      assertThat(connection.post("/b", "2")).isEqualTo(204);
      assertThat(connection.post("/c", "3")).isEqualTo(202);
      assertThat(second.get(10, TimeUnit.SECONDS))
          .extracting(Request::body)
          .containsExactly("2", "3");
    }
  }

  @Test
  void aConnectionClosedBeforeTheAnswerFailsThatPostOnlyAndIsNotResent() throws Exception {
    // The server reads the request and closes without answering.
    CompletableFuture<List<Request>> dropped = serve();
    try (KeepAliveConnection connection = new KeepAliveConnection(base, "t", TIMEOUT)) {
      assertThatThrownBy(() -> connection.post("/a", "1"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("closed");
      assertThat(dropped.get(10, TimeUnit.SECONDS)).extracting(Request::body).containsExactly("1");

      assertTheNextPostGoesOutAloneOnANewConnection(connection, "2");
    }
  }

  @Test
  void aKeptAliveConnectionTheServerClosedBetweenPostsFailsTheNextPostWhichIsNotResent()
      throws Exception {
    // Answers one post on a connection it says it keeps, then closes it.
    CompletableFuture<List<Request>> first =
        serve("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
    try (KeepAliveConnection connection = new KeepAliveConnection(base, "t", TIMEOUT)) {
      assertThat(connection.post("/a", "1")).isEqualTo(202);
      assertThat(first.get(10, TimeUnit.SECONDS)).extracting(Request::body).containsExactly("1");

      assertThatThrownBy(() -> connection.post("/b", "2")).isInstanceOf(IOException.class);

      assertTheNextPostGoesOutAloneOnANewConnection(connection, "3");
    }
  }

  @Test
  void skipsInterimAnswersAndReadsNoBodyWhereTheStatusHasNone() throws Exception {
    CompletableFuture<List<Request>> served =
        serve(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\n{}",
            // a 204 has no body, whatever its headers say: nothing is waited for
            "HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n",
            "HTTP/1.1 409 Conflict\r\nContent-Length: 0\r\n\r\n");
    try (KeepAliveConnection connection = new KeepAliveConnection(base, "t", TIMEOUT)) {
      assertThat(connection.post("/a", "1")).isEqualTo(202);
      assertThat(connection.post("/b", "2")).isEqualTo(204);
      assertThat(connection.post("/c", "3")).isEqualTo(409);
    }
    assertThat(served.get(10, TimeUnit.SECONDS))
        .extracting(Request::body)
        .containsExactly("1", "2", "3");
  }

  @Test
  void aBodyInAnotherCodingThanChunkedIsReadToTheConnectionsEnd() throws Exception {
    // Content-Length must be ignored beside a Transfer-Encoding (RFC 9112 6.3): read by it, the
    // rest of the body would be taken for the next answer.
    assertAnsweredThenTheNextPostGoesOutOnANewConnection(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nContent-Length: 1\r\n\r\n"
            + "HTTP/1.1 999 Not an answer\r\n\r\n",
        200);
  }

  @Test
  void refusesAnAnswerThatIsNotHttp() throws Exception {
    serve("SSH-2.0-OpenSSH_9.6\r\n\r\n");
    try (KeepAliveConnection connection = new KeepAliveConnection(base, "t", TIMEOUT)) {
      assertThatThrownBy(() -> connection.post("/a", "1"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not an HTTP/1.x status line: SSH-2.0-OpenSSH_9.6");
    }
  }

  @Test
  void speaksPlainHttpOnly() {
    assertThatThrownBy(
            () -> new KeepAliveConnection(URI.create("https://example.com"), "t", TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http");
  }

  /**
   * A post answered with {@code answer}, whose status is {@code status}, on a connection the server
   * ends after it; the next post then goes out alone on a new one.
   */
  private void assertAnsweredThenTheNextPostGoesOutOnANewConnection(String answer, int status)
      throws Exception {
    CompletableFuture<List<Request>> first = serve(answer);
    try (KeepAliveConnection connection = new KeepAliveConnection(base, "t", TIMEOUT)) {
      assertThat(connection.post("/a", "1")).isEqualTo(status);
      assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(1);

      assertTheNextPostGoesOutAloneOnANewConnection(connection, "2");
    }
  }

  /**
   * The next post opens a new connection, and the server takes it, and nothing before it, there.
   */
  private void assertTheNextPostGoesOutAloneOnANewConnection(
      KeepAliveConnection connection, String body) throws Exception {
    CompletableFuture<List<Request>> next =
        serve("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
    assertThat(connection.post("/next", body)).isEqualTo(202);
    assertThat(next.get(10, TimeUnit.SECONDS)).extracting(Request::body).containsExactly(body);
  }

  /**
   * Accepts one connection and, for each of {@code answers} in turn, reads a request and writes the
   * answer as given; then reads one more request if none was given, and closes the connection.
   */
  private CompletableFuture<List<Request>> serve(String... answers) {
    return CompletableFuture.supplyAsync(
        () -> {
          List<Request> requests = new ArrayList<>();
          try (Socket socket = server.accept()) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            if (answers.length == 0) {
              requests.add(read(in));
            }
            for (String answer : answers) {
              requests.add(read(in));
              out.write(answer.getBytes(UTF_8));
              out.flush();
            }
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          return requests;
        });
  }

  private static Request read(InputStream in) throws IOException {
    String line = line(in);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(
          header.substring(0, colon).toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
    }
    byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
    return new Request(line, headers, new String(body, UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the client closed the connection");
      }
      line.append((char) b);
    }
    assertThat(line.toString()).endsWith("\r");
    return line.substring(0, line.length() - 1);
  }
}
