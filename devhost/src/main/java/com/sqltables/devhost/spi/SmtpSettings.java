package com.sqltables.devhost.spi;

/**
 * The host's default SMTP server ("Mail servers" in Confluence administration). {@code ssl} means SMTPS
 * (implicit TLS). The password is never shown on any page.
 */
public final class SmtpSettings {
    private final String name;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String username;
    private final String password;
    private final String defaultFrom;
    private final String subjectPrefix;

    public SmtpSettings(String name, String host, int port, boolean ssl, String username, String password,
                        String defaultFrom, String subjectPrefix) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.ssl = ssl;
        this.username = username;
        this.password = password;
        this.defaultFrom = defaultFrom;
        this.subjectPrefix = subjectPrefix;
    }

    public String name() { return name; }
    public String host() { return host; }
    public int port() { return port; }
    public boolean ssl() { return ssl; }
    public String username() { return username; }
    public String password() { return password; }
    public String defaultFrom() { return defaultFrom; }
    public String subjectPrefix() { return subjectPrefix; }

    @Override public String toString() {
        return "SmtpSettings[" + name + " " + host + ":" + port + (ssl ? " smtps" : " smtp") + "]";
    }
}
