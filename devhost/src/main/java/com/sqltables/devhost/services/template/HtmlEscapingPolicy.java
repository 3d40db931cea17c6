package com.sqltables.devhost.services.template;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;

import java.util.Locale;
import java.util.Set;

/**
 * Confluence's Velocity escaping convention: every reference is HTML-escaped when inserted, except
 * <ul>
 * <li>a plain reference whose name ends in {@code html} (any case), such as {@code $tableHtml}, or is one of
 *     {@code $body}, {@code $head}, {@code $xHtmlContent};</li>
 * <li>a method or property whose name ends in {@code html} or starts with {@code render}/{@code getRender},
 *     such as {@code $table.rowsHtml} or {@code $macro.renderBody()}.</li>
 * </ul>
 */
final class HtmlEscapingPolicy implements ReferenceInsertionEventHandler {
    private static final Set<String> SAFE_REFERENCE_NAMES = Set.of("xHtmlContent", "body", "head");

    @Override
    public Object referenceInsert(String reference, Object value) {
        if (value == null || isSafe(reference)) {
            return value;
        }
        return escape(value.toString());
    }

    static boolean isSafe(String reference) {
        String last = lastSegment(reference);
        if (last == null) {
            String base = stripSugar(reference);
            return endsWithHtml(base) || SAFE_REFERENCE_NAMES.contains(base);
        }
        int paren = last.indexOf('(');
        String member = (paren >= 0 ? last.substring(0, paren) : last).trim();
        if (paren < 0) {
            // A property: Velocity calls getX()/isX(); the getter's name decides, as in Confluence.
            return endsWithHtml(member) || member.startsWith("render");
        }
        return endsWithHtml(member) || member.startsWith("render") || member.startsWith("getRender");
    }

    /** @return the member after the last top-level dot, or null for a plain reference */
    private static String lastSegment(String reference) {
        String ref = stripSugar(reference);
        int depth = 0;
        char quote = 0;
        int lastDot = -1;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '.' && depth == 0) {
                lastDot = i;
            }
        }
        return lastDot < 0 ? null : ref.substring(lastDot + 1);
    }

    private static String stripSugar(String reference) {
        String ref = reference.trim();
        int start = 0;
        while (start < ref.length() && (ref.charAt(start) == '$' || ref.charAt(start) == '!' || ref.charAt(start) == '{')) {
            start++;
        }
        int end = ref.length();
        if (ref.indexOf('{') >= 0 && ref.indexOf('{') < start && end > start && ref.charAt(end - 1) == '}') {
            end--;
        }
        return ref.substring(start, end);
    }

    private static boolean endsWithHtml(String name) {
        return name.length() >= 4 && name.toLowerCase(Locale.ROOT).endsWith("html");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
