package dev.incidentflow.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentflow.api.json.ErrorJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The server's error handler: Jetty's own answers, for what Jersey never sees (a request URI Jetty
 * refuses, such as an encoded {@code /} or bad UTF-8, or a method like TRACE), in the API's one
 * error shape, {@code {"error": ..., "details": []}}, as JSON whatever the request accepts.
 * Dropwizard's default answers an HTML page, and no body at all for methods other than GET, POST
 * and HEAD.
 */
public final class JsonErrorPages extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    if (!generateAcceptableResponse(
        request,
        response,
        callback,
        MimeTypes.Type.APPLICATION_JSON.asString(),
        List.of(StandardCharsets.UTF_8),
        code,
        message,
        cause)) {
      callback.succeeded();
    }
  }

  @Override
  protected void writeErrorJson(
      Request request, PrintWriter writer, int code, String message, Throwable cause) {
    writer.write(body(code, message));
  }

  /** The error is Jetty's reason when it gave one (it names the problem), else the status's. */
  static String body(int code, String message) {
    String error = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    try {
      return JSON.writeValueAsString(new ErrorJson(error, List.of()));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
