package com.sqltables.devhost.web;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import com.sqltables.devhost.spi.RequestContext;
import com.sqltables.devhost.spi.WebItemModule;
import com.sqltables.devhost.spi.WebSectionModule;
import com.sqltables.devhost.testing.FakePluginSystem;
import com.sqltables.devhost.testing.HttpTestClient;
import com.sqltables.devhost.testing.HttpTestClient.Response;
import com.sqltables.devhost.testing.Pages;
import com.sqltables.devhost.testing.RunningDevHost;
import org.junit.ClassRule;
import org.junit.Test;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.sqltables.devhost.testing.HttpTestClient.form;
import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** How the web host presents a plugin's modules: macros in pages, servlets, menus, resources, scheduled jobs. */
public class PluginModulesWebTest {
    private static final FakePluginSystem PLUGIN = new FakePluginSystem();

    /** Renders its parameters and the context it saw, requiring a web resource like a real macro would. */
    private static final Macro ECHO = new Macro() {
        @Override
        public String execute(Map<String, String> parameters, String body, ConversionContext context) {
            RequestContext.currentRequest().ifPresent(r -> FakePluginSystem.require(r, "com.example.fake:table-resources"));
            return "<div class=\"echo\">user=" + RequestContext.currentUser().map(u -> u.username()).orElse("-")
                    + " output=" + context.getOutputType() + " space=" + context.getSpaceKey()
                    + " page=" + (context.getEntity() == null ? "none" : context.getEntity().getTitle())
                    + " rows=" + parameters.get("rows") + "</div>";
        }

        @Override public BodyType getBodyType() {
            return BodyType.NONE;
        }

        @Override public OutputType getOutputType() {
            return OutputType.BLOCK;
        }
    };

    private static final Macro FAILING = new Macro() {
        @Override
        public String execute(Map<String, String> parameters, String body, ConversionContext context)
                throws MacroExecutionException {
            throw new MacroExecutionException("Datasource 'demo' is <offline>");
        }

        @Override public BodyType getBodyType() {
            return BodyType.PLAIN_TEXT;
        }

        @Override public OutputType getOutputType() {
            return OutputType.BLOCK;
        }
    };

    /** A plugin admin page as the plugin writes it: a full HTML page asking for Confluence's admin decorator. */
    private static final HttpServlet ADMIN_SERVLET = new HttpServlet() {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            FakePluginSystem.require(request, "com.example.fake:admin-resources");
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<html><head><title>SQL &amp; Tables</title>"
                    + "<meta name=\"decorator\" content=\"atl.admin\"></head><body><div id=\"plugin-admin\">servlet="
                    + request.getServletPath() + " path=" + request.getPathInfo() + "</div></body></html>");
        }
    };

    private static final HttpServlet CSV_SERVLET = new HttpServlet() {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/csv");
            response.getWriter().write("a,b\n1,2\n");
        }
    };

    static {
        PLUGIN.macro("echo", ECHO).macro("failing", FAILING)
                .servlet("admin-servlet", ADMIN_SERVLET, "/sql-tables/admin*")
                .servlet("export-servlet", CSV_SERVLET, "/sql-tables/export/*");
        PLUGIN.sections.add(new WebSectionModule("sql-tables-section", "system.admin", "SQL Tables", 100));
        PLUGIN.items.add(new WebItemModule("datasources-item", "system.admin/sql-tables-section", "Datasources",
                "/plugins/servlet/sql-tables/admin", 10));
        PLUGIN.items.add(new WebItemModule("help-item", "system.help/pages", "SQL Tables help",
                "/plugins/servlet/sql-tables/help", 10));
        PLUGIN.resource("com.example.fake:base", List.of(), List.of("com.atlassian.auiplugin:ajs"),
                Map.of("base.css", ".base{}"));
        PLUGIN.resource("com.example.fake:table-resources", List.of(), List.of("com.example.fake:base"),
                Map.of("table.js", "var t;", "table.css", ".t{}"));
        PLUGIN.resource("com.example.fake:admin-resources", List.of(), List.of("com.example.fake:base"),
                Map.of("admin.js", "var a;"));
        PLUGIN.resource("com.example.fake:everywhere", List.of("atl.general"), List.of(), Map.of("general.css", ".g{}"));
    }

    @ClassRule
    public static final RunningDevHost HOST = RunningDevHost.withPluginSystem(environment -> PLUGIN);

    private static String createPage(String storage) {
        Response created = HOST.basic("author", "author").postJson("/rest/api/content",
                Pages.newPage("DEMO", "Macro page " + UUID.randomUUID(), storage));
        assertEquals(created.body(), 200, created.status());
        return created.json().get("id").asText();
    }

    @Test
    public void pageView_runsMacrosWithDisplayContextAndTheViewer() {
        String id = createPage("<ac:structured-macro ac:name=\"echo\"><ac:parameter ac:name=\"rows\">5</ac:parameter>"
                + "</ac:structured-macro>");
        Response page = HOST.loggedIn("viewer").get("/pages/viewpage.action?pageId=" + id);
        assertEquals(200, page.status());
        assertThat(page.body(), containsString("<div class=\"echo\">user=viewer output=display space=DEMO page=Macro page"));
        assertThat(page.body(), containsString("rows=5</div>"));
    }

    @Test
    public void pageView_emitsRequiredWebResourcesInTheHeadDependenciesFirst() {
        String id = createPage("<ac:structured-macro ac:name=\"echo\"/>");
        String html = HOST.loggedIn("viewer").get("/pages/viewpage.action?pageId=" + id).body();
        String head = html.substring(0, html.indexOf("</head>"));
        int aui = head.indexOf("/download/resources/com.atlassian.auiplugin%3Aajs/aui-lite.css");
        int base = head.indexOf("/download/resources/com.example.fake%3Abase/base.css");
        int table = head.indexOf("/download/resources/com.example.fake%3Atable-resources/table.js");
        assertTrue(head, aui > 0 && base > aui && table > base);
        assertThat("context atl.general is on every general page", head, containsString("general.css"));
        assertEquals("each module once", head.indexOf("base.css"), head.lastIndexOf("base.css"));
    }

    @Test
    public void failingMacro_showsAnErrorBoxAndTheRestOfThePage() {
        String id = createPage("<p>before</p><ac:structured-macro ac:name=\"failing\"><ac:plain-text-body>"
                + "<![CDATA[SELECT 1]]></ac:plain-text-body></ac:structured-macro><p>after</p>");
        Response page = HOST.loggedIn("viewer").get("/pages/viewpage.action?pageId=" + id);
        assertEquals(200, page.status());
        assertThat(page.body(), containsString("aui-message-error"));
        assertThat(page.body(), containsString("Datasource &#39;demo&#39; is &lt;offline&gt;"));
        assertThat(page.body(), containsString("<p>after</p>"));
    }

    @Test
    public void editorPreview_runsMacrosWithPreviewOutputType() {
        HttpTestClient author = HOST.loggedIn("author");
        String token = author.get("/pages/createpage.action?spaceKey=DEMO").xsrfToken();
        Response preview = author.postForm("/pages/createpage.action", form("atl_token", token, "spaceKey", "DEMO",
                "title", "Preview " + UUID.randomUUID(), "content", "<ac:structured-macro ac:name=\"echo\"/>",
                "preview", "true"));
        assertThat(preview.body(), containsString("user=author output=preview space=DEMO page=none"));
    }

    @Test
    public void restConvert_runsMacrosInThePageContext() {
        String id = createPage("<p>context</p>");
        Response converted = HOST.basic("author", "author").postJson("/rest/api/contentbody/convert/view?contentIdContext="
                + id, Map.of("value", "<ac:structured-macro ac:name=\"echo\"/>", "representation", "storage"));
        assertThat(converted.json().get("value").asText(), containsString("output=display space=DEMO page=Macro page"));
    }

    @Test
    public void pluginServlet_seesConfluencesServletPathAndIsDecorated() {
        HttpTestClient admin = HOST.loggedIn("admin");
        Response page = admin.get("/plugins/servlet/sql-tables/admin/datasources");
        assertEquals(200, page.status());
        assertThat(page.body(), containsString("servlet=/plugins/servlet path=/sql-tables/admin/datasources"));
        assertThat("the admin decorator adds the admin sidebar", page.body(), containsString("admin-sidebar"));
        assertThat(page.body(), containsString("<title>SQL &amp; Tables - Confluence</title>"));
        assertThat(page.body(), containsString("com.example.fake%3Aadmin-resources/admin.js"));
    }

    @Test
    public void pluginServlet_nonHtmlAnswersPassUnchanged() {
        Response csv = HOST.loggedIn("viewer").get("/plugins/servlet/sql-tables/export/report.csv");
        assertEquals(200, csv.status());
        assertEquals("a,b\n1,2\n", csv.body());
    }

    @Test
    public void pluginServlet_unknownPath_is404() {
        assertEquals(404, HOST.loggedIn("viewer").get("/plugins/servlet/nothing").status());
    }

    @Test
    public void webResources_areDownloadableWithoutLogin() {
        Response js = HOST.browser().get("/download/resources/com.example.fake:table-resources/table.js");
        assertEquals(200, js.status());
        assertEquals("var t;", js.body());
        assertThat(js.header("Content-Type"), startsWith("application/javascript"));
        Response aui = HOST.browser().get("/download/resources/com.atlassian.auiplugin:ajs/aui-lite.js");
        assertEquals(200, aui.status());
        assertThat(aui.body(), containsString("AJS.toInit"));
        assertEquals(404, HOST.browser().get("/download/resources/com.example.fake:base/missing.css").status());
    }

    @Test
    public void helpMenu_listsThePluginsHelpItems() {
        String html = HOST.loggedIn("viewer").get("/dashboard.action").body();
        assertThat(html, containsString("href=\"/confluence/plugins/servlet/sql-tables/help\">SQL Tables help</a>"));
    }

    @Test
    public void adminConsole_listsThePluginsAdminSectionsAndItems() {
        HttpTestClient admin = HOST.loggedIn("admin");
        admin.webSudo("admin");
        Response console = admin.get("/admin/console.action");
        assertThat(console.body(), containsString("<h3>SQL Tables</h3>"));
        assertThat(console.body(), containsString("id=\"item-datasources-item\" href=\"/confluence/plugins/servlet/sql-tables/admin\""));
        assertThat(console.body(), containsString("Fake plugin (com.example.fake) 1.2.3"));
    }

    @Test
    public void scheduledJobs_canBeDisabledEnabledAndRunWithTokenAndWebSudo() {
        HttpTestClient admin = HOST.loggedIn("admin");
        admin.webSudo("admin");
        Response page = admin.get("/admin/scheduledjobs/viewscheduledjobs.action");
        assertEquals(200, page.status());
        assertThat(page.body(), containsString("Usage report"));
        assertThat(page.body(), containsString("0 0 3 1 * ?"));
        String token = page.xsrfToken();

        Response forged = admin.postForm("/admin/scheduledjobs/action.action",
                form("jobKey", "com.example.fake:usage-report", "action", "run"));
        assertEquals(403, forged.status());
        assertTrue(PLUGIN.jobs.runs.isEmpty());

        assertEquals(302, admin.postForm("/admin/scheduledjobs/action.action", form("atl_token", token,
                "jobKey", "com.example.fake:usage-report", "action", "disable")).status());
        assertThat(admin.get("/admin/scheduledjobs/viewscheduledjobs.action").body(), containsString("Disabled"));

        admin.postForm("/admin/scheduledjobs/action.action", form("atl_token", token,
                "jobKey", "com.example.fake:usage-report", "action", "enable"));
        admin.postForm("/admin/scheduledjobs/action.action", form("atl_token", token,
                "jobKey", "com.example.fake:usage-report", "action", "run"));
        Response after = admin.get("/admin/scheduledjobs/viewscheduledjobs.action");
        assertThat(after.body(), containsString("Ran Usage report: report sent"));
        assertThat(after.body(), not(containsString(">Disabled<")));
        assertEquals(List.of("com.example.fake:usage-report"), PLUGIN.jobs.runs);
    }

    @Test
    public void scheduledJobActions_withoutWebSudo_goToThePasswordPrompt() {
        HttpTestClient admin = HOST.loggedIn("admin");
        String token = admin.get("/authenticate.action").xsrfToken();
        Response response = admin.postForm("/admin/scheduledjobs/action.action", form("atl_token", token,
                "jobKey", "com.example.fake:usage-report", "action", "disable"));
        assertEquals(302, response.status());
        assertThat(response.header("Location"), startsWith("/confluence/authenticate.action"));
    }
}
