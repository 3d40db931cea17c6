package com.sqltables.devhost.web;

import com.sqltables.devhost.rest.RestErrors;
import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.HostConventions;
import com.sqltables.devhost.spi.RequestContext;
import com.sqltables.devhost.spi.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication for every request, as Confluence's filters do it: HTTP basic credentials (any path; wrong
 * ones are answered with 401), else the session's user. The user is bound to {@link RequestContext} for the
 * request. Browsers without a user are sent to the login page; REST clients get 401 with
 * {@code WWW-Authenticate}. Plugin servlets and web resources are reachable anonymously, as in Confluence:
 * the plugin decides. REST calls with a form-like content type need {@code X-Atlassian-Token: no-check}.
 */
public final class SecurityFilter implements Filter {
    /** Session attribute holding the logged-in user's key. */
    public static final String SESSION_USER_KEY = "devhost.user.key";
    static final String REALM = "Basic realm=\"Confluence\"";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** Content types a browser may send cross-site without a preflight: the ones XSRF is about. */
    private static final Set<String> FORM_LIKE = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    private final UserDirectory users;
    private final Layout layout;

    public SecurityFilter(UserDirectory users, Layout layout) {
        this.users = users;
        this.layout = layout;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getCharacterEncoding() == null) {
            // Forms and JSON from browsers and REST clients are UTF-8 unless they say otherwise.
            request.setCharacterEncoding("UTF-8");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean rest = path.startsWith("/rest/");
        try {
            Optional<DevUser> user;
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                user = basic(authorization.substring(6).trim());
                if (user.isEmpty()) {
                    RequestContext.bind(request, response, null);
                    unauthorized(request, response, rest, "Basic authentication failed: wrong username or password");
                    return;
                }
            } else {
                user = sessionUser(request);
            }
            RequestContext.bind(request, response, user.orElse(null));
            if (user.isEmpty() && !isPublic(path)) {
                if (rest) {
                    unauthorized(request, response, true, "This resource requires authentication");
                } else {
                    response.sendRedirect(request.getContextPath() + HostConventions.LOGIN_PATH + "?os_destination="
                            + Html.url(Destinations.current(request)));
                }
                return;
            }
            if (rest && !SAFE_METHODS.contains(request.getMethod()) && isFormLike(request.getContentType())
                    && !isNoCheck(request.getHeader(Xsrf.NO_CHECK_HEADER))) {
                RestErrors.write(response, 403, "XSRF check failed");
                return;
            }
            if (user.isPresent() && !rest && request.getSession(false) != null) {
                // Browser sessions always carry a token (cookie + session), so forms and scripts can use it.
                Xsrf.token(request, response);
            }
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Never a stack trace to the client: log it, answer with a plain error.
            LOG.error("Request {} {} failed", request.getMethod(), path, e);
            if (!response.isCommitted()) {
                response.reset();
                if (rest) {
                    RestErrors.write(response, 500, "Internal server error; see the dev host log");
                } else {
                    ErrorPages.write(layout, request, response, 500, "Something went wrong",
                            "The dev host could not complete this request; its log has the details.");
                }
            }
        } finally {
            RequestContext.clear();
        }
    }

    private Optional<DevUser> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private Optional<DevUser> sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object key = session == null ? null : session.getAttribute(SESSION_USER_KEY);
        return key instanceof String ? users.byKey((String) key) : Optional.empty();
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response, boolean rest, String message)
            throws IOException {
        response.setHeader("WWW-Authenticate", REALM);
        if (rest) {
            RestErrors.write(response, 401, message);
        } else {
            ErrorPages.write(layout, request, response, 401, "Not logged in", message);
        }
    }

    private static boolean isPublic(String path) {
        return path.equals(HostConventions.LOGIN_PATH) || path.startsWith("/devhost/static/")
                || path.startsWith(HostConventions.PLUGIN_SERVLET_PREFIX + "/")
                || path.startsWith(HostConventions.RESOURCE_DOWNLOAD_PREFIX + "/")
                || path.equals("/favicon.ico");
    }

    private static boolean isFormLike(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return FORM_LIKE.contains(mime);
    }

    private static boolean isNoCheck(String header) {
        return header != null && (header.equalsIgnoreCase("no-check") || header.equalsIgnoreCase("nocheck"));
    }
}
