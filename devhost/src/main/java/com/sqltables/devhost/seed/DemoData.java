package com.sqltables.devhost.seed;

import com.sqltables.devhost.content.ContentStore;
import com.sqltables.devhost.content.Space;
import com.sqltables.devhost.content.SpacePermission;
import com.sqltables.devhost.db.Jdbc;
import com.sqltables.devhost.spi.UserDirectory;
import com.sqltables.devhost.users.Groups;
import com.sqltables.devhost.users.JdbcUserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * What a fresh dev host contains, as after AMPS's {@code atlas-run}: the demo users (password = username) and
 * groups, and the space {@code DEMO} with a home page. Every step is create-if-missing, so it runs on every
 * start (and on every node) without duplicating anything.
 *
 * <table>
 *     <caption>Demo users</caption>
 *     <tr><th>user</th><th>groups</th><th>may</th></tr>
 *     <tr><td>admin</td><td>confluence-administrators, confluence-users</td><td>everything (system administrator)</td></tr>
 *     <tr><td>author</td><td>confluence-users</td><td>view DEMO, create and edit pages there</td></tr>
 *     <tr><td>viewer</td><td>confluence-users</td><td>view DEMO</td></tr>
 *     <tr><td>outsider</td><td>none</td><td>log in, nothing else</td></tr>
 * </table>
 */
public final class DemoData {
    public static final String DEMO_SPACE_KEY = "DEMO";
    public static final String DEMO_SPACE_NAME = "Demonstration Space";
    public static final String DEMO_HOME_TITLE = "Demonstration Space Home";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private DemoData() {
    }

    /** Creates missing users, groups, the demo space, its home page and its permissions. */
    public static void seed(Connection c, JdbcUserDirectory users) throws SQLException {
        JdbcUserDirectory.ensureGroup(c, Groups.ADMINISTRATORS);
        JdbcUserDirectory.ensureGroup(c, Groups.USERS);
        int created = 0;
        created += users.ensureUser(c, "admin", "Administrator", "admin@example.com", "admin",
                Set.of(Groups.ADMINISTRATORS, Groups.USERS)) ? 1 : 0;
        created += users.ensureUser(c, "author", "Alice Author", "author@example.com", "author",
                Set.of(Groups.USERS)) ? 1 : 0;
        created += users.ensureUser(c, "viewer", "Victor Viewer", "viewer@example.com", "viewer",
                Set.of(Groups.USERS)) ? 1 : 0;
        created += users.ensureUser(c, "outsider", "Olivia Outsider", "outsider@example.com", "outsider",
                Set.of()) ? 1 : 0;
        if (created > 0) {
            LOG.info("Created {} demo users (admin, author, viewer, outsider; password = username)", created);
        }
        String adminKey = userKey(c, "admin");
        Space demo = ContentStore.ensureSpace(c, DEMO_SPACE_KEY, DEMO_SPACE_NAME,
                "The dev host's demo space.", DEMO_HOME_TITLE, homePage(), adminKey);
        ContentStore.grant(c, demo.id(), SpacePermission.VIEWSPACE, Groups.USERS, null);
        ContentStore.grant(c, demo.id(), SpacePermission.VIEWSPACE, Groups.ADMINISTRATORS, null);
        ContentStore.grant(c, demo.id(), SpacePermission.EDITSPACE, Groups.ADMINISTRATORS, null);
        ContentStore.grant(c, demo.id(), SpacePermission.EDITSPACE, null, userKey(c, "author"));
    }

    /**
     * Hook for demo content that needs the plugin: the macro issue adds the read-only datasource {@code demo}
     * (an H2 database of sample customers, products and orders) and a page in {@code DEMO} showing it with the
     * SQL table macro. Called once the plugin is enabled; idempotent like {@link #seed}.
     */
    public static void afterPluginEnabled(UserDirectory users) {
        // Nothing yet: see the Javadoc.
    }

    private static String userKey(Connection c, String username) throws SQLException {
        return Jdbc.queryOne(c, "SELECT USER_KEY FROM DEVHOST_USER WHERE LOWER_USERNAME = ?", rs -> rs.getString(1),
                username).orElseThrow(() -> new SQLException("demo user " + username + " is missing"));
    }

    private static String homePage() {
        return "<p>Welcome to the <strong>SQL Tables</strong> dev host.</p>"
                + "<p>Log in as <code>admin</code>, <code>author</code>, <code>viewer</code> or <code>outsider</code>"
                + "&nbsp;(the password is the user name). Authors can create and edit pages in this space.</p>"
                + "<p>Pages are stored in Confluence's storage format; the macros of the loaded plugin render as "
                + "they would in Confluence.</p>";
    }
}
