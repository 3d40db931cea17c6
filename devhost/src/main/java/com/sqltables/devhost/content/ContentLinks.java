package com.sqltables.devhost.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Paths of pages and spaces below the context path, the way Confluence forms them. */
public final class ContentLinks {
    /** Titles Confluence links as {@code /display/KEY/Title}; others go through {@code viewpage.action}. */
    private static final Pattern DISPLAY_SAFE_TITLE = Pattern.compile("[\\p{L}\\p{N} _.,()'-]+");

    private ContentLinks() {
    }

    public static String page(String spaceKey, String title, long id) {
        if (DISPLAY_SAFE_TITLE.matcher(title).matches() && !title.startsWith(" ") && !title.endsWith(" ")) {
            return "/display/" + encode(spaceKey) + "/" + encode(title);
        }
        return "/pages/viewpage.action?pageId=" + id;
    }

    public static String page(Page page) {
        return page(page.spaceKey(), page.title(), page.id());
    }

    public static String page(PageSummary page) {
        return page(page.spaceKey(), page.title(), page.id());
    }

    public static String space(String spaceKey) {
        return "/display/" + encode(spaceKey);
    }

    public static String edit(long id) {
        return "/pages/editpage.action?pageId=" + id;
    }

    public static String create(String spaceKey, Long parentId) {
        return "/pages/createpage.action?spaceKey=" + encode(spaceKey) + (parentId == null ? "" : "&fromPageId=" + parentId);
    }

    public static String pageList(String spaceKey) {
        return "/collector/pages.action?key=" + encode(spaceKey);
    }

    /** Form-style encoding (spaces as {@code +}), as in Confluence's {@code /display} URLs. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
