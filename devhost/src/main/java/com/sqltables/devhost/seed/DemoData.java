package com.sqltables.devhost.seed;

import com.sqltables.devhost.content.ContentStore;
import com.sqltables.devhost.content.Space;
import com.sqltables.devhost.content.SpacePermission;
import com.sqltables.devhost.datasources.DatasourceSpec;
import com.sqltables.devhost.datasources.PluginAdmin;
import com.sqltables.devhost.db.Jdbc;
import com.sqltables.devhost.spi.DatasourceDeclaration;
import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.spi.UserDirectory;
import com.sqltables.devhost.users.Groups;
import com.sqltables.devhost.users.JdbcUserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a fresh dev host contains, as after AMPS's {@code atlas-run}: the demo users (password = username) and
 * groups, and the spaces {@code DEMO} and {@code OPS}, each with a home page. Every step is create-if-missing, so
 * it runs on every start (and on every node) without duplicating anything. {@code OPS} exists so that a datasource
 * limited to {@code DEMO} (such as {@value #DEMO_DATASOURCE}) can be seen refused in another space.
 *
 * <table>
 *     <caption>Demo users</caption>
 *     <tr><th>user</th><th>groups</th><th>may</th></tr>
 *     <tr><td>admin</td><td>confluence-administrators, confluence-users</td><td>everything (system administrator)</td></tr>
 *     <tr><td>author</td><td>confluence-users</td><td>view DEMO and OPS, create and edit pages there</td></tr>
 *     <tr><td>viewer</td><td>confluence-users</td><td>view DEMO and OPS</td></tr>
 *     <tr><td>outsider</td><td>none</td><td>log in, nothing else</td></tr>
 * </table>
 */
public final class DemoData {
    public static final String DEMO_SPACE_KEY = "DEMO";
    public static final String DEMO_SPACE_NAME = "Demonstration Space";
    public static final String DEMO_HOME_TITLE = "Demonstration Space Home";
    public static final String OPS_SPACE_KEY = "OPS";
    public static final String OPS_SPACE_NAME = "Operations";
    public static final String OPS_HOME_TITLE = "Operations Home";
    public static final String DEMO_DATASOURCE = "demo";
    public static final String DEMO_QUERY = "orders-by-country";
    public static final String DEMO_PAGE_TITLE = "SQL Tables demo";

    static final String TOP_CUSTOMERS_SQL = "SELECT c.NAME AS \"Customer\", c.CITY AS \"City\", c.COUNTRY AS \"Country\",\n"
            + "       COUNT(DISTINCT o.ID) AS \"Orders\", SUM(l.QUANTITY * l.UNIT_PRICE) AS \"Revenue\"\n"
            + "FROM CUSTOMERS c\n"
            + "JOIN ORDERS o ON o.CUSTOMER_ID = c.ID\n"
            + "JOIN ORDER_LINES l ON l.ORDER_ID = o.ID\n"
            + "WHERE o.STATUS <> 'CANCELLED'\n"
            + "GROUP BY c.ID, c.NAME, c.CITY, c.COUNTRY\n"
            + "ORDER BY SUM(l.QUANTITY * l.UNIT_PRICE) DESC, c.ID\n"
            + "LIMIT 10";
    static final String ORDERS_SINCE_SQL = "SELECT o.ID AS \"Order\", o.ORDER_DATE AS \"Date\", c.NAME AS \"Customer\",\n"
            + "       o.STATUS AS \"Status\", o.SHIPPED_DATE AS \"Shipped\", o.NOTE AS \"Note\"\n"
            + "FROM ORDERS o JOIN CUSTOMERS c ON c.ID = o.CUSTOMER_ID\n"
            + "WHERE o.ORDER_DATE >= CAST(:since AS DATE)\n"
            + "ORDER BY o.ORDER_DATE, o.ID";
    static final String ORDERS_BY_COUNTRY_SQL = "SELECT o.ID AS \"Order\", o.ORDER_DATE AS \"Date\", c.NAME AS \"Customer\",\n"
            + "       c.CITY AS \"City\", o.STATUS AS \"Status\"\n"
            + "FROM ORDERS o JOIN CUSTOMERS c ON c.ID = o.CUSTOMER_ID\n"
            + "WHERE c.COUNTRY = :country\n"
            + "ORDER BY o.ORDER_DATE DESC, o.ID DESC";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private DemoData() {
    }

    /** Creates missing users, groups, the demo spaces, their home pages and their permissions. */
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
        String authorKey = userKey(c, "author");
        Space demo = ContentStore.ensureSpace(c, DEMO_SPACE_KEY, DEMO_SPACE_NAME,
                "The dev host's demo space.", DEMO_HOME_TITLE, homePage(), adminKey);
        grantDemoPermissions(c, demo, authorKey);
        Space ops = ContentStore.ensureSpace(c, OPS_SPACE_KEY, OPS_SPACE_NAME,
                "A second space: datasources limited to DEMO are refused here.", OPS_HOME_TITLE, opsHomePage(), adminKey);
        grantDemoPermissions(c, ops, authorKey);
    }

    /** Every user of {@code confluence-users} views the space; administrators and {@code author} edit it. */
    private static void grantDemoPermissions(Connection c, Space space, String authorKey) throws SQLException {
        ContentStore.grant(c, space.id(), SpacePermission.VIEWSPACE, Groups.USERS, null);
        ContentStore.grant(c, space.id(), SpacePermission.VIEWSPACE, Groups.ADMINISTRATORS, null);
        ContentStore.grant(c, space.id(), SpacePermission.EDITSPACE, Groups.ADMINISTRATORS, null);
        ContentStore.grant(c, space.id(), SpacePermission.EDITSPACE, null, authorKey);
    }

    /**
     * Demo content that needs the plugin, run once it is enabled (on every start and node; idempotent like
     * {@link #seed}): the in-memory demo database ({@link DemoDatabase}), the read-only datasource
     * {@value #DEMO_DATASOURCE} on it, the datasources of {@code --datasources}, the saved query
     * {@value #DEMO_QUERY} and the page {@value #DEMO_PAGE_TITLE} in {@code DEMO}. Datasources and the saved query
     * are registered as an administrator would, through the plugin's own admin services ({@link PluginAdmin});
     * existing ones (same name, ignoring case) are left as they are.
     *
     * @return what to close when the plugin stops (the demo database); does nothing when the plugin has no
     *         datasources (no plugin, or a fake one)
     * @throws IllegalStateException with the plugin's message when it refuses a datasource
     */
    public static AutoCloseable afterPluginEnabled(PluginSystem plugins, UserDirectory users, ContentStore content,
                                                   List<DatasourceDeclaration> declared) throws Exception {
        Optional<PluginAdmin> found = PluginAdmin.of(plugins);
        if (found.isEmpty() || plugins.pluginClassLoader().isEmpty()) {
            if (!declared.isEmpty()) {
                LOG.warn("The plugin has no datasource service: --datasources ignored");
            }
            return () -> { };
        }
        PluginAdmin admin = found.get();
        AutoCloseable database = DemoDatabase.populate(plugins.pluginClassLoader().get());
        try {
            String adminKey = users.byUsername("admin").orElseThrow(() -> new IllegalStateException("no admin user")).key();
            long demoId = register(admin, demoDatasource(), adminKey);
            for (DatasourceDeclaration declaration : declared) {
                register(admin, DatasourceSpec.fromDeclaration(declaration), adminKey);
            }
            boolean savedQuery = false;
            if (admin.savedQueriesAvailable()) {
                savedQuery = true;
                if (admin.ensureSavedQuery(DEMO_QUERY, demoId, ORDERS_BY_COUNTRY_SQL,
                        "Latest orders of the customers in one country; the page URL may set the country (sqlp_country).",
                        List.of(new PluginAdmin.Parameter("country", "TEXT", "Germany", true, true)), adminKey)) {
                    LOG.info("Created the demo saved query {}", DEMO_QUERY);
                }
            } else {
                LOG.warn("The plugin has no saved-query admin service: the demo page shows inline SQL only");
            }
            ensureDemoPage(content, adminKey, savedQuery);
            return database;
        } catch (Exception | Error e) {
            try {
                database.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The demo datasource: read-only, inline SQL for {@code confluence-users}, only in {@code DEMO}. */
    static DatasourceSpec demoDatasource() {
        return new DatasourceSpec(DEMO_DATASOURCE, "The dev host's sample shop: customers, products, orders and order lines"
                + " (generated, in memory).", "H2", DemoDatabase.JDBC_URL, DemoDatabase.READER_USER,
                DemoDatabase.READER_PASSWORD, null, true, true, 1_000, 3, 10, List.of(DEMO_SPACE_KEY), List.of(Groups.USERS));
    }

    private static long register(PluginAdmin admin, DatasourceSpec spec, String actorKey) {
        try {
            PluginAdmin.Registered registered = admin.ensureDatasource(spec, actorKey);
            if (registered.created()) {
                LOG.info("Registered datasource {} with the plugin", spec.name());
            }
            return registered.id();
        } catch (IllegalStateException e) {
            // Another node may have created it in between.
            return admin.datasourceId(spec.name()).orElseThrow(() -> new IllegalStateException(
                    "the plugin refused datasource " + spec.name() + ": " + e.getMessage(), e));
        }
    }

    private static void ensureDemoPage(ContentStore content, String adminKey, boolean savedQuery) {
        if (content.page(DEMO_SPACE_KEY, DEMO_PAGE_TITLE).isPresent()) {
            return;
        }
        Space space = content.space(DEMO_SPACE_KEY).orElseThrow(() -> new IllegalStateException("no DEMO space"));
        try {
            content.create(space.id(), space.homepageId(), DEMO_PAGE_TITLE, demoPage(savedQuery), adminKey);
            LOG.info("Created the demo page '{}' in {}", DEMO_PAGE_TITLE, DEMO_SPACE_KEY);
        } catch (RuntimeException e) {
            // Another node may have created it in between; anything else is a real failure.
            if (content.page(DEMO_SPACE_KEY, DEMO_PAGE_TITLE).isEmpty()) {
                throw e;
            }
        }
    }

    /** The demo page's storage format: every kind of table the macro offers, on the demo datasource. */
    static String demoPage(boolean savedQuery) {
        StringBuilder page = new StringBuilder()
                .append("<p>Every table on this page is a <strong>SQL Table</strong> macro reading the read-only datasource")
                .append(" <code>demo</code>: a generated shop with ").append(DemoDatabase.CUSTOMERS).append(" customers, ")
                .append(DemoDatabase.PRODUCTS).append(" products and ").append(DemoDatabase.ORDERS)
                .append(" orders (tables CUSTOMERS, PRODUCTS, ORDERS, ORDER_LINES). Edit the page to see the macros.</p>")
                .append("<h2>Top customers</h2>")
                .append("<p>Inline SQL, with row numbers and a caption.</p>")
                .append(macro("top-customers", new String[][] {{"datasource", DEMO_DATASOURCE},
                        {"caption", "Top 10 customers by revenue"}, {"rowNumbers", "true"}}, TOP_CUSTOMERS_SQL))
                .append("<h2>Orders since a date</h2>")
                .append("<p>Inline SQL with a parameter: <code>:since</code> is bound from the macro's")
                .append(" <code>parameters</code> (<code>since=2025-12-01</code>). Orders not shipped yet show NULL.</p>")
                .append(macro("orders-since", new String[][] {{"datasource", DEMO_DATASOURCE},
                        {"parameters", "since=2025-12-01"}, {"dateFormat", "dd.MM.yyyy"}, {"maxRows", "25"},
                        {"caption", "Orders since 1 December 2025"}}, ORDERS_SINCE_SQL));
        if (savedQuery) {
            page.append("<h2>Orders by country</h2>")
                    .append("<p>The saved query <code>").append(DEMO_QUERY).append("</code>: its <code>country</code> parameter")
                    .append(" defaults to Germany and may be set through the page URL, e.g. add")
                    .append(" <code>?sqlp_country=France</code>.</p>")
                    .append(macro("by-country", new String[][] {{"query", DEMO_QUERY}, {"maxRows", "15"},
                            {"caption", "Latest orders of one country"}}, null));
        }
        return page.toString();
    }

    private static String macro(String id, String[][] parameters, String sql) {
        StringBuilder m = new StringBuilder("<ac:structured-macro ac:name=\"sql-table\" ac:schema-version=\"1\" ac:macro-id=\"")
                .append(id).append("\">");
        for (String[] p : parameters) {
            m.append("<ac:parameter ac:name=\"").append(p[0]).append("\">").append(xml(p[1])).append("</ac:parameter>");
        }
        if (sql != null) {
            m.append("<ac:plain-text-body><![CDATA[").append(sql).append("]]></ac:plain-text-body>");
        }
        return m.append("</ac:structured-macro>").toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
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

    private static String opsHomePage() {
        return "<p>A second space of the <strong>SQL Tables</strong> dev host, with the same permissions as DEMO.</p>"
                + "<p>The demo datasource <code>" + DEMO_DATASOURCE + "</code> may only be used in DEMO: a SQL Table"
                + " macro on it shows an error box here instead of a table.</p>";
    }
}
