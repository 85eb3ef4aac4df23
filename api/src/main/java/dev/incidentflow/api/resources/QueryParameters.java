package dev.incidentflow.api.resources;

import dev.incidentflow.api.core.AlertMapper;
import dev.incidentflow.api.core.People;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.workflows.model.Severity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

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
   * 200 with one page of a list. A full page carries a {@code Link} header with {@code rel="next"}:
   * the same request with {@code cursor} naming the page's last item ({@code position} of it), so
   * the page after a full last one may be empty.
   */
  static <T> Response page(
      List<T> items, int limit, UriInfo uri, String cursor, Function<T, String> position) {
    Response.ResponseBuilder answer = Response.ok(items);
    if (items.size() == limit) {
      answer.header(
          HttpHeaders.LINK,
          next(uri.getRequestUri(), cursor, position.apply(items.get(items.size() - 1))));
    }
    return answer.build();
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

  /**
   * The values of a repeatable filter over a closed set ({@code status=open&status=overdue} matches
   * either), blank ones skipped: a problem for each value {@code parse} does not know, worded by
   * {@code unknown}, rather than a filter that silently matches nothing.
   */
  static <T> Set<T> each(
      List<String> values,
      Function<String, Optional<T>> parse,
      Function<String, String> unknown,
      Problems problems) {
    Set<T> wanted = new LinkedHashSet<>();
    for (String value : values) {
      if (!Problems.isBlank(value)) {
        Optional<T> parsed = parse.apply(value);
        parsed.ifPresent(wanted::add);
        problems.check(parsed.isPresent(), unknown.apply(value));
      }
    }
    return wanted;
  }

  /**
   * The severities of a repeatable {@code severity} filter, each as alerts and people write it
   * ({@code SEV2}, {@code P2}, see {@link AlertMapper#severity}); a problem for one the policy does
   * not know.
   */
  static Set<Severity> severities(List<String> values, AlertMapper mapper, Problems problems) {
    Set<Severity> wanted = new LinkedHashSet<>();
    for (String severity : values) {
      if (!Problems.isBlank(severity)) {
        Severity parsed = mapper.severity("severity", severity, problems);
        if (parsed != null) {
          wanted.add(parsed);
        }
      }
    }
    return wanted;
  }

  /**
   * The services of a repeatable {@code service} filter, each as the catalog spells it ({@code
   * Checkout} is {@code checkout}), blank ones skipped.
   */
  static Set<String> services(List<String> values, AlertMapper mapper) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String service : values) {
      if (!Problems.isBlank(service)) {
        wanted.add(mapper.service(service));
      }
    }
    return wanted;
  }

  /**
   * The owners of a repeatable {@code owner} filter, each by the catalog handle it is recorded
   * under ({@code Alice} is {@code alice}), blank ones skipped. A name that is not a person in the
   * catalog and for whom {@code ownsNothing} holds is a problem: a typo would list nothing, which
   * reads as "nothing to do". Someone who left the catalog since still has what they own listed.
   * One of control characters alone trims to nothing, which filtered nothing: everything was listed
   * as if it were theirs.
   *
   * @param what what the list holds, for the problem ({@code "action item"})
   */
  static Set<String> owners(
      List<String> values,
      People people,
      Predicate<String> ownsNothing,
      String what,
      Problems problems) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String owner : values) {
      String handle = people.handle(owner);
      if (handle == null) {
        continue;
      }
      if (handle.isEmpty() || !people.knows(handle) && ownsNothing.test(handle)) {
        problems.add(
            "owner '"
                + (handle.isEmpty() ? owner : handle)
                + "' is not a person in the catalog and owns no "
                + what);
      } else {
        wanted.add(handle);
      }
    }
    return wanted;
  }

  /** The one value of a parameter that can be given once: null if absent, a problem if repeated. */
  static String single(String name, List<String> values, Problems problems) {
    if (values.size() > 1) {
      problems.add(name + " can be given once, not " + values.size() + " times");
    }
    return values.isEmpty() ? null : values.get(0);
  }
}
