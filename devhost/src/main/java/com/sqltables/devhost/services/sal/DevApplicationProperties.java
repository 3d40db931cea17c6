package com.sqltables.devhost.services.sal;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.sqltables.devhost.spi.RequestContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.Date;
import java.util.Optional;

/** What SAL says about the application: Confluence, its version and build, its base URL. */
public final class DevApplicationProperties implements ApplicationProperties {
    /** The dev host has no build date of its own; a fixed one keeps pages and tests stable. */
    private static final long BUILD_DATE = 1_700_000_000_000L;

    private final String baseUrl;
    private final String version;
    private final String buildNumber;
    private final Path localHome;
    private final Path sharedHome;

    public DevApplicationProperties(String baseUrl, String version, String buildNumber, Path localHome, Path sharedHome) {
        this.baseUrl = baseUrl;
        this.version = version;
        this.buildNumber = buildNumber;
        this.localHome = localHome;
        this.sharedHome = sharedHome;
    }

    @Override
    public String getBaseUrl(UrlMode urlMode) {
        UrlMode mode = urlMode == null ? UrlMode.AUTO : urlMode;
        switch (mode) {
            case RELATIVE:
            case RELATIVE_CANONICAL:
                return contextPath();
            case AUTO:
                // Relative inside a request, absolute elsewhere (e.g. in a scheduled job writing an e-mail).
                return RequestContext.currentRequest().isPresent() ? contextPath() : baseUrl;
            case CANONICAL:
            case ABSOLUTE:
            default:
                return baseUrl;
        }
    }

    private String contextPath() {
        String path = URI.create(baseUrl).getRawPath();
        return path == null ? "" : path;
    }

    @Override
    public String getDisplayName() {
        return "Confluence";
    }

    @Override
    public String getPlatformId() {
        return "conf";
    }

    @Override
    public String getVersion() {
        return version;
    }

    @Override
    public Date getBuildDate() {
        return new Date(BUILD_DATE);
    }

    @Override
    public String getBuildNumber() {
        return buildNumber;
    }

    @Override
    public Optional<Path> getSharedHomeDirectory() {
        return Optional.ofNullable(sharedHome);
    }

    @Override
    public Optional<Path> getLocalHomeDirectory() {
        return Optional.ofNullable(localHome);
    }
}
