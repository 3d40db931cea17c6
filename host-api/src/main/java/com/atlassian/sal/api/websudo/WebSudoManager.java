package com.atlassian.sal.api.websudo;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/websudo/WebSudoManager.java and the public SAL API source / Jira JIRASalWebSudoManager implementing all three methods.
/**
 * Compile-only stand-in for WebSudo (re-authentication before administration). Declared in full.
 */
public interface WebSudoManager {

    boolean canExecuteRequest(HttpServletRequest request);

    /** Redirects the user to the WebSudo login page. */
    void enforceWebSudoProtection(HttpServletRequest request, HttpServletResponse response);

    /** Marks the request as WebSudo-protected, or throws if there is no WebSudo session. */
    void willExecuteWebSudoRequest(HttpServletRequest request) throws WebSudoSessionException;
}
