package dev.incidentflow.activities.tracker;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How to reach Jira and which issue types and link type to use.
 *
 * @param url the site, e.g. {@code https://example.atlassian.net}; a trailing slash is dropped
 * @param email with {@code apiToken}, Jira Cloud's basic authentication
 * @param personalAccessToken Data Center's bearer token; when set, the deployment is Data Center
 * @param postmortemIssueType defaults to {@value #DEFAULT_ISSUE_TYPE}
 * @param actionItemIssueType defaults to {@value #DEFAULT_ISSUE_TYPE}
 * @param incidentIssueType the ticket of an incident whose severity pages nobody; defaults to
 *     {@value #DEFAULT_ISSUE_TYPE}
 * @param linkType the link between an action item and its postmortem; defaults to {@value
 *     #DEFAULT_LINK_TYPE}
 */
public record JiraSettings(
    String url,
    String email,
    String apiToken,
    String personalAccessToken,
    String postmortemIssueType,
    String actionItemIssueType,
    String incidentIssueType,
    String linkType) {

  public static final String DEFAULT_ISSUE_TYPE = "Task";
  public static final String DEFAULT_LINK_TYPE = "Relates";

  public JiraSettings {
    requireNonNull(url, "url is null");
    url = url.strip();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    URI uri = URI.create(url);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException("Jira url must be an http(s) URL: " + url);
    }
    email = blankToNull(email);
    apiToken = blankToNull(apiToken);
    personalAccessToken = blankToNull(personalAccessToken);
    if (personalAccessToken == null && (email == null || apiToken == null)) {
      throw new IllegalArgumentException(
          "Jira needs JIRA_EMAIL and JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center)");
    }
    postmortemIssueType =
        postmortemIssueType == null || postmortemIssueType.isBlank()
            ? DEFAULT_ISSUE_TYPE
            : postmortemIssueType.strip();
    actionItemIssueType =
        actionItemIssueType == null || actionItemIssueType.isBlank()
            ? DEFAULT_ISSUE_TYPE
            : actionItemIssueType.strip();
    incidentIssueType =
        incidentIssueType == null || incidentIssueType.isBlank()
            ? DEFAULT_ISSUE_TYPE
            : incidentIssueType.strip();
    linkType = linkType == null || linkType.isBlank() ? DEFAULT_LINK_TYPE : linkType.strip();
  }

  /** Jira Cloud with the default issue and link types. */
  public static JiraSettings cloud(String url, String email, String apiToken) {
    return new JiraSettings(url, email, apiToken, null, null, null, null, null);
  }

  /** Jira Data Center with the default issue and link types. */
  public static JiraSettings dataCenter(String url, String personalAccessToken) {
    return new JiraSettings(url, null, null, personalAccessToken, null, null, null, null);
  }

  public JiraDeployment deployment() {
    return personalAccessToken != null ? JiraDeployment.DATA_CENTER : JiraDeployment.CLOUD;
  }

  /** The {@code Authorization} header value. */
  String authorization() {
    return switch (deployment()) {
      case CLOUD ->
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
      case DATA_CENTER -> "Bearer " + personalAccessToken;
    };
  }

  /** Cloud retired {@code /search} (it answers 410); Data Center has only {@code /search}. */
  String searchPath() {
    return switch (deployment()) {
      case CLOUD -> "/rest/api/2/search/jql";
      case DATA_CENTER -> "/rest/api/2/search";
    };
  }

  /** The field that names a user: Cloud's {@code accountId}, Data Center's {@code name}. */
  String userField() {
    return switch (deployment()) {
      case CLOUD -> "accountId";
      case DATA_CENTER -> "name";
    };
  }

  /** Where a person opens an issue. */
  public String browseUrl(String key) {
    return url + "/browse/" + key;
  }

  @Override
  public String toString() {
    return "JiraSettings[url="
        + url
        + ", deployment="
        + deployment()
        + ", email="
        + email
        + ", apiToken="
        + (apiToken == null ? "unset" : "***")
        + ", personalAccessToken="
        + (personalAccessToken == null ? "unset" : "***")
        + ", postmortemIssueType="
        + postmortemIssueType
        + ", actionItemIssueType="
        + actionItemIssueType
        + ", incidentIssueType="
        + incidentIssueType
        + ", linkType="
        + linkType
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
