package com.atlassian.templaterenderer;

// Signature confirmed against Decompiled-Files atlassian-template-renderer-api-5.0.4 com/atlassian/templaterenderer/RenderingException.java and the public MockTemplateRenderer (de.uhd.ifi.se.decision) declaring it on every method.
/**
 * Compile-only stand-in: a template could not be rendered. Unchecked.
 */
@SuppressWarnings("serial") // the real class declares no serialVersionUID either
public class RenderingException extends RuntimeException {

    public RenderingException(String message, Throwable cause) {
        super(message, cause);
    }

    public RenderingException(String message) {
        super(message);
    }

    public RenderingException(Throwable cause) {
        super(cause);
    }
}
