package com.atlassian.sal.api.xsrf;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/xsrf/XsrfTokenAccessor.java and public SAL implementations (Jira JiraXsrfTokenAccessor, SAL IndependentXsrfTokenAccessor).
/**
 * Compile-only stand-in for reading (and optionally creating) the XSRF token of a session. Declared
 * in full.
 */
public interface XsrfTokenAccessor {

    /** @return the token, or {@code null} if there is none and {@code create} is false */
    String getXsrfToken(HttpServletRequest request, HttpServletResponse response, boolean create);
}
