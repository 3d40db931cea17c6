package com.sqltables.devhost.web;

import org.owasp.encoder.Encode;

/** Escaping for the host's pages: every value written into HTML passes one of these. */
public final class Html {
    private Html() {
    }

    /** Text content. */
    public static String text(Object value) {
        return value == null ? "" : Encode.forHtml(String.valueOf(value));
    }

    /** A double-quoted attribute value. */
    public static String attr(Object value) {
        return value == null ? "" : Encode.forHtmlAttribute(String.valueOf(value));
    }

    /** A query parameter value or path segment. */
    public static String url(String value) {
        return value == null ? "" : Encode.forUriComponent(value);
    }
}
