package com.sqltables.devhost.browser;

import com.sqltables.devhost.testing.HttpTestClient;
import com.sqltables.devhost.testing.Pages;
import com.sqltables.devhost.testing.RunningDevHost;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

/** A real browser logs in through the login form and reads a page. */
public class LoginAndViewPageBrowserTest {
    @ClassRule
    public static final RunningDevHost HOST = RunningDevHost.withoutPlugin();

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
    public void login_thenViewAPage() {
        HttpTestClient author = HOST.basic("author", "author");
        String webui = author.postJson("/rest/api/content", Pages.newPage("DEMO", "Quarterly figures",
                "<h2>Figures</h2><table><tbody><tr><th>Quarter</th><th>Revenue</th></tr>"
                        + "<tr><td>Q1</td><td>1&nbsp;200</td></tr></tbody></table>")).json().at("/_links/webui").asText();

        browser.get(HOST.baseUrl() + webui);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("os_username"))).sendKeys("viewer");
        browser.findElement(By.id("os_password")).sendKeys("viewer");
        browser.findElement(By.id("loginButton")).click();

        wait.until(ExpectedConditions.textToBe(By.id("title-text"), "Quarterly figures"));
        assertEquals(HOST.baseUrl() + webui, browser.getCurrentUrl());
        String content = browser.findElement(By.id("main-content")).getText();
        assertThat(content, containsString("Figures"));
        assertThat(content, containsString("Q1"));
        assertEquals("Revenue", browser.findElement(By.cssSelector("#main-content table th:nth-child(2)")).getText());
        assertThat(browser.findElement(By.id("user-menu")).getText(), containsString("Victor Viewer"));
        assertThat(browser.getTitle(), containsString("Quarterly figures"));
    }
}
