package com.sqltables.devhost.render;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which XHTML elements and attributes of storage format reach the browser. Anything not listed is dropped
 * (its children kept) or, for active content such as {@code script}, dropped with its children; event
 * handlers, {@code javascript:} URLs and style expressions never pass.
 */
final class HtmlAllowList {
    /** Elements kept as they are (the XHTML Confluence's editor produces, plus a few harmless ones). */
    private static final Set<String> ELEMENTS = Set.of(
            "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "strong", "b", "em", "i", "u", "s",
            "strike", "del", "ins", "sub", "sup", "small", "big", "code", "pre", "kbd", "samp", "var", "tt", "cite",
            "q", "abbr", "acronym", "dfn", "blockquote", "address", "ul", "ol", "li", "dl", "dt", "dd", "table",
            "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "a", "img", "time", "mark",
            "center", "font", "figure", "figcaption", "details", "summary", "section", "article", "aside",
            "header", "footer", "nav", "main");

    /** Elements removed together with everything inside them. */
    private static final Set<String> DROP_WITH_CONTENT = Set.of(
            "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "template",
            "form", "input", "button", "select", "option", "textarea", "link", "meta", "base", "head", "title",
            "svg", "math", "audio", "video", "source", "track", "canvas", "portal", "dialog");

    static final Set<String> VOID_ELEMENTS = Set.of("br", "hr", "img", "col");

    private static final Set<String> GLOBAL_ATTRIBUTES = Set.of("class", "title", "dir", "lang", "align", "style", "id");

    private static final Map<String, Set<String>> ELEMENT_ATTRIBUTES = Map.ofEntries(
            Map.entry("a", Set.of("href", "name", "rel")),
            Map.entry("img", Set.of("src", "alt", "width", "height", "border")),
            Map.entry("td", Set.of("colspan", "rowspan", "valign", "width", "scope")),
            Map.entry("th", Set.of("colspan", "rowspan", "valign", "width", "scope")),
            Map.entry("table", Set.of("width", "border", "cellpadding", "cellspacing", "summary")),
            Map.entry("col", Set.of("span", "width")),
            Map.entry("colgroup", Set.of("span", "width")),
            Map.entry("ol", Set.of("start", "type", "reversed")),
            Map.entry("ul", Set.of("type")),
            Map.entry("li", Set.of("value")),
            Map.entry("time", Set.of("datetime")),
            Map.entry("blockquote", Set.of("cite")),
            Map.entry("q", Set.of("cite")),
            Map.entry("font", Set.of("color", "size", "face")),
            Map.entry("details", Set.of("open")));

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite");
    private static final Pattern DATA_ATTRIBUTE = Pattern.compile("data-[a-z0-9-]{1,64}");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_:.-]{0,127}");
    /** Colours, sizes, alignment: no url(), expressions, imports, escapes or comments. */
    private static final Pattern SAFE_STYLE = Pattern.compile("[A-Za-z0-9\\s:;,.#%()+\\-'\"!]*");
    private static final Pattern UNSAFE_STYLE_WORDS = Pattern.compile("(?i)url|expression|behavior|binding|import|javascript|/\\*");
    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "ftp", "tel");

    private HtmlAllowList() {
    }

    enum Treatment { KEEP, UNWRAP, DROP }

    static Treatment element(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ELEMENTS.contains(lower)) {
            return Treatment.KEEP;
        }
        return DROP_WITH_CONTENT.contains(lower) ? Treatment.DROP : Treatment.UNWRAP;
    }

    /** @return the value to write, or null when the attribute must be dropped */
    static String attribute(String element, String attribute, String value) {
        String name = attribute.toLowerCase(Locale.ROOT);
        boolean allowed = GLOBAL_ATTRIBUTES.contains(name) || DATA_ATTRIBUTE.matcher(name).matches()
                || ELEMENT_ATTRIBUTES.getOrDefault(element.toLowerCase(Locale.ROOT), Set.of()).contains(name);
        if (!allowed) {
            return null;
        }
        if (URL_ATTRIBUTES.contains(name)) {
            return safeUrl(value);
        }
        if (name.equals("style")) {
            return SAFE_STYLE.matcher(value).matches() && !UNSAFE_STYLE_WORDS.matcher(value).find() ? value : null;
        }
        if (name.equals("id")) {
            return SAFE_ID.matcher(value).matches() ? value : null;
        }
        return value;
    }

    /** @return the URL when it is relative or of a harmless scheme, else null */
    static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        // Browsers ignore control characters and whitespace inside schemes ("java\tscript:").
        String compact = url.replaceAll("[\\x00-\\x20\\x7f]", "");
        java.util.regex.Matcher m = URL_SCHEME.matcher(compact);
        if (m.find()) {
            return SAFE_SCHEMES.contains(m.group(1).toLowerCase(Locale.ROOT)) ? url.trim() : null;
        }
        return compact.startsWith("//") ? null : url.trim();
    }
}
