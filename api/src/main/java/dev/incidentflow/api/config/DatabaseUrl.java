package dev.incidentflow.api.config;

import io.dropwizard.db.DataSourceFactory;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Accepts {@code DATABASE_URL} in JDBC form ({@code jdbc:postgresql://host:5432/db}) or in the
 * {@code postgres://user:pass@host/db} form many platforms hand out, whose credentials win over
 * {@code DATABASE_USER} / {@code DATABASE_PASSWORD}.
 */
public final class DatabaseUrl {
  private DatabaseUrl() {}

  public static void normalize(DataSourceFactory database) {
    String url = database.getUrl();
    if (url == null || !(url.startsWith("postgres://") || url.startsWith("postgresql://"))) {
      return;
    }
    URI uri = URI.create(url);
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "database.url '" + url.replaceAll(":[^:@/]*@", ":***@") + "' names no host");
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      database.setUser(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        database.setPassword(decode(userInfo.substring(colon + 1)));
      }
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    database.setUrl("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
