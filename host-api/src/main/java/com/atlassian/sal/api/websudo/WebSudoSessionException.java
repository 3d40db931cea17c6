package com.atlassian.sal.api.websudo;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/websudo/WebSudoSessionException.java and public SAL WebSudoManager implementations throwing it (Jira JIRASalWebSudoManager).
/**
 * Compile-only stand-in: the request needs a WebSudo (secure administrator) session. Unchecked.
 */
@SuppressWarnings("serial") // the real class declares no serialVersionUID either
public class WebSudoSessionException extends RuntimeException {

    public WebSudoSessionException() {
        super();
    }

    public WebSudoSessionException(String message) {
        super(message);
    }

    public WebSudoSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
