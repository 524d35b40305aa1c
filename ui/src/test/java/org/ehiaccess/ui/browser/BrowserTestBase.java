package org.ehiaccess.ui.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.oidc.server.OidcWireMock;

/**
 * Real Chromium (Debian's, at /usr/bin/chromium) against the UI and the real intake-service: signing
 * in through the identity provider's login page, one browser context (its own cookies) per person.
 */
abstract class BrowserTestBase {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    static IntakeService intake;
    static Playwright playwright;
    static Browser browser;

    @OidcWireMock
    WireMockServer oidcServer;

    @TestHTTPResource("/")
    URL base;

    final List<BrowserContext> contexts = new ArrayList<>();
    /** What the browser reported as errors (a blocked script or style, a failed load, a script error). */
    final List<String> browserErrors = new CopyOnWriteArrayList<>();

    static void startIntakeAndChromium(List<String> intakeProperties) {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is missing at " + CHROMIUM + ": the browser tests need it. Install it with "
                    + "'apt-get install chromium' (.ci/run does this on a fresh machine).");
        }
        intake = IntakeService.start(intakeProperties);
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stopChromiumAndIntakeService() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
        if (intake != null) {
            intake.close();
            intake = null;
        }
    }

    @BeforeEach
    void demoUsers() {
        DemoUsers.register(oidcServer);
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** A fresh browser (its own cookies) signed in as {@code user}, on {@code path}. */
    Page signIn(DemoUsers.DemoUser user, String path, boolean javaScript) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setJavaScriptEnabled(javaScript)
                .setAcceptDownloads(true)
                .setLocale("en-US"));
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            // the identity provider's login page (the OIDC test server) is not this application
            if ("error".equals(message.type()) && message.location().startsWith(url("/"))) {
                browserErrors.add(message.text() + " (" + message.location() + ")");
            }
        });
        page.onPageError(error -> browserErrors.add(error));
        page.onResponse(response -> {
            if (response.status() >= 400 && response.url().startsWith(url("/"))) {
                browserErrors.add(response.status() + " " + response.url());
            }
        });
        page.navigate(url(path));
        page.locator("#username").fill(user.username());
        page.locator("#password").fill("demo");
        page.locator("#login").click();
        page.waitForURL(url(path));
        assertThat(page.locator("#user-name")).hasText(user.username());
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    /** Errors other than the expected answers (a 409 or 422 htmx swaps in, a 404 page). */
    List<String> unexpectedBrowserErrors(String... expected) {
        return browserErrors.stream().filter(e -> {
            for (String x : expected) {
                if (e.contains(x)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }
}
