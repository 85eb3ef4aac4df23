package dev.incidentflow.activities.directory;

import static java.util.Objects.requireNonNull;

/**
 * catalog.yml's {@code defaults}.
 *
 * @param service the name an incident gets when its alert names no service; when the catalog has a
 *     service of that name, services it does not know borrow that entry
 * @param stakeholderChannel where stakeholder updates go for services that do not name their own
 * @param jiraProject where tickets go for services that do not name their own
 */
public record CatalogDefaults(String service, String stakeholderChannel, String jiraProject) {

  public CatalogDefaults {
    requireNonNull(service, "service is null");
    requireNonNull(stakeholderChannel, "stakeholderChannel is null");
    requireNonNull(jiraProject, "jiraProject is null");
  }
}
