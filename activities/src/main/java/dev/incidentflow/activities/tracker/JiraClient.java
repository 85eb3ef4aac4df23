package dev.incidentflow.activities.tracker;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira REST v2 over {@code java.net.http} and Jackson: create an issue, search, read an issue's
 * status and links, link two issues. Every failure is a {@link JiraException} carrying Jira's error
 * body; deciding what to retry is the caller's business.
 */
public final class JiraClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  private static final int MAX_ERROR_BODY = 500;

  private final JiraSettings settings;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public JiraClient(JiraSettings settings) {
    this(settings, HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
  }

  JiraClient(JiraSettings settings, HttpClient http) {
    this.settings = requireNonNull(settings, "settings is null");
    this.http = requireNonNull(http, "http is null");
  }

  public JiraSettings settings() {
    return settings;
  }

  /** {@code POST /rest/api/2/issue}: 201 {@code {"id", "key", "self"}}. */
  public JiraIssueRef createIssue(ObjectNode fields) {
    ObjectNode body = json.createObjectNode();
    body.set("fields", fields);
    JsonNode created = send("create issue", request("/rest/api/2/issue").POST(publisher(body)));
    return new JiraIssueRef(
        created.path("id").asText(null),
        created.path("key").asText(null),
        created.path("self").asText(null));
  }

  /**
   * Issues matching {@code jql}, at most {@code maxResults}, with summary and labels: {@code GET
   * /rest/api/2/search/jql} on Cloud, {@code GET /rest/api/2/search} on Data Center. Both answer
   * {@code {"issues": [{"key", "fields": {...}}]}}.
   */
  public List<JiraFoundIssue> search(String jql, int maxResults) {
    String query = "?jql=" + encode(jql) + "&fields=summary,labels&maxResults=" + maxResults;
    JsonNode found = send("search", request(settings.searchPath() + query).GET());
    List<JiraFoundIssue> issues = new ArrayList<>();
    for (JsonNode issue : found.path("issues")) {
      List<String> labels = new ArrayList<>();
      issue.path("fields").path("labels").forEach(label -> labels.add(label.asText()));
      issues.add(
          new JiraFoundIssue(
              issue.path("key").asText(), issue.path("fields").path("summary").asText(""), labels));
    }
    return issues;
  }

  /** The issues carrying {@code label}. */
  public List<JiraFoundIssue> searchByLabel(String label) {
    return search("labels = " + quote(label), 10);
  }

  /** {@code GET /rest/api/2/issue/{key}?fields=status,statuscategorychangedate,issuelinks}. */
  public JiraIssueState issue(String key) {
    JsonNode issue =
        send(
            "get issue " + key,
            request(
                    "/rest/api/2/issue/"
                        + encode(key)
                        + "?fields=status,statuscategorychangedate,issuelinks")
                .GET());
    JsonNode status = issue.path("fields").path("status");
    List<JiraIssueState.Link> links = new ArrayList<>();
    for (JsonNode link : issue.path("fields").path("issuelinks")) {
      String type = link.path("type").path("name").asText("");
      JsonNode other =
          link.has("outwardIssue") ? link.get("outwardIssue") : link.path("inwardIssue");
      if (other.hasNonNull("key")) {
        links.add(new JiraIssueState.Link(type, other.get("key").asText()));
      }
    }
    return new JiraIssueState(
        issue.path("key").asText(key),
        status.path("name").asText(""),
        status.path("statusCategory").path("key").asText(""),
        time(issue.path("fields").path("statuscategorychangedate")),
        links);
  }

  private static final DateTimeFormatter JIRA_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /**
   * A time as Jira writes it ({@code 2026-11-24T09:12:44.512+0000}); null for a missing one, or one
   * it cannot read.
   */
  public static Instant time(JsonNode node) {
    String text = node.asText("");
    if (text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, JIRA_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code POST /rest/api/2/issueLink}: 201 with no body. */
  public void link(String type, String inwardKey, String outwardKey) {
    ObjectNode body = json.createObjectNode();
    body.putObject("type").put("name", type);
    body.putObject("inwardIssue").put("key", inwardKey);
    body.putObject("outwardIssue").put("key", outwardKey);
    send(
        "link " + inwardKey + " to " + outwardKey,
        request("/rest/api/2/issueLink").POST(publisher(body)));
  }

  /**
   * The bodies of the issue's latest comments, newest first: {@code GET
   * /rest/api/2/issue/{key}/comment?orderBy=-created&maxResults=50}.
   */
  public List<String> latestComments(String key) {
    JsonNode page =
        send(
            "read comments of " + key,
            request("/rest/api/2/issue/" + encode(key) + "/comment?orderBy=-created&maxResults=50")
                .GET());
    List<String> bodies = new ArrayList<>();
    page.path("comments").forEach(comment -> bodies.add(comment.path("body").asText("")));
    return bodies;
  }

  /** {@code POST /rest/api/2/issue/{key}/comment}: 201 with the comment. */
  public void comment(String key, String body) {
    ObjectNode comment = json.createObjectNode().put("body", body);
    send(
        "comment on " + key,
        request("/rest/api/2/issue/" + encode(key) + "/comment").POST(publisher(comment)));
  }

  /**
   * {@code PUT /rest/api/2/issue/{key}/assignee} with {@code {"accountId": ...}} (Cloud) or {@code
   * {"name": ...}} (Data Center): 204 with no body. A null {@code assignee} unassigns the issue.
   */
  public void assign(String key, String assignee) {
    ObjectNode body = json.createObjectNode().put(settings.userField(), assignee);
    send(
        "assign " + key,
        request("/rest/api/2/issue/" + encode(key) + "/assignee").PUT(publisher(body)));
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(settings.url() + pathAndQuery))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", settings.authorization())
        .header("Accept", "application/json")
        .header("Content-Type", "application/json");
  }

  private JsonNode send(String operation, HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new JiraException(
          operation, 0, List.of(), Map.of(), null, "Jira " + operation + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JiraException(
          operation, 0, List.of(), Map.of(), null, "Jira " + operation + " interrupted", e);
    }
    int status = response.statusCode();
    String body = response.body() == null ? "" : response.body();
    if (status >= 200 && status < 300) {
      return body.isBlank() ? json.createObjectNode() : parse(operation, status, body);
    }
    throw failure(
        operation, status, body, response.headers().firstValue("Retry-After").orElse(null));
  }

  private JsonNode parse(String operation, int status, String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new JiraException(
          operation,
          0,
          List.of(),
          Map.of(),
          null,
          "Jira " + operation + " answered HTTP " + status + " with a body that is not JSON",
          e);
    }
  }

  /** Reads Jira's {@code {"errorMessages": [...], "errors": {...}}}; any other body is quoted. */
  private JiraException failure(String operation, int status, String body, String retryAfter) {
    List<String> messages = new ArrayList<>();
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      JsonNode error = json.readTree(body);
      if (error != null) {
        error.path("errorMessages").forEach(message -> messages.add(message.asText()));
        for (Map.Entry<String, JsonNode> field : error.path("errors").properties()) {
          errors.put(field.getKey(), field.getValue().asText());
        }
      }
    } catch (IOException notJson) {
      // A proxy's HTML page: quoted below.
    }
    List<String> parts = new ArrayList<>(messages);
    errors.forEach((field, message) -> parts.add(field + ": " + message));
    if (parts.isEmpty() && !body.isBlank()) {
      parts.add(
          body.length() > MAX_ERROR_BODY ? body.substring(0, MAX_ERROR_BODY) + "\u2026" : body);
    }
    String message =
        "Jira "
            + operation
            + " answered HTTP "
            + status
            + (parts.isEmpty() ? "" : ": " + String.join("; ", parts));
    return new JiraException(operation, status, messages, errors, retryAfter, message, null);
  }

  private HttpRequest.BodyPublisher publisher(JsonNode body) {
    try {
      return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A JQL string literal. */
  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
