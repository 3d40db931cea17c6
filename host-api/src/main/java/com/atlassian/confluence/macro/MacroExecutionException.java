package com.atlassian.confluence.macro;

// Signature confirmed against Decompiled-Files confluence-8.7.2 com/atlassian/confluence/macro/MacroExecutionException.java and its use in public macros (MarkdownMacro, confluence-allure-plugin).
/**
 * Compile-only stand-in: a macro failed to render. Checked, like the real one.
 */
@SuppressWarnings("serial") // the real class declares no serialVersionUID either
public class MacroExecutionException extends Exception {

    public MacroExecutionException() {
        super();
    }

    public MacroExecutionException(String message) {
        super(message);
    }

    public MacroExecutionException(String message, Throwable cause) {
        super(message, cause);
    }

    public MacroExecutionException(Throwable cause) {
        super(cause);
    }
}
