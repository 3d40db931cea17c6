package com.sqltables.devhost.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A datasource declared at start-up with {@code --datasources FILE}: the name pages refer to, a JDBC URL
 * and credentials, plus free-form extra properties (e.g. {@code readOnly}, {@code maxRows}). The web host
 * parses and validates the file; whoever registers datasources with the plugin reads them from
 * {@link HostEnvironment#datasources()}. The password never appears in {@link #toString()}.
 */
public final class DatasourceDeclaration {
    private final String name;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final Map<String, String> properties;

    public DatasourceDeclaration(String name, String jdbcUrl, String username, String password,
                                 Map<String, String> properties) {
        this.name = Objects.requireNonNull(name, "name");
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.username = username;
        this.password = password;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public String name() { return name; }
    public String jdbcUrl() { return jdbcUrl; }
    /** May be null (e.g. embedded databases without login). */
    public String username() { return username; }
    /** May be null. Never log or display it. */
    public String password() { return password; }
    /** Any further keys of the declaration, in file order (never the password). */
    public Map<String, String> properties() { return properties; }

    @Override public String toString() {
        // URLs can carry credentials too (e.g. ...?password=x): mask those as well.
        String maskedUrl = jdbcUrl.replaceAll("(?i)(password|pwd|secret)=([^;&]*)", "$1=****");
        return "DatasourceDeclaration[" + name + " " + maskedUrl + (username == null ? "" : " user=" + username)
                + (password == null ? "" : " password=****") + (properties.isEmpty() ? "" : " " + properties) + "]";
    }
}
