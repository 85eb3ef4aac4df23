package dev.incidentflow.api.resources;

import dev.incidentflow.api.errors.Problems;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The query parameters a read takes. One it does not take is a problem, not ignored: a mistyped
 * filter ({@code sevrity=SEV1}) answered with the whole list, which reads as a filtered one at the
 * moment somebody relies on it. A name starting with {@code _} is left alone, for clients that add
 * one to defeat a cache ({@code _=1733400000}).
 */
final class QueryParameters {

  private QueryParameters() {}

  /** Adds a problem to {@code problems} for each parameter of the request not in {@code known}. */
  static void refuseUnknown(UriInfo uri, List<String> known, Problems problems) {
    uri.getQueryParameters().keySet().stream()
        .filter(name -> !known.contains(name) && !name.startsWith("_"))
        .sorted()
        .forEach(
            name ->
                problems.add(
                    "unknown query parameter '"
                        + name
                        + "': this takes "
                        + String.join(", ", known)));
  }

  /**
   * A {@code Link} header's value pointing at the next page: the request's path and query as sent,
   * with {@code cursor} naming {@code last}. Without scheme and host, so a proxy in front of the
   * API that keeps the path does not make it point past itself.
   */
  static String next(URI request, String cursor, String last) {
    String query = request.getRawQuery();
    StringBuilder next = new StringBuilder("<").append(request.getRawPath()).append('?');
    if (query != null) {
      for (String parameter : query.split("&")) {
        // Compared decoded, as Jersey read it: befor%65 is before too. (A java.net.URI holds no
        // malformed escape, so decoding cannot fail.)
        String name = URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8);
        if (!parameter.isEmpty() && !name.equals(cursor)) {
          next.append(parameter).append('&');
        }
      }
    }
    return next.append(cursor).append('=').append(last).append(">; rel=\"next\"").toString();
  }

  /**
   * The page size a list's {@code limit} asks for: {@code otherwise} when absent, a problem when it
   * is repeated or not a whole number from 1 to {@code max}.
   */
  static int limit(List<String> values, int otherwise, int max, Problems problems) {
    String limit = single("limit", values, problems);
    if (limit == null) {
      return otherwise;
    }
    int asked;
    try {
      asked = Integer.parseInt(limit.trim());
    } catch (NumberFormatException notAnInt) {
      asked = 0;
    }
    problems.check(
        asked >= 1 && asked <= max,
        "limit must be a whole number from 1 to " + max + ", not '" + limit + "'");
    return asked;
  }

  /** The one value of a parameter that can be given once: null if absent, a problem if repeated. */
  static String single(String name, List<String> values, Problems problems) {
    if (values.size() > 1) {
      problems.add(name + " can be given once, not " + values.size() + " times");
    }
    return values.isEmpty() ? null : values.get(0);
  }
}
