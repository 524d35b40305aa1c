package org.ehiaccess.ui.browser;

import org.ehiaccess.ui.testing.ReportingServiceResource;
import org.ehiaccess.ui.testing.DecisionServiceResource;
import io.quarkus.test.common.WithTestResource;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeProbe;
import org.ehiaccess.ui.testing.IntakeService;
import org.ehiaccess.ui.testing.IntakeServiceResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The vertical slice in a real Chromium: a front-desk user of one clinic signs in through the
 * identity provider, logs a request and finds it; a user of another clinic cannot see it. Runs the
 * real intake-service (its packaged jar) against an embedded PostgreSQL.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceResource.class)
@WithTestResource(DecisionServiceResource.class)
@WithTestResource(ReportingServiceResource.class)
class RequestSliceBrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final Pattern REQUEST_PAGE = Pattern.compile(".*/requests/([0-9a-f-]{36})\\?logged=true$");

    static IntakeService intake;
    static Playwright playwright;
    static Browser browser;

    @OidcWireMock
    WireMockServer oidcServer;

    @TestHTTPResource("/")
    URL base;

    BrowserContext context;

    /** What the browser reported as errors (a blocked script or style, a failed load, a script error). */
    final List<String> browserErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void startIntakeServiceAndChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is missing at " + CHROMIUM + ": the browser tests need it. Install it with "
                    + "'apt-get install chromium' (.ci/run does this on a fresh machine).");
        }
        intake = IntakeService.start();
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
        }
        if (playwright != null) {
            playwright.close();
        }
        if (intake != null) {
            intake.close();
        }
    }

    @BeforeEach
    void demoUsers() {
        DemoUsers.register(oidcServer);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** A fresh browser (its own cookies) signed in as {@code user}, on {@code path}. */
    Page signIn(DemoUsers.DemoUser user, String path, boolean javaScript) {
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setJavaScriptEnabled(javaScript)
                .setLocale("en-US"));
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                browserErrors.add(message.text());
            }
        });
        page.onPageError(error -> browserErrors.add(error));
        page.navigate(url(path));
        // the identity provider's login page
        page.locator("#username").fill(user.username());
        page.locator("#password").fill("demo");
        page.locator("#login").click();
        page.waitForURL(url(path));
        assertThat(page.locator("#user-name")).hasText(user.username());
        return page;
    }

    /** Fills the "New request" form with a complete, valid request. */
    static void fillRequest(Page page, String patientName, String birthDate) {
        page.locator("#receivedAt").fill("2025-11-03T09:30");
        page.locator("#channel").selectOption("fax");
        page.locator("#requesterType").selectOption("other_provider_treatment");
        page.locator("#requesterName").fill("Lakeview Cardiology");
        page.locator("#patientName").fill(patientName);
        page.locator("#patientBirthDate").fill(birthDate);
        page.getByLabel("Lab results").check();
        page.getByLabel("Clinical notes").check();
        page.locator("#purpose").selectOption("treatment");
        page.locator("#mannerRequested").selectOption("direct_ccda");
    }

    static String requestId(Page page) {
        Matcher m = REQUEST_PAGE.matcher(page.url());
        assertTrue(m.matches(), "on a request's page: " + page.url());
        return m.group(1);
    }

    @Test
    void frontDeskLogsARequestThatAnotherClinicCannotSee() throws Exception {
        String patient = "Rosa Delgado";
        Page page = signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new", true);
        assertThat(page.locator("#clinic-name")).hasText("Sunrise Family Medicine");
        assertThat(page.locator("h1")).hasText("Log a new request");
        fillRequest(page, patient, "1961-02-14");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("new-request.png")).setFullPage(true));

        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log request")).click();
        page.waitForURL(REQUEST_PAGE);
        String id = requestId(page);
        assertThat(page.locator("[role=status]")).hasText("The request was logged.");
        assertThat(page.locator("h1")).hasText("Request for " + patient);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("request.png")).setFullPage(true));
        assertThat(page.locator(".details")).containsText("Nov 3, 2025, 9:30 AM EST");
        assertThat(page.locator(".details")).containsText("Other provider (treatment)");
        assertThat(page.locator(".details")).containsText("Lakeview Cardiology");
        assertThat(page.locator(".details")).containsText("Feb 14, 1961");
        assertThat(page.locator(".details")).containsText("Direct message with C-CDA");

        page.getByText("Back to the request log").click();
        page.waitForURL(url("/requests"));
        assertThat(page.locator("#request-log")).containsText(patient);
        assertThat(page.locator("#request-log")).containsText("Nov 3, 2025, 9:30 AM EST");
        // htmx refresh swaps the table in place
        page.getByText("Refresh").click();
        assertThat(page.locator("#request-log")).containsText(patient);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("request-log.png")).setFullPage(true));
        assertEquals(1, IntakeProbe.countFor(intake, DemoUsers.SUNRISE_FRONT_DESK, patient));
        context.close();

        // another clinic's front desk, in a new browser
        Page other = signIn(DemoUsers.LAKESIDE_FRONT_DESK, "/requests", true);
        assertThat(other.locator("#clinic-name")).hasText("Lakeside Pediatrics");
        assertThat(other.locator("h1")).hasText("Request log");
        assertThat(other.locator("#request-log")).isVisible();
        assertThat(other.locator("#request-log")).not().containsText(patient);
        Response direct = other.navigate(url("/requests/" + id));
        assertEquals(404, direct.status());
        assertThat(other.locator("h1")).hasText("Request not found");
        assertThat(other.locator("main")).not().containsText(patient);
        // the expected 404 of the last page is the only thing the browser had to complain about
        assertEquals(List.of(), browserErrors.stream().filter(e -> !e.contains("404")).toList(),
                "no script, style or security-policy errors");
    }

    @Test
    void badSubmissionShowsTheMessageBesideTheFieldKeepsTheInputAndSavesNothing() {
        String patient = "Walter Pemberton";
        Page page = signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new", true);
        fillRequest(page, patient, "1850-06-01");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log request")).click();

        // strict input bounds every date to 1900-01-01 .. ten years ahead; the message names the field
        assertThat(page.locator("#patientBirthDate-error"))
                .containsText("Patient's date of birth must be between 1900-01-01 and ");
        assertThat(page.locator(".error-summary")).containsText("The request was not logged");
        assertThat(page.locator("#patientBirthDate")).hasAttribute("aria-invalid", "true");
        // htmx swapped the form in place: same page, everything typed is still there
        assertEquals(url("/requests/new"), page.url());
        assertThat(page.locator("#patientName")).hasValue(patient);
        assertThat(page.locator("#requesterName")).hasValue("Lakeview Cardiology");
        assertThat(page.locator("#channel")).hasValue("fax");
        assertThat(page.locator("#patientBirthDate")).hasValue("1850-06-01");
        assertThat(page.getByLabel("Clinical notes")).isChecked();
        assertThat(page.locator("#requesterName-error")).hasCount(0);
        assertEquals(0, IntakeProbe.countFor(intake, DemoUsers.SUNRISE_FRONT_DESK, patient));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("new-request-refused.png")).setFullPage(true));
        // a 422 that htmx swaps in is not a browser error; anything else would be
        assertEquals(List.of(), browserErrors.stream().filter(e -> !e.contains("422")).toList());

        // corrected, the same form logs the request once
        page.locator("#patientBirthDate").fill("1950-06-01");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log request")).click();
        page.waitForURL(REQUEST_PAGE);
        assertThat(page.locator("h1")).hasText("Request for " + patient);
        assertEquals(1, IntakeProbe.countFor(intake, DemoUsers.SUNRISE_FRONT_DESK, patient));
    }

    @Test
    void withoutJavaScriptTheFormPostsAndRedirects() {
        String patient = "Agnes Whitfield";
        Page page = signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new", false);

        // a bad submission comes back as a whole page with the message beside the field
        fillRequest(page, patient, "1961-02-14");
        page.locator("#requesterName").fill("");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log request")).click();
        assertThat(page.locator("#requesterName-error")).containsText("Enter the requester's name");
        assertThat(page.locator("#patientName")).hasValue(patient);
        assertEquals(0, IntakeProbe.countFor(intake, DemoUsers.SUNRISE_FRONT_DESK, patient));

        page.locator("#requesterName").fill(patient);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log request")).click();
        page.waitForURL(REQUEST_PAGE);
        assertThat(page.locator("[role=status]")).hasText("The request was logged.");
        page.navigate(url("/requests"));
        assertThat(page.locator("#request-log")).containsText(patient);
        assertEquals(1, IntakeProbe.countFor(intake, DemoUsers.SUNRISE_FRONT_DESK, patient));
    }
}
