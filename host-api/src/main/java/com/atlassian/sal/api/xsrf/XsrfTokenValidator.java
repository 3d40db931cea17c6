package com.atlassian.sal.api.xsrf;

import javax.servlet.http.HttpServletRequest;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/xsrf/XsrfTokenValidator.java and public SAL implementations (Jira JiraXsrfTokenValidator, SAL IndependentXsrfTokenValidator).
/**
 * Compile-only stand-in for checking the XSRF token of a form post. Declared in full.
 */
public interface XsrfTokenValidator {

    boolean validateFormEncodedToken(HttpServletRequest request);

    /** @return the form parameter that carries the token ({@code atl_token} in Confluence) */
    String getXsrfParameterName();
}
