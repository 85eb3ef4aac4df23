package dev.incidentflow.api.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentflow.api.json.ErrorJson;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request whose {@code Content-Type} cannot be read is answered 415 in the API's JSON error
 * shape, naming the header's value, before Jersey takes it. Jersey reads the header before any of
 * its filters or exception mappers run, and answered such a request with a bare 400 "Bad Request"
 * that did not say which header was wrong: a value that is not a media type ({@code ;;;}, {@code
 * application/json; charset} with its parameter cut short, an empty one) or the header sent twice.
 * The value is read here by the parser Jersey reads it with, so what passes here passes there.
 *
 * <p>415 rather than 400: the request is refused for the format its body is declared in, which is
 * what 415 says (RFC 9110 names the Content-Type among its causes), and the alert webhooks answer
 * 415 for a type they do not take, so a sender hears the same for a type that cannot be read as for
 * one that is not taken. The answer comes before authentication, as Jersey's 400 did: it changes
 * nothing and tells the sender only about its own header.
 *
 * <p>The body is read and dropped before the answer, within what {@link BodySizeLimitFilter} would
 * drain of a body it refuses: answered with its body unread, a sender's connection was closed under
 * it, and the next request it sent on that connection got no answer at all.
 */
public final class UnreadableContentTypeFilter implements Filter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final long drainBytes;

  /**
   * @param maxBytes the largest request body the API takes ({@link BodySizeLimitFilter}'s limit)
   */
  public UnreadableContentTypeFilter(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.drainBytes = (long) maxBytes * BodySizeLimitFilter.DRAIN_FACTOR;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http
        && response instanceof HttpServletResponse answer) {
      Optional<String> problem = problem(http);
      if (problem.isPresent()) {
        boolean onItsWay = !"100-continue".equalsIgnoreCase(http.getHeader("Expect"));
        if (onItsWay && http.getContentLengthLong() <= drainBytes) {
          BodySizeLimitFilter.drain(http.getInputStream(), drainBytes);
        }
        answer.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
        answer.setContentType(MediaType.APPLICATION_JSON);
        answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(
            answer.getOutputStream(),
            new ErrorJson(
                "Content-Type cannot be read",
                List.of(problem.get(), "send Content-Type: application/json")));
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** What is wrong with the request's {@code Content-Type}, if Jersey could not read it. */
  private static Optional<String> problem(HttpServletRequest request) {
    List<String> declared = Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE));
    if (declared.size() > 1) {
      return Optional.of(
          "the request has "
              + declared.size()
              + " Content-Type headers: "
              + declared.stream().map(type -> "'" + type + "'").collect(Collectors.joining(", ")));
    }
    if (declared.size() == 1) {
      try {
        MediaType.valueOf(declared.get(0));
      } catch (IllegalArgumentException unreadable) {
        return Optional.of(
            "the request's Content-Type is '"
                + declared.get(0)
                + "', which cannot be read as a media type");
      }
    }
    return Optional.empty();
  }
}
