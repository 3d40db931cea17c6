package com.sqltables.confluence.admin;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;

import javax.inject.Inject;
import javax.inject.Named;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one gate in front of every admin page and endpoint, in this order: a logged-in user (else the login
 * page, or 401 for JSON), a system administrator (else 403), WebSudo (else Confluence's WebSudo prompt, or
 * 403 for JSON), and for anything that can change state a valid XSRF token (else 403). A refused request
 * has been fully answered and must not be processed further.
 */
@Named
public class AdminAccess {
    /** The header JSON calls must carry; a cross-site form cannot set it. */
    public static final String TOKEN_HEADER = "X-Atlassian-Token";
    public static final String TOKEN_HEADER_VALUE = "no-check";

    /** Why a request was refused; the servlet renders the matching answer. */
    public enum Refusal {
        LOGIN, NOT_ADMIN, WEBSUDO, XSRF
    }

    private final UserManager userManager;
    private final LoginUriProvider loginUriProvider;
    private final WebSudoManager webSudoManager;
    private final XsrfTokenValidator xsrfTokenValidator;

    @Inject
    public AdminAccess(@ComponentImport UserManager userManager, @ComponentImport LoginUriProvider loginUriProvider,
                       @ComponentImport WebSudoManager webSudoManager, @ComponentImport XsrfTokenValidator xsrfTokenValidator) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.loginUriProvider = Objects.requireNonNull(loginUriProvider, "loginUriProvider");
        this.webSudoManager = Objects.requireNonNull(webSudoManager, "webSudoManager");
        this.xsrfTokenValidator = Objects.requireNonNull(xsrfTokenValidator, "xsrfTokenValidator");
    }

    /**
     * @param kind how the route answers; an unknown route is checked as a page
     * @return the refusal, or empty if the request may proceed
     */
    public Optional<Refusal> check(HttpServletRequest request, AdminRoute.Kind kind) {
        UserKey user = userManager.getRemoteUserKey(request);
        if (user == null) {
            return Optional.of(Refusal.LOGIN);
        }
        if (!userManager.isSystemAdmin(user)) {
            return Optional.of(Refusal.NOT_ADMIN);
        }
        if (!webSudoManager.canExecuteRequest(request)) {
            return Optional.of(Refusal.WEBSUDO);
        }
        boolean post = "POST".equals(request.getMethod());
        if (kind != AdminRoute.Kind.PAGE || post) {
            if (!post || !xsrfTokenValidator.validateFormEncodedToken(request)) {
                return Optional.of(Refusal.XSRF);
            }
            if (kind == AdminRoute.Kind.JSON && !TOKEN_HEADER_VALUE.equals(request.getHeader(TOKEN_HEADER))) {
                return Optional.of(Refusal.XSRF);
            }
        }
        webSudoManager.willExecuteWebSudoRequest(request);
        return Optional.empty();
    }

    /** @return the user key of the admin the request came from (only after {@link #check} passed) */
    public String actor(HttpServletRequest request) {
        UserKey user = userManager.getRemoteUserKey(request);
        return user == null ? null : user.getStringValue();
    }

    /** @return user key → full name (or the key itself for users Confluence no longer knows) */
    Map<String, String> displayNames(Collection<String> userKeys) {
        Map<String, String> names = new HashMap<>();
        for (String key : userKeys) {
            if (key != null) {
                UserProfile profile = userManager.getUserProfile(new UserKey(key));
                names.put(key, profile == null || profile.getFullName() == null ? key : profile.getFullName());
            }
        }
        return names;
    }

    /** Answers a refused page request: the login page or Confluence's WebSudo prompt; 403 is the caller's page. */
    void redirectToLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString();
        // GET only: after logging in the browser comes back to what it asked for, never to a POST target.
        String back = "GET".equals(request.getMethod())
                ? request.getRequestURI() + (query == null ? "" : "?" + query)
                : request.getContextPath() + AdminRoute.BASE + AdminRoute.DATASOURCES.getPath();
        URI backUri;
        try {
            backUri = URI.create(back);
        } catch (IllegalArgumentException e) {
            backUri = URI.create(request.getContextPath() + AdminRoute.BASE + AdminRoute.DATASOURCES.getPath());
        }
        response.sendRedirect(loginUriProvider.getLoginUri(backUri).toString());
    }

    void enforceWebSudo(HttpServletRequest request, HttpServletResponse response) {
        webSudoManager.enforceWebSudoProtection(request, response);
    }
}
