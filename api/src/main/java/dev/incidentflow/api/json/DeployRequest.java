package dev.incidentflow.api.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code POST /v1/deploys}: a deploy event from CI. Every field is text so that a malformed one is
 * answered with a 422 naming it rather than a parse error.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeployRequest(
    String service, String version, String commit, String url, String deployedAt, String author) {}
