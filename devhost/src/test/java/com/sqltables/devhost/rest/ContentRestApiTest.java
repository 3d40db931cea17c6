package com.sqltables.devhost.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.sqltables.devhost.testing.HttpTestClient;
import com.sqltables.devhost.testing.HttpTestClient.Response;
import com.sqltables.devhost.testing.Pages;
import com.sqltables.devhost.testing.RunningDevHost;
import org.junit.ClassRule;
import org.junit.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** Confluence's content REST API on a running dev host, used as a REST client would. */
public class ContentRestApiTest {
    @ClassRule
    public static final RunningDevHost HOST = RunningDevHost.withoutPlugin();

    private final HttpTestClient author = HOST.basic("author", "author");
    private final HttpTestClient admin = HOST.basic("admin", "admin");

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode create(String title, String storage, String... ancestors) {
        Response response = author.postJson("/rest/api/content", Pages.newPage("DEMO", title, storage, ancestors));
        assertEquals(response.body(), 200, response.status());
        return response.json();
    }

    @Test
    public void create_thenGetWithExpansions_returnsConfluenceShape() {
        String title = unique("Shape");
        JsonNode created = create(title, "<p>Hello <strong>world</strong></p>");
        String id = created.get("id").asText();
        assertTrue("ids are strings", created.get("id").isTextual());

        JsonNode page = author.get("/rest/api/content/" + id + "?expand=body.view,body.storage,version,space,ancestors")
                .json();
        assertEquals(id, page.get("id").asText());
        assertEquals("page", page.get("type").asText());
        assertEquals("current", page.get("status").asText());
        assertEquals(title, page.get("title").asText());
        assertEquals("<p>Hello <strong>world</strong></p>", page.at("/body/storage/value").asText());
        assertEquals("storage", page.at("/body/storage/representation").asText());
        assertEquals("<p>Hello <strong>world</strong></p>", page.at("/body/view/value").asText());
        assertEquals("view", page.at("/body/view/representation").asText());
        assertEquals(1, page.at("/version/number").asInt());
        assertEquals("author", page.at("/version/by/username").asText());
        assertEquals("DEMO", page.at("/space/key").asText());
        assertTrue(page.get("ancestors").isArray());
        assertEquals(HOST.baseUrl(), page.at("/_links/base").asText());
        assertEquals("/confluence", page.at("/_links/context").asText());
        assertEquals(HOST.baseUrl() + "/rest/api/content/" + id, page.at("/_links/self").asText());
        assertThat(page.at("/_links/webui").asText(), containsString("/display/DEMO/Shape+"));
        assertTrue("unexpanded parts are listed", page.at("/_expandable/children").isTextual());
        assertTrue(page.at("/body/_expandable/editor").isTextual());
        assertTrue("version is expanded, so not expandable", page.at("/_expandable/version").isMissingNode());
    }

    @Test
    public void get_withoutExpand_expandsSpaceHistoryAndVersionLikeConfluence() {
        String id = create(unique("Defaults"), "<p>x</p>").get("id").asText();
        JsonNode page = author.get("/rest/api/content/" + id).json();
        assertEquals("DEMO", page.at("/space/key").asText());
        assertEquals("author", page.at("/history/createdBy/username").asText());
        assertEquals(1, page.at("/version/number").asInt());
        assertTrue(page.get("body") == null);
        assertEquals("", page.at("/_expandable/body").asText());
    }

    @Test
    public void nonAsciiTitlesAndBodies_surviveTheRoundTrip() {
        String title = unique("Caf\u00e9 \u2615 \u65e5\u672c");
        String id = create(title, "<p>\u00c4rger &amp; \u00dcbel \uD83D\uDE00</p>").get("id").asText();
        JsonNode page = author.get("/rest/api/content/" + id + "?expand=body.storage").json();
        assertEquals(title, page.get("title").asText());
        assertEquals("<p>\u00c4rger &amp; \u00dcbel \uD83D\uDE00</p>", page.at("/body/storage/value").asText());
        assertEquals(200, HOST.loggedIn("viewer").get(page.at("/_links/webui").asText()).status());
    }

    @Test
    public void create_withAncestor_listsAncestorsFromTheTop() {
        String parent = create(unique("Parent"), "<p>p</p>").get("id").asText();
        String child = create(unique("Child"), "<p>c</p>", parent).get("id").asText();
        String grandchild = create(unique("Grandchild"), "<p>g</p>", child).get("id").asText();

        JsonNode ancestors = author.get("/rest/api/content/" + grandchild + "?expand=ancestors").json().get("ancestors");
        assertEquals(2, ancestors.size());
        assertEquals(parent, ancestors.get(0).get("id").asText());
        assertEquals(child, ancestors.get(1).get("id").asText());
    }

    @Test
    public void list_bySpaceKeyAndTitle_findsThePage() {
        String title = unique("Findable");
        String id = create(title, "<p>f</p>").get("id").asText();

        JsonNode list = author.get("/rest/api/content?spaceKey=DEMO&title=" + title.replace(" ", "+")
                + "&expand=version").json();
        assertEquals(1, list.get("size").asInt());
        assertEquals(0, list.get("start").asInt());
        assertEquals(25, list.get("limit").asInt());
        assertEquals(id, list.at("/results/0/id").asText());
        assertEquals(1, list.at("/results/0/version/number").asInt());
        assertEquals(HOST.baseUrl(), list.at("/_links/base").asText());
        assertTrue(list.at("/_links/self").asText().startsWith(HOST.baseUrl() + "/rest/api/content?"));
    }

    @Test
    public void list_withLimit_pagesThroughResultsWithNextLink() {
        create(unique("Paged A"), "<p>a</p>");
        create(unique("Paged B"), "<p>b</p>");
        JsonNode first = author.get("/rest/api/content?spaceKey=DEMO&limit=1").json();
        assertEquals(1, first.get("size").asInt());
        assertThat(first.at("/_links/next").asText(), containsString("start=1"));
    }

    @Test
    public void update_withNextVersionNumber_storesNewVersion() {
        String title = unique("Updatable");
        String id = create(title, "<p>v1</p>").get("id").asText();

        Response updated = author.putJson("/rest/api/content/" + id, Pages.update(title + " renamed", "<p>v2</p>", 2));
        assertEquals(updated.body(), 200, updated.status());
        assertEquals(2, updated.json().at("/version/number").asInt());

        JsonNode page = author.get("/rest/api/content/" + id + "?expand=body.storage,version").json();
        assertEquals("<p>v2</p>", page.at("/body/storage/value").asText());
        assertEquals(title + " renamed", page.get("title").asText());
        assertEquals(2, page.at("/version/number").asInt());
    }

    @Test
    public void update_withStaleVersionNumber_isAConflict() {
        String title = unique("Conflicting");
        String id = create(title, "<p>v1</p>").get("id").asText();
        assertEquals(200, author.putJson("/rest/api/content/" + id, Pages.update(title, "<p>v2</p>", 2)).status());

        Response stale = admin.putJson("/rest/api/content/" + id, Pages.update(title, "<p>lost</p>", 2));
        assertEquals(409, stale.status());
        assertEquals(409, stale.json().get("statusCode").asInt());
        assertThat(stale.json().get("message").asText(), containsString("Current version is: 2"));
        assertEquals("<p>v2</p>", author.get("/rest/api/content/" + id + "?expand=body.storage").json()
                .at("/body/storage/value").asText());
    }

    @Test
    public void delete_removesThePage() {
        String id = create(unique("Deletable"), "<p>d</p>").get("id").asText();
        Response deleted = author.delete("/rest/api/content/" + id);
        assertEquals(204, deleted.status());
        assertEquals(404, author.get("/rest/api/content/" + id).status());
        assertEquals(404, author.delete("/rest/api/content/" + id).status());
    }

    @Test
    public void get_unknownOrMalformedId_isA404InConfluenceErrorShape() {
        Response missing = author.get("/rest/api/content/999999999");
        assertEquals(404, missing.status());
        JsonNode error = missing.json();
        assertEquals(404, error.get("statusCode").asInt());
        assertThat(error.get("message").asText(), containsString("999999999"));
        assertFalse(error.at("/data/successful").asBoolean());
        assertEquals(404, author.get("/rest/api/content/not-a-number").status());
    }

    @Test
    public void create_invalidXhtml_isA400WithTheParsersMessage() {
        Response response = author.postJson("/rest/api/content", Pages.newPage("DEMO", unique("Broken"), "<p>unclosed"));
        assertEquals(400, response.status());
        assertThat(response.json().get("message").asText(), containsString("Error parsing xhtml"));
        assertThat(response.body(), not(containsString("at com.")));
    }

    @Test
    public void create_duplicateTitle_isA400() {
        String title = unique("Twice");
        create(title, "<p>1</p>");
        Response again = author.postJson("/rest/api/content", Pages.newPage("DEMO", title.toUpperCase(), "<p>2</p>"));
        assertEquals(400, again.status());
        assertThat(again.json().get("message").asText(), containsString("already exists"));
    }

    @Test
    public void create_inUnknownSpace_isA400() {
        Response response = author.postJson("/rest/api/content", Pages.newPage("NOPE", unique("Lost"), "<p>x</p>"));
        assertEquals(400, response.status());
    }

    @Test
    public void viewer_canReadButNotWrite() {
        String id = create(unique("Readable"), "<p>r</p>").get("id").asText();
        HttpTestClient viewer = HOST.basic("viewer", "viewer");
        assertEquals(200, viewer.get("/rest/api/content/" + id).status());
        assertEquals(403, viewer.postJson("/rest/api/content", Pages.newPage("DEMO", unique("Nope"), "<p>x</p>")).status());
        assertEquals(403, viewer.putJson("/rest/api/content/" + id, Pages.update("x", "<p>x</p>", 2)).status());
        assertEquals(403, viewer.delete("/rest/api/content/" + id).status());
    }

    @Test
    public void outsider_isForbiddenToReadAndSeesNoSpaces() {
        String id = create(unique("Private"), "<p>p</p>").get("id").asText();
        HttpTestClient outsider = HOST.basic("outsider", "outsider");
        Response read = outsider.get("/rest/api/content/" + id);
        assertEquals(403, read.status());
        assertEquals(403, read.json().get("statusCode").asInt());
        assertEquals(0, outsider.get("/rest/api/content?spaceKey=DEMO").json().get("size").asInt());
        assertEquals(0, outsider.get("/rest/api/space").json().get("size").asInt());
    }

    @Test
    public void noCredentials_isA401WithBasicChallenge() {
        Response response = HOST.browser().get("/rest/api/content?spaceKey=DEMO");
        assertEquals(401, response.status());
        assertEquals("Basic realm=\"Confluence\"", response.header("WWW-Authenticate"));
        assertEquals(401, response.json().get("statusCode").asInt());
    }

    @Test
    public void wrongPassword_isA401() {
        Response response = HOST.basic("author", "wrong").get("/rest/api/space");
        assertEquals(401, response.status());
        assertEquals("Basic realm=\"Confluence\"", response.header("WWW-Authenticate"));
    }

    @Test
    public void formEncodedPost_withoutNoCheckHeader_failsTheXsrfCheck() {
        Response blocked = author.postForm("/rest/api/content", HttpTestClient.form("title", "x"));
        assertEquals(403, blocked.status());
        assertThat(blocked.json().get("message").asText(), containsString("XSRF"));
        Response allowed = author.postForm("/rest/api/content", HttpTestClient.form("title", "x"),
                "X-Atlassian-Token", "no-check");
        assertEquals("past the XSRF check, the API wants JSON", 415, allowed.status());
    }

    @Test
    public void convertToView_rendersStorageFormat() {
        Response response = author.postJson("/rest/api/contentbody/convert/view",
                Map.of("value", "<p>a&nbsp;<script>alert(1)</script>b</p>", "representation", "storage"));
        assertEquals(response.body(), 200, response.status());
        assertEquals("view", response.json().get("representation").asText());
        assertEquals("<p>a\u00a0b</p>", response.json().get("value").asText());
    }

    @Test
    public void convertToView_invalidXhtml_isA400() {
        Response response = author.postJson("/rest/api/contentbody/convert/view",
                Map.of("value", "<p>a</b>", "representation", "storage"));
        assertEquals(400, response.status());
        assertThat(response.json().get("message").asText(), containsString("Error parsing xhtml"));
    }

    @Test
    public void spaces_listAndByKey_includeTheHomePage() {
        JsonNode list = author.get("/rest/api/space?spaceKey=DEMO&expand=homepage").json();
        assertEquals(1, list.get("size").asInt());
        JsonNode demo = list.at("/results/0");
        assertEquals("DEMO", demo.get("key").asText());
        assertEquals("Demonstration Space", demo.get("name").asText());
        assertTrue(demo.at("/homepage/id").isTextual());

        JsonNode byKey = author.get("/rest/api/space/DEMO").json();
        assertEquals("/rest/api/content/" + demo.at("/homepage/id").asText(), byKey.at("/_expandable/homepage").asText());
        assertEquals(404, author.get("/rest/api/space/NOPE").status());
    }

    @Test
    public void currentUser_isTheAuthenticatedUser() {
        JsonNode user = author.get("/rest/api/user/current").json();
        assertEquals("author", user.get("username").asText());
        assertEquals("known", user.get("type").asText());
    }

    @Test
    public void unknownRestResource_isA404Json() {
        Response response = author.get("/rest/api/nothing-here");
        assertEquals(404, response.status());
        assertEquals(404, response.json().get("statusCode").asInt());
    }
}
