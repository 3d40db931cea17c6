package com.sqltables.devhost.content;

import com.sqltables.devhost.db.DataAccessException;
import com.sqltables.devhost.db.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Spaces, pages, page versions and space permissions in the {@code DEVHOST_*} tables. No caching: every
 * node of a cluster sees every change at once. No permission checks here (see {@link ContentService}).
 */
public final class ContentStore {
    private static final String PAGE_SELECT = "SELECT c.CONTENT_ID, c.SPACE_ID, s.SPACE_KEY, c.TITLE, c.PARENT_ID, "
            + "c.CURRENT_VERSION, v.BODY, c.CREATOR_KEY, c.CREATED_AT, v.AUTHOR_KEY, v.CREATED_AT, v.MESSAGE "
            + "FROM DEVHOST_CONTENT c JOIN DEVHOST_SPACE s ON s.SPACE_ID = c.SPACE_ID "
            + "JOIN DEVHOST_CONTENT_VERSION v ON v.CONTENT_ID = c.CONTENT_ID AND v.VERSION_NUMBER = c.CURRENT_VERSION ";
    private static final String SUMMARY_SELECT = "SELECT c.CONTENT_ID, s.SPACE_KEY, c.TITLE, c.PARENT_ID, "
            + "c.CURRENT_VERSION FROM DEVHOST_CONTENT c JOIN DEVHOST_SPACE s ON s.SPACE_ID = c.SPACE_ID ";
    private static final String SPACE_SELECT = "SELECT SPACE_ID, SPACE_KEY, SPACE_NAME, DESCRIPTION, HOMEPAGE_ID, "
            + "CREATED_AT FROM DEVHOST_SPACE ";

    private final Jdbc jdbc;

    public ContentStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    // ---- spaces

    public Optional<Space> space(String key) {
        return jdbc.queryOne(SPACE_SELECT + "WHERE SPACE_KEY = ?", ContentStore::space, key);
    }

    public Optional<Space> spaceById(long id) {
        return jdbc.queryOne(SPACE_SELECT + "WHERE SPACE_ID = ?", ContentStore::space, id);
    }

    public List<Space> spaces() {
        return jdbc.query(SPACE_SELECT + "ORDER BY SPACE_KEY", ContentStore::space);
    }

    /** Creates a space with its home page (one transaction), unless the key exists: then returns that space. */
    public static Space ensureSpace(Connection c, String key, String name, String description, String homeTitle,
                             String homeBody, String creatorKey) throws SQLException {
        Optional<Space> existing = Jdbc.queryOne(c, SPACE_SELECT + "WHERE SPACE_KEY = ?", ContentStore::space, key);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = Instant.now();
        long spaceId = Jdbc.insert(c, "INSERT INTO DEVHOST_SPACE (SPACE_KEY, SPACE_NAME, DESCRIPTION, CREATED_AT) "
                + "VALUES (?, ?, ?, ?)", "SPACE_ID", key, name, description, now);
        long homeId = insertPage(c, spaceId, null, homeTitle, homeBody, creatorKey, now);
        Jdbc.update(c, "UPDATE DEVHOST_SPACE SET HOMEPAGE_ID = ? WHERE SPACE_ID = ?", homeId, spaceId);
        return new Space(spaceId, key, name, description, homeId, now);
    }

    /** Grants a permission to a group, or to a user when {@code group} is null; idempotent. */
    public static void grant(Connection c, long spaceId, SpacePermission permission, String group, String userKey)
            throws SQLException {
        boolean exists = Jdbc.queryOne(c, "SELECT 1 FROM DEVHOST_SPACE_PERMISSION WHERE SPACE_ID = ? AND PERMISSION = ? "
                        + "AND COALESCE(GROUP_NAME, '') = ? AND COALESCE(USER_KEY, '') = ?", rs -> 1, spaceId,
                permission.name(), group == null ? "" : group, userKey == null ? "" : userKey).isPresent();
        if (!exists) {
            Jdbc.update(c, "INSERT INTO DEVHOST_SPACE_PERMISSION (SPACE_ID, PERMISSION, GROUP_NAME, USER_KEY) "
                    + "VALUES (?, ?, ?, ?)", spaceId, permission.name(), group, userKey);
        }
    }

    /** The permissions on a space that the user holds directly or through one of the groups. */
    public Set<SpacePermission> permissions(long spaceId, String userKey, Set<String> groups) {
        List<Object[]> rows = jdbc.query("SELECT PERMISSION, GROUP_NAME, USER_KEY FROM DEVHOST_SPACE_PERMISSION "
                + "WHERE SPACE_ID = ?", rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)}, spaceId);
        Set<SpacePermission> result = new HashSet<>();
        for (Object[] row : rows) {
            boolean applies = row[1] != null ? groups.contains((String) row[1]) : userKey != null && userKey.equals(row[2]);
            if (applies) {
                result.add(SpacePermission.valueOf((String) row[0]));
            }
        }
        return result;
    }

    // ---- pages

    public Optional<Page> page(long id) {
        return jdbc.queryOne(PAGE_SELECT + "WHERE c.CONTENT_ID = ?", ContentStore::page, id);
    }

    public Optional<Page> page(String spaceKey, String title) {
        return jdbc.queryOne(PAGE_SELECT + "WHERE s.SPACE_KEY = ? AND c.LOWER_TITLE = ?", ContentStore::page, spaceKey,
                title.toLowerCase(Locale.ROOT));
    }

    public Optional<PageSummary> summary(long id) {
        return jdbc.queryOne(SUMMARY_SELECT + "WHERE c.CONTENT_ID = ?", ContentStore::summary, id);
    }

    /** Pages of one space (or of all spaces when {@code spaceKey} is null) by id, optionally of one title. */
    public List<PageSummary> pages(String spaceKey, String title) {
        StringBuilder sql = new StringBuilder(SUMMARY_SELECT).append("WHERE 1 = 1 ");
        List<Object> params = new ArrayList<>();
        if (spaceKey != null) {
            sql.append("AND s.SPACE_KEY = ? ");
            params.add(spaceKey);
        }
        if (title != null) {
            sql.append("AND c.LOWER_TITLE = ? ");
            params.add(title.toLowerCase(Locale.ROOT));
        }
        sql.append("ORDER BY c.CONTENT_ID");
        return jdbc.query(sql.toString(), ContentStore::summary, params.toArray());
    }

    /** Ancestors from the top of the tree down to the direct parent (Confluence's order). */
    public List<PageSummary> ancestors(Page page) {
        List<PageSummary> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Long next = page.parentId();
        while (next != null && seen.add(next)) {
            Optional<PageSummary> parent = jdbc.queryOne(SUMMARY_SELECT + "WHERE c.CONTENT_ID = ?",
                    ContentStore::summary, next);
            if (parent.isEmpty()) {
                break;
            }
            chain.add(parent.get());
            next = parent.get().parentId();
        }
        Collections.reverse(chain);
        return chain;
    }

    public List<PageSummary> children(long pageId) {
        return jdbc.query(SUMMARY_SELECT + "WHERE c.PARENT_ID = ? ORDER BY c.LOWER_TITLE", ContentStore::summary, pageId);
    }

    /** Creates version 1 of a page; the title must be free in the space. */
    public Page create(long spaceId, Long parentId, String title, String body, String authorKey) {
        long id = uniqueTitle(() -> jdbc.inTransaction(c -> insertPage(c, spaceId, parentId, title, body, authorKey,
                Instant.now())), title);
        return page(id).orElseThrow();
    }

    /**
     * Stores a new version if the page is still at {@code expectedCurrentVersion} (optimistic locking across
     * cluster nodes), else throws a conflict.
     */
    public Page update(long id, int expectedCurrentVersion, String title, String body, String authorKey,
                       String message) {
        uniqueTitle(() -> jdbc.inTransaction(c -> {
            int next = expectedCurrentVersion + 1;
            int updated = Jdbc.update(c, "UPDATE DEVHOST_CONTENT SET CURRENT_VERSION = ?, TITLE = ?, LOWER_TITLE = ? "
                            + "WHERE CONTENT_ID = ? AND CURRENT_VERSION = ?", next, title,
                    title.toLowerCase(Locale.ROOT), id, expectedCurrentVersion);
            if (updated == 0) {
                int current = Jdbc.queryOne(c, "SELECT CURRENT_VERSION FROM DEVHOST_CONTENT WHERE CONTENT_ID = ?",
                        rs -> rs.getInt(1), id).orElseThrow(() -> ContentException.notFound(noContent(id)));
                throw ContentException.conflict("Version must be incremented on update. Current version is: "
                        + current);
            }
            Jdbc.update(c, "INSERT INTO DEVHOST_CONTENT_VERSION (CONTENT_ID, VERSION_NUMBER, TITLE, BODY, AUTHOR_KEY, "
                    + "CREATED_AT, MESSAGE) VALUES (?, ?, ?, ?, ?, ?, ?)", id, next, title, body, authorKey,
                    Instant.now(), message);
            return id;
        }), title);
        return page(id).orElseThrow(() -> ContentException.notFound(noContent(id)));
    }

    /** Deletes a page and its versions; its children move up to its parent, as when Confluence trashes a page. */
    public void delete(long id) {
        jdbc.inTransaction(c -> {
            Optional<Long[]> row = Jdbc.queryOne(c, "SELECT PARENT_ID, SPACE_ID FROM DEVHOST_CONTENT WHERE CONTENT_ID = ?",
                    rs -> new Long[] {rs.getObject(1, Long.class), rs.getLong(2)}, id);
            if (row.isEmpty()) {
                throw ContentException.notFound(noContent(id));
            }
            Jdbc.update(c, "UPDATE DEVHOST_CONTENT SET PARENT_ID = ? WHERE PARENT_ID = ?", row.get()[0], id);
            Jdbc.update(c, "UPDATE DEVHOST_SPACE SET HOMEPAGE_ID = NULL WHERE HOMEPAGE_ID = ?", id);
            Jdbc.update(c, "DELETE FROM DEVHOST_CONTENT_VERSION WHERE CONTENT_ID = ?", id);
            Jdbc.update(c, "DELETE FROM DEVHOST_CONTENT WHERE CONTENT_ID = ?", id);
            return null;
        });
    }

    /** Confluence's wording for a missing content id. */
    public static String noContent(long id) {
        return "No content found with id: ContentId{id=" + id + "}";
    }

    private static long insertPage(Connection c, long spaceId, Long parentId, String title, String body,
                                   String authorKey, Instant now) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO DEVHOST_CONTENT (SPACE_ID, PARENT_ID, TITLE, LOWER_TITLE, CURRENT_VERSION, "
                        + "CREATOR_KEY, CREATED_AT) VALUES (?, ?, ?, ?, 1, ?, ?)", "CONTENT_ID", spaceId, parentId, title,
                title.toLowerCase(Locale.ROOT), authorKey, now);
        Jdbc.update(c, "INSERT INTO DEVHOST_CONTENT_VERSION (CONTENT_ID, VERSION_NUMBER, TITLE, BODY, AUTHOR_KEY, "
                + "CREATED_AT, MESSAGE) VALUES (?, 1, ?, ?, ?, ?, NULL)", id, title, body, authorKey, now);
        return id;
    }

    private interface Work {
        long run();
    }

    /** Turns the unique-title constraint (hit when two writers race) into Confluence's message. */
    private static long uniqueTitle(Work work, String title) {
        try {
            return work.run();
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw ContentException.badRequest("A page with this title already exists: A page already exists with "
                        + "the title " + title + " in this space.");
            }
            throw e;
        }
    }

    private static Space space(ResultSet rs) throws SQLException {
        return new Space(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, Long.class), Jdbc.instant(rs.getTimestamp(6)));
    }

    private static Page page(ResultSet rs) throws SQLException {
        return new Page(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getObject(5, Long.class),
                rs.getInt(6), rs.getString(7), rs.getString(8), Jdbc.instant(rs.getTimestamp(9)), rs.getString(10),
                Jdbc.instant(rs.getTimestamp(11)), rs.getString(12));
    }

    private static PageSummary summary(ResultSet rs) throws SQLException {
        return new PageSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
                rs.getInt(5));
    }
}
