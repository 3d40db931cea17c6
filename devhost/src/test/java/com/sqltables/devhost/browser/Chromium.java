package com.sqltables.devhost.browser;

import org.junit.Assume;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.Assert.fail;

/**
 * Headless Chromium for browser tests: Debian's {@code chromium} and {@code chromedriver} (found on the PATH),
 * never a download. Missing browsers fail the test; outside CI they may be skipped explicitly with
 * {@code -Ddevhost.skipBrowserTests=true}, which is announced loudly.
 */
final class Chromium {
    static final String SKIP_PROPERTY = "devhost.skipBrowserTests";

    private Chromium() {
    }

    /** Starts a fresh headless Chromium with its own profile directory. */
    static ChromeDriver start(Path profileDir) throws IOException {
        Optional<Path> browser = onPath("chromium");
        Optional<Path> driver = onPath("chromedriver");
        if (browser.isEmpty() || driver.isEmpty()) {
            String problem = "Chromium for browser tests is missing (chromium: " + browser.map(Path::toString).orElse("not found")
                    + ", chromedriver: " + driver.map(Path::toString).orElse("not found")
                    + "). Install them with: apt-get install -y chromium chromium-driver";
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            if (!ci && Boolean.getBoolean(SKIP_PROPERTY)) {
                System.err.println("\n*** BROWSER TEST SKIPPED: " + problem + " ***\n");
                Assume.assumeTrue(problem, false);
            }
            fail(problem + (ci ? "" : " (or skip browser tests locally with -D" + SKIP_PROPERTY + "=true)"));
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + Files.createDirectories(profileDir));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
