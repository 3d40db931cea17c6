package com.sqltables.devhost.browser;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;

/**
 * The plugin's admin screen in a real browser against the dev host with the built plugin: an administrator
 * logs in, passes WebSudo, tests and creates a datasource and sees it listed; a non-administrator is refused.
 */
public class AdminScreenBrowserTest {
    @ClassRule
    public static final RunningDevHost HOST = RunningDevHost.with(b -> b.pluginJar(SqlTables.pluginJar()));

    private static final String ADMIN_PATH = "/plugins/servlet/sql-tables/admin/datasources";

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

    private void login(String user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("os_username"))).sendKeys(user);
        browser.findElement(By.id("os_password")).sendKeys(user);
        browser.findElement(By.id("loginButton")).click();
    }

    @Test
    public void admin_passesWebSudo_testsAndCreatesADatasource_andSeesItListed() {
        browser.get(HOST.baseUrl() + ADMIN_PATH);
        login("admin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys("admin");
        browser.findElement(By.id("authenticateButton")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("sql-tables-add-datasource"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ds-name"))).sendKeys("Browser <b>made</b>");
        new Select(browser.findElement(By.id("ds-connectionKind"))).selectByValue("H2");
        // A URL a first-timer might paste: the refusal names the field by its label, not by its form name.
        browser.findElement(By.id("ds-jdbcUrl")).sendKeys("postgres://db.example:5432/warehouse");
        browser.findElement(By.id("ds-test")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ds-test-result"), "JDBC URL: must start with"));
        assertThat(browser.findElement(By.id("ds-test-result")).getText(), not(containsString("jdbcUrl")));
        browser.findElement(By.id("ds-jdbcUrl")).clear();
        browser.findElement(By.id("ds-jdbcUrl")).sendKeys("jdbc:h2:mem:admin_browser");
        browser.findElement(By.id("ds-username")).sendKeys("sa");
        browser.findElement(By.id("ds-password")).sendKeys("browser-secret");

        browser.findElement(By.id("ds-test")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ds-test-result"), "Connected to H2"));
        String tested = browser.findElement(By.id("ds-test-result")).getText();
        assertThat(tested, tested.indexOf("H2 2."), org.hamcrest.CoreMatchers.is(tested.lastIndexOf("H2 2.")));

        browser.findElement(By.id("ds-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sql-tables-done")));
        String list = browser.findElement(By.cssSelector("table.sql-tables-datasources")).getText();
        assertThat(list, containsString("Browser <b>made</b>"));
        assertThat(browser.getPageSource(), not(containsString("browser-secret")));

        browser.findElement(By.linkText("Browser <b>made</b>")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ds-password")));
        assertThat(browser.findElement(By.id("ds-password")).getAttribute("value"), org.hamcrest.CoreMatchers.is(""));
        assertThat(browser.getPageSource(), not(containsString("browser-secret")));

        // A saved query with a declared parameter, previewed before it is saved, then saved.
        browser.get(HOST.baseUrl() + "/plugins/servlet/sql-tables/admin/queries");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sql-tables-add-query"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-name"))).sendKeys("first-numbers");
        new Select(browser.findElement(By.id("q-datasourceId"))).selectByVisibleText("Browser <b>made</b>");
        browser.findElement(By.id("q-sqlText")).sendKeys("SELECT X AS N FROM SYSTEM_RANGE(1, :upto)");
        browser.findElement(By.name("param.name.0")).sendKeys("upto");
        new Select(browser.findElement(By.name("param.type.0"))).selectByValue("INTEGER");
        browser.findElement(By.name("param.default.0")).sendKeys("3");
        // No rows is said in words, not left as a bare header row.
        browser.findElement(By.name("param.preview.0")).sendKeys("0");
        browser.findElement(By.id("q-preview")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("q-preview-result"), "The query returned no rows."));
        browser.findElement(By.name("param.preview.0")).clear();
        browser.findElement(By.id("q-preview")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#q-preview-result table tr"), 4));
        assertThat(browser.findElement(By.id("q-preview-result")).getText(), containsString("N"));
        browser.findElement(By.id("q-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sql-tables-done")));
        assertThat(browser.findElement(By.cssSelector("table.sql-tables-queries")).getText(), containsString("first-numbers"));

        // The administration sidebar links to the screen (web-item with SystemAdminCondition).
        browser.get(HOST.baseUrl() + "/admin/console.action");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href$='" + ADMIN_PATH + "']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sql-tables-add-datasource")));
    }

    @Test
    public void nonAdmin_isRefused() {
        browser.get(HOST.baseUrl() + ADMIN_PATH);
        login("author");

        String refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sql-tables-refused"))).getText();
        assertThat(refusal, containsString("Only Confluence system administrators"));
        assertThat(browser.getPageSource(), not(containsString("sql-tables-add-datasource")));
    }
}
