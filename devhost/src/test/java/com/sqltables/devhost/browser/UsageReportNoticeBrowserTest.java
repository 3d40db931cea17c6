package com.sqltables.devhost.browser;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertTrue;

import com.sqltables.devhost.testing.RunningDevHost;
import com.sqltables.devhost.testing.SqlTables;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin notice in a real browser: while nobody decided about the usage report, a system administrator
 * sees it on Confluence's admin console (script from web-resource context {@code atl.admin}) and its link
 * leads to the plugin's settings page, which shows no second notice.
 */
public class UsageReportNoticeBrowserTest {
    @ClassRule
    public static final RunningDevHost HOST = RunningDevHost.with(b -> b.pluginJar(SqlTables.pluginJar()));

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
    public void undecided_adminConsoleShowsTheNotice_linkingToSettings() {
        browser.get(HOST.baseUrl() + "/admin/console.action");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("os_username"))).sendKeys("admin");
        browser.findElement(By.id("os_password")).sendKeys("admin");
        browser.findElement(By.id("loginButton")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys("admin");
        browser.findElement(By.id("authenticateButton")).click();

        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sql-tables-usage-notice")));
        assertThat(notice.getText(), containsString("Nothing is sent until you decide."));
        notice.findElement(By.tagName("a")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sql-tables-usage-form")));
        assertThat(browser.getCurrentUrl(), containsString("/plugins/servlet/sql-tables/admin/settings"));
        // The script has had its answer (200, still undecided) and chose not to show a notice here.
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "data-sql-tables-usage-notice", "200"));
        assertTrue("no notice on the settings page itself", browser.findElements(By.id("sql-tables-usage-notice")).isEmpty());
    }
}
