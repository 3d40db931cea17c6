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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

/**
 * A real browser shows a {@code sql-table} whose values, column label and caption are XSS payloads (from the
 * demo datasource, with the real plugin jar): nothing runs, and the payloads are visible as text.
 */
public class HostileTableBrowserTest {
    private static final String IMG = "<img src=x onerror=\"window.__pwned='img';document.title='pwned'\">";
    private static final String SCRIPT = "<script>window.__pwned='script';document.title='pwned'</script>";
    private static final String LABEL = "<svg onload=\"window.__pwned='label'\">";
    private static final String CAPTION = "<iframe src=\"javascript:window.parent.__pwned='caption'\"></iframe>";

    @ClassRule
    public static final RunningDevHost HOST = RunningDevHost.with(b -> b.pluginJar(SqlTables.pluginJar()));

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private WebDriver browser;

    @Before
    public void startBrowser() throws Exception {
        browser = Chromium.start(folder.newFolder("chromium-profile").toPath());
    }

    @After
    public void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    public void hostileValuesInATable_doNotRun_andShowAsText() {
        String sql = "SELECT '" + IMG.replace("'", "''") + "' AS \"" + LABEL.replace("\"", "\"\"") + "\", '"
                + SCRIPT.replace("'", "''") + "' AS \"Second\"";
        HttpTestClient author = HOST.basic("author", "author");
        HttpTestClient.Response created = author.postJson("/rest/api/content", Pages.newPage("DEMO", "Hostile table",
                "<p>Before the table.</p>" + SqlTables.inline(sql, "datasource", "demo", "caption", CAPTION)));
        assertEquals(created.body(), 200, created.status());
        String webui = created.json().at("/_links/webui").asText();

        browser.get(HOST.baseUrl() + "/login.action");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("os_username"))).sendKeys("viewer");
        browser.findElement(By.id("os_password")).sendKeys("viewer");
        browser.findElement(By.id("loginButton")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-menu")));
        browser.get(HOST.baseUrl() + webui);
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#main-content table.confluenceTable")));

        List<WebElement> cells = table.findElements(By.cssSelector("td"));
        assertEquals(IMG, cells.get(0).getText());
        assertEquals(SCRIPT, cells.get(1).getText());
        assertEquals(LABEL, table.findElement(By.cssSelector("th")).getText());
        assertThat(browser.findElement(By.id("main-content")).getText(), containsString(CAPTION));
        assertEquals(0, browser.findElements(By.cssSelector("#main-content img, #main-content script, #main-content svg,"
                + " #main-content iframe")).size());
        // Give an injected handler the chance to run (image errors fire asynchronously) before asserting nothing did.
        browser.get(HOST.baseUrl() + webui);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#main-content table.confluenceTable")));
        Object pwned = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; setTimeout(function () { done(window.__pwned || null); }, 500);");
        assertEquals(null, pwned);
        assertThat(browser.getTitle(), not(containsString("pwned")));
        assertThat(browser.getTitle(), containsString("Hostile table"));
    }
}
