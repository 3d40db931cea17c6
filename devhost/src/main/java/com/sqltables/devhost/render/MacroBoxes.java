package com.sqltables.devhost.render;

import org.owasp.encoder.Encode;

/** The boxes Confluence shows in place of a macro that is unknown or failed. */
public final class MacroBoxes {
    private MacroBoxes() {
    }

    public static String unknownMacro(String name) {
        return "<div class=\"aui-message aui-message-warning conf-macro-unknown\" data-macro-name=\""
                + Encode.forHtmlAttribute(name) + "\"><p class=\"title\"><strong>Unknown macro: {"
                + Encode.forHtml(name) + "}</strong></p></div>";
    }

    /** An error box with the (escaped) message; never a stack trace. */
    public static String macroError(String name, String message) {
        return "<div class=\"aui-message aui-message-error conf-macro-error\" data-macro-name=\""
                + Encode.forHtmlAttribute(name) + "\"><p class=\"title\"><strong>Error rendering macro '"
                + Encode.forHtml(name) + "'</strong></p><p>" + Encode.forHtml(message == null ? "" : message)
                + "</p></div>";
    }
}
