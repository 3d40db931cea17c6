package com.sqltables.devhost.services.sal;

import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.user.UserRole;
import com.sqltables.devhost.spi.HostConventions;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Confluence's login page with {@code os_destination}: a path below the context path, so that after login the
 * user lands where the plugin sent them from.
 */
public final class DevLoginUriProvider implements LoginUriProvider {
    private final String baseUrl;

    public DevLoginUriProvider(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public URI getLoginUri(URI returnUri) {
        return URI.create(baseUrl + HostConventions.LOGIN_PATH + "?os_destination="
                + URLEncoder.encode(destination(returnUri), StandardCharsets.UTF_8));
    }

    @Override
    public URI getLoginUriForRole(URI returnUri, UserRole role) {
        // The dev host's login page is the same for every role; the page checks permissions after login.
        return getLoginUri(returnUri);
    }

    private String destination(URI returnUri) {
        if (returnUri == null) {
            return "/";
        }
        String text = returnUri.toString();
        String contextPath = URI.create(baseUrl).getRawPath();
        if (text.startsWith(baseUrl)) {
            text = text.substring(baseUrl.length());
        } else if (!returnUri.isAbsolute() && contextPath != null && !contextPath.isEmpty() && text.startsWith(contextPath + "/")) {
            text = text.substring(contextPath.length());
        }
        return text.isEmpty() ? "/" : text;
    }
}
