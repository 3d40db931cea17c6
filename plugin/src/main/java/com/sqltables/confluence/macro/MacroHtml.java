package com.sqltables.confluence.macro;

import org.owasp.encoder.Encode;

/**
 * The macro's own markup around the table: the error box and the refresh link. Every text is escaped
 * here with the OWASP encoder; nothing else writes HTML for the macro (the table comes from
 * {@code ResultTableRenderer}).
 */
final class MacroHtml {
    private MacroHtml() {
    }

    /**
     * @param title plain text, e.g. "SQL table: no access"
     * @param message plain text; may come from a database, a page author or a viewer's URL
     * @return a Confluence (AUI) error message box
     */
    static String errorBox(String title, String message) {
        return "<div class=\"aui-message aui-message-error sql-tables-error\"><p class=\"title\"><strong>"
                + Encode.forHtml(title) + "</strong></p><p>" + Encode.forHtml(message) + "</p></div>";
    }

    /**
     * @param pageQuery the page URL's raw query string without the refresh parameter; may be empty
     * @param label plain text
     * @return a paragraph with a link to the same page asking for a refresh
     */
    static String refreshLink(String pageQuery, String label) {
        // A relative "?query" reference keeps the page's path; it cannot change scheme or host. forHtml
        // (not forHtmlAttribute) also escapes ">", so no parser can mistake the value for markup.
        String href = "?" + (pageQuery.isEmpty() ? "" : pageQuery + "&") + PageUrlValues.REFRESH_PARAMETER + "=1";
        return "<p class=\"sql-tables-refresh\"><a href=\"" + Encode.forHtml(href) + "\" rel=\"nofollow\">"
                + Encode.forHtml(label) + "</a></p>";
    }
}
