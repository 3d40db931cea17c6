package com.sqltables.host.ao;

import java.util.Locale;
import java.util.regex.Pattern;

/** JDBC URL helpers: masking secrets for messages, and the MariaDB option Active Objects needs. */
final class JdbcUrls {
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)(password|pwd|secret|token)=([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@]*)@");

    private JdbcUrls() {
    }

    /** @return the URL with passwords and user info masked, safe for logs and exception messages */
    static String withoutCredentials(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "null";
        }
        String masked = SECRET_PARAMETER.matcher(jdbcUrl).replaceAll("$1=****");
        return USER_INFO.matcher(masked).replaceAll("//****@");
    }

    /**
     * The MariaDB driver reads metadata of every database unless told that a null catalog means the
     * current one; Active Objects passes null, so without this option it finds other databases' tables.
     */
    static String withMariaDbCurrentDatabaseOption(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ENGLISH);
        if (!lower.startsWith("jdbc:mariadb:") || lower.contains("nulldatabasemeanscurrent=")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.indexOf('?') >= 0 ? "&" : "?") + "nullDatabaseMeansCurrent=true";
    }
}
