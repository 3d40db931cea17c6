package com.sqltables.confluence.access;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Who may run what on a datasource (docs/SECURITY-MODEL.md):
 *
 * <ol>
 *   <li><b>Space</b>: the page's space must be one of the datasource's allowed spaces (ignoring case);
 *       an empty list allows every space.</li>
 *   <li><b>Viewer</b>: the viewer must be in one of the allowed groups; an empty list allows everyone
 *       who can see the page, anonymous viewers included. With groups listed, anonymous viewers are
 *       refused.</li>
 *   <li><b>Inline SQL</b>: only where the datasource allows it, and only if the user who wrote the
 *       SQL (the page's last editor, or the user previewing it in the editor) is in one of the
 *       allowed groups. An empty group list never lets anyone write SQL: typing SQL into a page is a
 *       right an administrator grants explicitly.</li>
 * </ol>
 * Saved queries are written by administrators, so they need only rules 1 and 2.
 */
@Named
public class DatasourcePermissions {
    private final UserManager userManager;

    @Inject
    public DatasourcePermissions(@ComponentImport UserManager userManager) {
        this.userManager = userManager;
    }

    /**
     * Rules 1 and 2: may this viewer see results of the datasource on a page of this space?
     *
     * @param spaceKey the page's space, or {@code null} when rendered outside a space
     * @param viewer the viewer, or {@code null} for an anonymous one
     * @throws AccessDeniedException if not
     */
    public void checkView(Datasource datasource, String spaceKey, UserKey viewer) {
        DatasourceSettings settings = datasource.getSettings();
        if (!spaceAllowed(settings.getAllowedSpaces(), spaceKey)) {
            throw spaceKey == null
                    ? new AccessDeniedException(AccessDeniedException.Reason.SPACE, "space.none", datasource.getName())
                    : new AccessDeniedException(AccessDeniedException.Reason.SPACE, "space", datasource.getName(),
                            spaceKey);
        }
        List<String> groups = settings.getAllowedGroups();
        if (!groups.isEmpty() && !inAnyGroup(viewer, groups)) {
            throw new AccessDeniedException(AccessDeniedException.Reason.VIEWER,
                    viewer == null ? "viewer.anonymous" : "viewer", datasource.getName());
        }
    }

    /**
     * Rule 3: may SQL written by {@code author} run on the datasource?
     *
     * @param author who wrote the SQL, or {@code null} when that cannot be told
     * @throws AccessDeniedException if not
     */
    public void checkInlineSql(Datasource datasource, UserKey author) {
        DatasourceSettings settings = datasource.getSettings();
        if (!settings.isInlineSqlAllowed()) {
            throw new AccessDeniedException(AccessDeniedException.Reason.INLINE_SQL_DISABLED, "inline.disabled",
                    datasource.getName());
        }
        if (author == null || !inAnyGroup(author, settings.getAllowedGroups())) {
            throw new AccessDeniedException(AccessDeniedException.Reason.SQL_AUTHOR, "sql.author",
                    datasource.getName());
        }
    }

    /** @return whether inline SQL by {@code author} would pass {@link #checkInlineSql} */
    public boolean mayWriteSql(Datasource datasource, UserKey author) {
        return datasource.getSettings().isInlineSqlAllowed() && author != null
                && inAnyGroup(author, datasource.getSettings().getAllowedGroups());
    }

    /**
     * May {@code viewer} read the database's own words when a query of the datasource fails (its error
     * message, which may quote a saved query's SQL or name the database host)? Those who could write SQL
     * for it (inline SQL allowed and in an allowed group) and system administrators.
     */
    public boolean maySeeFailureDetails(Datasource datasource, UserKey viewer) {
        return viewer != null && (mayWriteSql(datasource, viewer) || userManager.isSystemAdmin(viewer));
    }

    private static boolean spaceAllowed(List<String> allowedSpaces, String spaceKey) {
        if (allowedSpaces.isEmpty()) {
            return true;
        }
        if (spaceKey == null) {
            return false;
        }
        String key = spaceKey.trim().toUpperCase(Locale.ROOT);
        for (String allowed : allowedSpaces) {
            if (allowed != null && allowed.trim().toUpperCase(Locale.ROOT).equals(key)) {
                return true;
            }
        }
        return false;
    }

    private boolean inAnyGroup(UserKey user, List<String> groups) {
        if (user == null) {
            return false;
        }
        for (String group : groups) {
            if (group != null && userManager.isUserInGroup(user, group)) {
                return true;
            }
        }
        return false;
    }
}
