package com.sqltables.devhost.browser;

import com.sqltables.devhost.testing.HttpTestClient;
import com.sqltables.devhost.testing.Pages;
import com.sqltables.devhost.testing.RunningDevHost;
import com.sqltables.devhost.testing.SqlTables;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * A datasource limited to one space, end to end in a real browser: an administrator creates it on the admin
 * screen, allowed only in {@code DEMO}, and a saved query with a parameter on it; the same macro on a page in
 * {@code DEMO} shows the table to a viewer, on a page in {@code OPS} the plugin's refusal and no table.
 */
public class SpaceRestrictionBrowserTest {
    @ClassRule
    public static final RunningDevHost HOST = RunningDevHost.with(b -> b.pluginJar(SqlTables.pluginJar()));

    private static final String DATASOURCE = "demo-shop-only";
    private static final String QUERY = "first-products";
    /** The seeded demo database, read through its SELECT-only account (see the dev host's README). */
    private static final String DEMO_DB_URL = "jdbc:h2:mem:sqltables-demo;IFEXISTS=TRUE";
    private static final String ACCESS_DENIED_KEY = "com.sqltables.confluence.sql-table.error.access.denied";

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private WebDriver browser;
    private WebDriverWait wait;

    @Before
    public void startBrowser() throws Exception {
        browser = Chromium.start(folder.newFolder("chromium-profile").toPath());
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @After
    public void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    public void datasourceLimitedToDemo_showsItsTableInDemo_andIsRefusedInOps() {
        browser.get(HOST.baseUrl() + "/plugins/servlet/sql-tables/admin/datasources");
        login("admin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys("admin");
        browser.findElement(By.id("authenticateButton")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("sql-tables-add-datasource"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ds-name"))).sendKeys(DATASOURCE);
        new Select(browser.findElement(By.id("ds-connectionKind"))).selectByValue("H2");
        browser.findElement(By.id("ds-jdbcUrl")).sendKeys(DEMO_DB_URL);
        browser.findElement(By.id("ds-username")).sendKeys("DEMO_READER");
        browser.findElement(By.id("ds-password")).sendKeys("demo-reader");
        WebElement spaces = browser.findElement(By.id("ds-allowedSpaces"));
        spaces.clear();
        spaces.sendKeys("DEMO");
        browser.findElement(By.id("ds-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sql-tables-done")));
        assertThat(browser.findElement(By.cssSelector("table.sql-tables-datasources")).getText(), containsString(DATASOURCE));

        browser.get(HOST.baseUrl() + "/plugins/servlet/sql-tables/admin/queries");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sql-tables-add-query"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-name"))).sendKeys(QUERY);
        new Select(browser.findElement(By.id("q-datasourceId"))).selectByVisibleText(DATASOURCE);
        browser.findElement(By.id("q-sqlText")).sendKeys("SELECT ID AS \"Id\", NAME AS \"Product\" FROM PRODUCTS"
                + " WHERE ID <= :upto ORDER BY ID");
        browser.findElement(By.name("param.name.0")).sendKeys("upto");
        new Select(browser.findElement(By.name("param.type.0"))).selectByValue("INTEGER");
        browser.findElement(By.name("param.default.0")).sendKeys("3");
        browser.findElement(By.id("q-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sql-tables-done")));
        assertThat(browser.findElement(By.cssSelector("table.sql-tables-queries")).getText(), containsString(QUERY));

        // The same macro, its parameter set on the page, in the allowed space and in another one.
        String macro = "<ac:structured-macro ac:name=\"sql-table\" ac:schema-version=\"1\">"
                + "<ac:parameter ac:name=\"query\">" + QUERY + "</ac:parameter>"
                + "<ac:parameter ac:name=\"parameters\">upto=2</ac:parameter></ac:structured-macro>";
        String demoPage = createPage("DEMO", "Products here", macro);
        String opsPage = createPage("OPS", "Products elsewhere", macro);

        browser.manage().deleteAllCookies();
        browser.get(HOST.baseUrl() + demoPage);
        login("viewer");
        wait.until(ExpectedConditions.textToBe(By.id("title-text"), "Products here"));
        WebElement demoContent = browser.findElement(By.id("main-content"));
        assertTrue(demoContent.findElements(By.cssSelector(".sql-tables-error")).isEmpty());
        List<WebElement> tables = demoContent.findElements(By.cssSelector("table.confluenceTable"));
        assertEquals(1, tables.size());
        assertEquals(List.of("Id", "Product"), texts(tables.get(0).findElements(By.cssSelector("th"))));
        assertEquals("two rows: upto=2 from the page, not the default 3", 2,
                tables.get(0).findElements(By.cssSelector("tbody tr")).size());
        String firstProduct = tables.get(0).findElement(By.cssSelector("tbody tr td:nth-child(2)")).getText();
        assertThat(firstProduct, not(""));

        browser.get(HOST.baseUrl() + opsPage);
        wait.until(ExpectedConditions.textToBe(By.id("title-text"), "Products elsewhere"));
        WebElement opsContent = browser.findElement(By.id("main-content"));
        WebElement refusal = opsContent.findElement(By.cssSelector(".aui-message-error.sql-tables-error"));
        assertEquals(pluginText(ACCESS_DENIED_KEY), refusal.findElement(By.cssSelector("p.title")).getText());
        assertThat(refusal.getText(), containsString("'" + DATASOURCE + "' may not be used in space 'OPS'"));
        assertTrue(opsContent.findElements(By.tagName("table")).isEmpty());
        assertThat(opsContent.getText(), not(containsString(firstProduct)));
    }

    private void login(String user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("os_username"))).sendKeys(user);
        browser.findElement(By.id("os_password")).sendKeys(user);
        browser.findElement(By.id("loginButton")).click();
    }

    /** Creates a page as {@code author} through the REST API; returns its path below the context. */
    private static String createPage(String spaceKey, String title, String storage) {
        HttpTestClient.Response created = HOST.basic("author", "author")
                .postJson("/rest/api/content", Pages.newPage(spaceKey, title, "<p>Catalogue:</p>" + storage));
        assertEquals(created.body(), 200, created.status());
        return created.json().at("/_links/webui").asText();
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).collect(Collectors.toList());
    }

    /** A text of the plugin's i18n bundle, read from the jar under test so the assertion follows its wording. */
    private static String pluginText(String key) {
        try (ZipFile jar = new ZipFile(SqlTables.pluginJar().toFile())) {
            ZipEntry entry = jar.getEntry("i18n/sql-tables.properties");
            assertNotNull("the plugin jar has no i18n/sql-tables.properties", entry);
            Properties texts = new Properties();
            try (InputStream in = jar.getInputStream(entry)) {
                texts.load(in);
            }
            String text = texts.getProperty(key);
            assertNotNull("no i18n text " + key, text);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
