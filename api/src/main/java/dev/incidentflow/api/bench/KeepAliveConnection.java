package dev.incidentflow.api.bench;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * One sender's HTTP/1.1 connection to the API, kept alive from one post to the next, on a blocking
 * socket: a post is a write and the reads of its answer on the sending thread, nothing else. The
 * JDK's {@code HttpClient} took two-fifths of the JVM threads' CPU in the storm's HTTP floor (its
 * selector thread and the hand-offs to and from it), CPU the server shares on a 2-core machine;
 * Alertmanager's senders run on other machines. Plain {@code http} only; the answer's body is read
 * and dropped (by {@code Content-Length}, chunked, or to the end of a closing connection).
 *
 * <p>Not thread-safe: one per sender thread. A post is never sent twice: a connection the server
 * closed between posts fails that post (an error of the burst), and the next post opens a new one.
 */
final class KeepAliveConnection implements BenchApi.Poster {
  private final InetSocketAddress address;
  private final String host;
  private final String authorization;
  private final int timeoutMillis;
  private final byte[] line = new byte[8192];
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /**
   * @param base the API's root, {@code http://host:port}
   * @param token the bearer token every post carries
   * @param timeout the longest a connect, or any one read of an answer, waits: an answer that keeps
   *     coming, however slowly, is not cut off, as the JDK client's timeout for the whole request
   *     would
   */
  KeepAliveConnection(URI base, String token, Duration timeout) {
    requireNonNull(base, "base is null");
    if (!"http".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
      throw new IllegalArgumentException("plain http://host:port only: " + base);
    }
    int port = base.getPort() == -1 ? 80 : base.getPort();
    this.address = new InetSocketAddress(base.getHost(), port);
    this.host = base.getHost() + ":" + port;
    this.authorization = "Bearer " + requireNonNull(token, "token is null");
    requireNonNull(timeout, "timeout is null");
    if (timeout.compareTo(Duration.ofMillis(1)) < 0
        || timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("timeout must be 1 ms to 24 days: " + timeout);
    }
    this.timeoutMillis = (int) timeout.toMillis();
  }

  /** Posts {@code body} as JSON to {@code path} and returns the answer's status code. */
  @Override
  public int post(String path, String body) throws IOException {
    byte[] content = body.getBytes(UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nAuthorization: "
            + authorization
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + content.length
            + "\r\n\r\n";
    open();
    try {
      out.write(head.getBytes(ISO_8859_1));
      out.write(content);
      out.flush();
      return readAnswer();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Closes the connection; the next post opens another. */
  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a connection the server may already have closed; nothing is left to do.
      }
      socket = null;
      in = null;
      out = null;
    }
  }

  private void open() throws IOException {
    if (socket != null) {
      return;
    }
    Socket opened = new Socket();
    try {
      opened.setTcpNoDelay(true);
      opened.setSoTimeout(timeoutMillis);
      opened.connect(address, timeoutMillis);
      in = new BufferedInputStream(opened.getInputStream());
      out = new BufferedOutputStream(opened.getOutputStream());
      socket = opened;
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  /**
   * Reads one final answer, status line to the end of its body, after any interim (1xx) ones;
   * returns its status code. Closes the connection when the server will, or when only its end marks
   * the body's.
   */
  private int readAnswer() throws IOException {
    while (true) {
      String statusLine = readLine();
      // "HTTP/1.1 202 Accepted"
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP/1.x status line: " + statusLine);
      }
      int status;
      try {
        status = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException("not an HTTP/1.x status line: " + statusLine, e);
      }
      long length = -1;
      String transferEncoding = null;
      boolean closing = parts[0].equals("HTTP/1.0");
      for (String line = readLine(); !line.isEmpty(); line = readLine()) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new IOException("malformed header: " + line);
        }
        String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> length = parseLength(value);
          case "transfer-encoding" -> transferEncoding = value;
          case "connection" -> closing |= value.contains("close");
          default -> {
            // Not needed to find the body's end.
          }
        }
      }
      if (status == 101) {
        close();
        throw new IOException("the server switched protocols: " + statusLine);
      }
      if (status >= 100 && status < 200) {
        continue; // an interim answer (100 Continue, 103 Early Hints); the final one follows
      }
      if (status == 204 || status == 304) {
        // No body, whatever the headers say.
      } else if (transferEncoding != null) {
        // RFC 9112 6.3: chunked ends itself; any other coding ends with the connection.
        if (transferEncoding.endsWith("chunked")) {
          skipChunks();
        } else {
          in.transferTo(OutputStream.nullOutputStream());
          closing = true;
        }
      } else if (length >= 0) {
        skip(length);
      } else {
        in.transferTo(OutputStream.nullOutputStream());
        closing = true;
      }
      if (closing) {
        close();
      }
      return status;
    }
  }

  private void skipChunks() throws IOException {
    while (true) {
      String sizeLine = readLine();
      int extension = sizeLine.indexOf(';');
      String size = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim();
      long chunk;
      try {
        chunk = Long.parseLong(size, 16);
      } catch (NumberFormatException e) {
        throw new IOException("malformed chunk size: " + sizeLine, e);
      }
      if (chunk < 0) {
        throw new IOException("malformed chunk size: " + sizeLine);
      }
      if (chunk == 0) {
        // Trailers, if any, up to the empty line.
        while (!readLine().isEmpty()) {
          // dropped
        }
        return;
      }
      skip(chunk);
      if (!readLine().isEmpty()) {
        throw new IOException("a chunk did not end with CRLF");
      }
    }
  }

  private static long parseLength(String value) throws IOException {
    try {
      long length = Long.parseLong(value);
      if (length < 0) {
        throw new IOException("negative Content-Length: " + value);
      }
      return length;
    } catch (NumberFormatException e) {
      throw new IOException("malformed Content-Length: " + value, e);
    }
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("the connection closed " + left + " bytes before the body's end");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** One line without its CRLF (or LF). */
  private String readLine() throws IOException {
    int length = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the connection closed in the middle of an answer");
      }
      if (b == '\n') {
        if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        return new String(line, 0, length, ISO_8859_1);
      }
      if (length == line.length) {
        throw new IOException("a line of the answer is longer than " + line.length + " bytes");
      }
      line[length++] = (byte) b;
    }
  }
}
