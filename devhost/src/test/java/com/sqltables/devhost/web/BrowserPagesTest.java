package com.sqltables.devhost.web;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sqltables.devhost.testing.HttpTestClient;
import com.sqltables.devhost.testing.HttpTestClient.Response;
import com.sqltables.devhost.testing.RunningDevHost;
import org.junit.ClassRule;
import org.junit.Test;

import java.util.UUID;

import static com.sqltables.devhost.testing.HttpTestClient.form;
import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

/** The host's pages as a browser sees them: login, viewing, the editor, errors, administration. */
public class BrowserPagesTest {
    @ClassRule
    public static final RunningDevHost HOST = RunningDevHost.withoutPlugin();

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a page through the editor form as the author; returns the page's view path. */
    private static String createPage(HttpTestClient author, String title, String storage) {
        String token = author.get("/pages/createpage.action?spaceKey=DEMO").xsrfToken();
        Response saved = author.postForm("/pages/createpage.action", form("atl_token", token, "spaceKey", "DEMO",
                "title", title, "content", storage, "confirm", "Publish"));
        assertEquals(saved.body(), 302, saved.status());
        return saved.header("Location").substring("/confluence".length());
    }

    @Test
    public void anonymousBrowser_isSentToLoginWithTheDestination() {
        Response response = HOST.browser().get("/display/DEMO?x=1");
        assertEquals(302, response.status());
        assertEquals("/confluence/login.action?os_destination=%2Fdisplay%2FDEMO%3Fx%3D1", response.header("Location"));
    }

    @Test
    public void login_returnsToTheDestination() {
        HttpTestClient browser = HOST.browser();
        Response response = browser.postForm("/login.action", form("os_username", "viewer", "os_password", "viewer",
                "os_destination", "/display/DEMO"));
        assertEquals(302, response.status());
        assertEquals("/confluence/display/DEMO", response.header("Location"));
        assertEquals(200, browser.get("/display/DEMO").status());
    }

    @Test
    public void login_neverRedirectsToAnotherSite() {
        for (String destination : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example",
                "javascript:alert(1)"}) {
            Response response = HOST.browser().postForm("/login.action", form("os_username", "viewer",
                    "os_password", "viewer", "os_destination", destination));
            assertEquals(destination, "/confluence/dashboard.action", response.header("Location"));
        }
    }

    @Test
    public void login_withWrongPassword_showsAnErrorAndNoSession() {
        HttpTestClient browser = HOST.browser();
        Response response = browser.postForm("/login.action", form("os_username", "viewer", "os_password", "nope"));
        assertEquals(200, response.status());
        assertThat(response.body(), containsString("id=\"login-error\""));
        assertEquals(302, browser.get("/dashboard.action").status());
    }

    @Test
    public void viewingAPage_rendersItsStorageFormatSafely() {
        HttpTestClient author = HOST.loggedIn("author");
        String title = unique("Rendered <Title>");
        String path = createPage(author, title, "<p>Hello&nbsp;<em>there</em><script>alert(1)</script></p>");

        Response page = author.get(path);
        assertEquals(200, page.status());
        assertThat(page.body(), containsString("<em>there</em>"));
        assertThat(page.body(), not(containsString("alert(1)")));
        assertThat(page.body(), containsString(Html.text(title)));
        assertThat(page.body(), not(containsString("<Title>")));
    }

    @Test
    public void viewpageAction_andDisplayUrl_showTheSamePage() {
        HttpTestClient viewer = HOST.loggedIn("viewer");
        Response home = viewer.get("/display/DEMO");
        assertEquals(200, home.status());
        assertThat(home.body(), containsString("Demonstration Space Home"));
        assertEquals(200, viewer.get("/display/DEMO/Demonstration+Space+Home").status());
        String id = home.body().replaceAll("(?s).*data-page-id=\"(\\d+)\".*", "$1");
        assertThat(viewer.get("/pages/viewpage.action?pageId=" + id).body(), containsString("Demonstration Space Home"));
    }

    @Test
    public void unknownPages_are404WithoutStackTraces() {
        HttpTestClient viewer = HOST.loggedIn("viewer");
        for (String path : new String[] {"/display/DEMO/No+Such+Page", "/pages/viewpage.action?pageId=1",
                "/pages/viewpage.action?pageId=abc", "/display/NOSPACE", "/no/such/servlet", "/collector/pages.action?key=X"}) {
            Response response = viewer.get(path);
            assertEquals(path, 404, response.status());
            assertThat(path, response.body(), not(containsString("at org.")));
            assertThat(path, response.body(), not(containsString("Exception")));
        }
    }

    @Test
    public void outsider_isForbiddenToViewTheSpace() {
        HttpTestClient outsider = HOST.loggedIn("outsider");
        assertEquals(403, outsider.get("/display/DEMO").status());
        assertThat(outsider.get("/dashboard.action").body(), containsString("no spaces you can view"));
    }

    @Test
    public void viewer_cannotOpenTheEditor() {
        HttpTestClient viewer = HOST.loggedIn("viewer");
        assertEquals(403, viewer.get("/pages/createpage.action?spaceKey=DEMO").status());
        String id = viewer.get("/display/DEMO").body().replaceAll("(?s).*data-page-id=\"(\\d+)\".*", "$1");
        assertEquals(403, viewer.get("/pages/editpage.action?pageId=" + id).status());
    }

    @Test
    public void editorPost_withoutXsrfToken_isRefused() {
        HttpTestClient author = HOST.loggedIn("author");
        String title = unique("Forged");
        Response response = author.postForm("/pages/createpage.action", form("spaceKey", "DEMO", "title", title,
                "content", "<p>x</p>", "confirm", "Publish"));
        assertEquals(403, response.status());
        assertEquals(0, HOST.basic("author", "author").get("/rest/api/content?spaceKey=DEMO&title="
                + title.replace(" ", "+")).json().get("size").asInt());
    }

    @Test
    public void editorPreview_rendersWithoutSaving() {
        HttpTestClient author = HOST.loggedIn("author");
        String token = author.get("/pages/createpage.action?spaceKey=DEMO").xsrfToken();
        String title = unique("Previewed");
        Response preview = author.postForm("/pages/createpage.action", form("atl_token", token, "spaceKey", "DEMO",
                "title", title, "content", "<p><strong>bold</strong></p>", "preview", "true"));
        assertEquals(200, preview.status());
        assertThat(preview.body(), containsString("id=\"preview-content\" class=\"wiki-content\"><p><strong>bold</strong></p>"));
        assertThat(preview.body(), containsString("&lt;strong&gt;bold"));
        assertEquals(0, HOST.basic("author", "author").get("/rest/api/content?spaceKey=DEMO&title="
                + title.replace(" ", "+")).json().get("size").asInt());
    }

    @Test
    public void editorSave_ofInvalidXhtml_is400WithTheMessage() {
        HttpTestClient author = HOST.loggedIn("author");
        String token = author.get("/pages/createpage.action?spaceKey=DEMO").xsrfToken();
        Response response = author.postForm("/pages/createpage.action", form("atl_token", token, "spaceKey", "DEMO",
                "title", unique("Invalid"), "content", "<p>open", "confirm", "Publish"));
        assertEquals(400, response.status());
        assertThat(response.body(), containsString("Error parsing xhtml"));
        assertThat(response.body(), containsString("&lt;p&gt;open"));
    }

    @Test
    public void editingAStaleVersion_is409() {
        HttpTestClient author = HOST.loggedIn("author");
        String path = createPage(author, unique("Edited"), "<p>1</p>");
        String id = author.get(path).body().replaceAll("(?s).*data-page-id=\"(\\d+)\".*", "$1");
        Response editor = author.get("/pages/editpage.action?pageId=" + id);
        String token = editor.xsrfToken();
        Response first = author.postForm("/pages/editpage.action", form("atl_token", token, "pageId", id,
                "originalVersion", "1", "title", "Edited " + id, "content", "<p>2</p>", "confirm", "Update"));
        assertEquals(302, first.status());
        Response second = author.postForm("/pages/editpage.action", form("atl_token", token, "pageId", id,
                "originalVersion", "1", "title", "Edited " + id, "content", "<p>lost</p>", "confirm", "Update"));
        assertEquals(409, second.status());
        assertThat(second.body(), containsString("Someone else saved this page"));
    }

    @Test
    public void logout_needsAPostWithToken_thenTheSessionIsGone() {
        HttpTestClient viewer = HOST.loggedIn("viewer");
        Response confirm = viewer.get("/logout.action");
        assertEquals(200, confirm.status());
        assertEquals(200, viewer.get("/dashboard.action").status());
        assertEquals(403, viewer.postForm("/logout.action", form()).status());
        Response out = viewer.postForm("/logout.action", form("atl_token", confirm.xsrfToken()));
        assertEquals(302, out.status());
        assertEquals(302, viewer.get("/dashboard.action").status());
    }

    @Test
    public void xsrfCookie_matchesTheSessionToken() {
        HttpTestClient viewer = HOST.loggedIn("viewer");
        Response dashboard = viewer.get("/dashboard.action");
        assertThat(dashboard.body(), containsString("<meta name=\"atlassian-token\" content=\"" + dashboard.xsrfToken()));
    }

    @Test
    public void adminPages_areForbiddenToNonAdministrators() {
        HttpTestClient author = HOST.loggedIn("author");
        for (String path : new String[] {"/admin/console.action", "/admin/scheduledjobs/viewscheduledjobs.action",
                "/admin/mail/viewmailservers.action", "/devhost/mail"}) {
            assertEquals(path, 403, author.get(path).status());
        }
        assertThat(author.get("/dashboard.action").body(), not(containsString("admin-menu-link")));
    }

    @Test
    public void adminPages_needWebSudo_thenShowTheConsole() {
        HttpTestClient admin = HOST.loggedIn("admin");
        Response prompt = admin.get("/admin/console.action");
        assertEquals(302, prompt.status());
        assertThat(prompt.header("Location"), startsWith("/confluence/authenticate.action?destination="));

        String token = admin.get("/authenticate.action").xsrfToken();
        Response wrong = admin.postForm("/authenticate.action", form("atl_token", token, "password", "nope",
                "destination", "/admin/console.action"));
        assertThat(wrong.body(), containsString("id=\"websudo-error\""));

        admin.webSudo("admin");
        Response console = admin.get("/admin/console.action");
        assertEquals(200, console.status());
        assertThat(console.body(), containsString("8.5.16"));
        assertThat(console.body(), containsString("id=\"no-plugin-sections\""));
        assertThat(admin.get("/dashboard.action").body(), containsString("admin-menu-link"));
    }

    @Test
    public void mailServersPage_showsTheServerButNeverThePassword() {
        HttpTestClient admin = HOST.loggedIn("admin");
        admin.webSudo("admin");
        Response page = admin.get("/admin/mail/viewmailservers.action");
        assertEquals(200, page.status());
        assertThat(page.body(), containsString(String.valueOf(HOST.host().environment().smtp().port())));
        assertThat(page.body(), containsString("SMTPS"));
        assertThat(page.body(), not(containsString(HOST.host().environment().smtp().password())));
    }

    @Test
    public void receivedMailPage_listsMessagesWithEscapedRawSource() {
        ServerSetup smtps = new ServerSetup(HOST.host().environment().smtp().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTPS);
        String subject = "Report <ready> " + UUID.randomUUID();
        GreenMailUtil.sendTextEmail("someone@example.com", "confluence@localhost", subject, "<b>body</b>", smtps);

        HttpTestClient admin = HOST.loggedIn("admin");
        Response page = admin.get("/devhost/mail");
        assertEquals(200, page.status());
        assertThat(page.body(), containsString(Html.text(subject)));
        assertThat(page.body(), containsString("&lt;b&gt;body&lt;/b&gt;"));
        assertThat(page.body(), containsString("class=\"mail-source\""));
    }

    @Test
    public void contextRootAndServerRoot_leadToTheDashboard() {
        HttpTestClient viewer = HOST.loggedIn("viewer");
        assertEquals("/confluence/dashboard.action", viewer.get("/").header("Location"));
        Response serverRoot = viewer.get(HOST.baseUrl().replace("/confluence", "/"));
        assertEquals(302, serverRoot.status());
    }

    @Test
    public void staticStylesheet_isServedWithoutLogin() {
        Response css = HOST.browser().get("/devhost/static/devhost.css");
        assertEquals(200, css.status());
        assertThat(css.header("Content-Type"), startsWith("text/css"));
    }
}
