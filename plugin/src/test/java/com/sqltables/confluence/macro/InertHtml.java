package com.sqltables.confluence.macro;

import static org.junit.Assert.fail;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asserts that macro output contains only the markup the macro and renderer write themselves: known
 * elements with known attributes, attribute values without markup, and no character references that a
 * browser could turn back into markup outside text. Anything a payload could smuggle in (a script, an
 * event handler, a {@code javascript:} link, an unknown element) fails the test.
 */
final class InertHtml {
    private static final Set<String> ELEMENTS = Set.of("div", "p", "strong", "a", "table", "caption", "thead",
            "tbody", "tr", "th", "td", "span");
    private static final Set<String> ATTRIBUTES = Set.of("class", "colspan", "href", "rel", "data-sql-tables-type");
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\\s+[^\\s=>]+=\"[^\"<>]*\")*)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([^\\s=>]+)=\"([^\"<>]*)\"");

    private InertHtml() {
    }

    static void assertInert(String html) {
        StringBuilder text = new StringBuilder();
        Matcher tag = TAG.matcher(html);
        int last = 0;
        while (tag.find()) {
            text.append(html, last, tag.start());
            last = tag.end();
            String element = tag.group(2).toLowerCase();
            if (!ELEMENTS.contains(element)) {
                fail("Unexpected element <" + element + "> in: " + html);
            }
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                String name = attribute.group(1).toLowerCase();
                String value = attribute.group(2);
                if (!ATTRIBUTES.contains(name)) {
                    fail("Unexpected attribute " + name + " in: " + html);
                }
                if (name.equals("href") && !value.startsWith("?")) {
                    fail("A link leaves the page: " + value);
                }
            }
        }
        text.append(html.substring(last));
        // Between tags only text may remain: no other "<" and no ">" a payload brought in.
        if (text.indexOf("<") >= 0 || text.indexOf(">") >= 0) {
            fail("Markup outside the known tags in: " + html);
        }
    }
}
