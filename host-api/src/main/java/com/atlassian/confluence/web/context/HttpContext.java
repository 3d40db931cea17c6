package com.atlassian.confluence.web.context;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

// Signature confirmed against Decompiled-Files confluence-8.7.2 com/atlassian/confluence/web/context/HttpContext.java and public Confluence plugins importing it with @ComponentImport (fyi.iapetus ACMacro; Confluence's bundled recently-updated macro).
/**
 * Compile-only stand-in for Confluence's access to the HTTP request being served (a component plugins
 * import). Declared in full, so the dev host can implement it. Every method returns {@code null} when
 * the current thread serves no request (e.g. a scheduled export).
 */
public interface HttpContext {

    /** @return the request being served, or {@code null} */
    HttpServletRequest getRequest();

    /** @return the response being written, or {@code null} */
    HttpServletResponse getResponse();

    /** @return the session; with {@code create} false {@code null} when there is none */
    HttpSession getSession(boolean create);
}
