package org.ehiaccess.ui.browser;

import org.ehiaccess.ui.testing.ReportingServiceResource;
import org.ehiaccess.ui.testing.DecisionServiceResource;
import io.quarkus.test.common.WithTestResource;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeProbe;
import org.ehiaccess.ui.testing.IntakeServiceResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Long text and failures on a request's page in a real Chromium: the page never goes blank and what
 * was typed is never lost. A long note is saved or refused with a message in place; a form over the
 * HTTP limits (413) and a service that is down (503) show a message at the top of the form that was
 * sent, and the form keeps its text.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceResource.class)
@WithTestResource(DecisionServiceResource.class)
@WithTestResource(ReportingServiceResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LongTextAndFailuresBrowserTest extends BrowserTestBase {

    static final DemoUsers.DemoUser FRONT_DESK = DemoUsers.SUNRISE_FRONT_DESK;

    @BeforeAll
    static void start() {
        startIntakeAndChromium(List.of());
    }

    static String logRequest() {
        String patient = "Long" + UUID.randomUUID().toString().substring(0, 8);
        return IntakeProbe.log(intake, FRONT_DESK, IntakeProbe.request(patient, patient, Instant.now().minusSeconds(600)));
    }

    Locator noteForm(Page page) {
        page.locator("#act-note summary").click();
        return page.locator("#act-note form");
    }

    @Test
    @Order(1)
    void fiveThousandCharactersInANoteAreSavedOrRefusedInPlace() {
        String id = logRequest();
        Page page = signIn(FRONT_DESK, "/requests/" + id, true);
        String marker = "N" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String text = marker + "x".repeat(5_000 - marker.length());
        noteForm(page).locator("textarea[name=text]").fill(text);
        page.locator("#act-note button[type=submit]").click();
        // saved (the browser keeps at most the field's 4,000 characters) or refused beside the field
        Locator saved = page.locator("#timeline").getByText(marker);
        Locator refused = page.locator("#act-note .error-message, #act-note [role=alert]");
        saved.or(refused).first().waitFor();
        assertThat(page.locator("#request-content")).isVisible();
        assertThat(page.locator("#timeline")).isVisible();
        if (refused.count() > 0) {
            assertThat(page.locator("#act-note textarea[name=text]")).hasValue(java.util.regex.Pattern.compile("^" + marker));
        }
        screenshot(page, "long-note.png");
    }

    @Test
    @Order(2)
    void aFormOverTheLimitsShowsAMessageInPlaceAndKeepsTheText() {
        String id = logRequest();
        Page page = signIn(FRONT_DESK, "/requests/" + id, true);
        Locator form = noteForm(page);
        // beyond what the page allows (a pasted book, a script): over the 128K form limit
        page.evaluate("() => { const t = document.querySelector('#act-note textarea[name=text]');"
                + " t.removeAttribute('maxlength'); t.value = 'B'.repeat(200000); }");
        page.locator("#act-note button[type=submit]").click();
        Locator problem = form.locator(".send-problem");
        assertThat(problem).isVisible();
        assertThat(problem).not().isEmpty();
        assertThat(page.locator("#request-content")).isVisible();
        assertEquals(200_000, ((Number) page.evaluate(
                "() => document.querySelector('#act-note textarea[name=text]').value.length")).intValue());
        screenshot(page, "form-too-large.png");
    }

    @Test
    @Order(3)
    void theTooLargeAnswerIsAPageNotAnEmptyBody() {
        String id = logRequest();
        Page page = signIn(FRONT_DESK, "/requests/" + id, true);
        // the same post as a plain browser without JavaScript would send it
        String csrf = page.locator("#act-note input[name=csrf-token]").inputValue();
        var response = page.request().post(url("/requests/" + id + "/notes"),
                com.microsoft.playwright.options.RequestOptions.create()
                        .setForm(com.microsoft.playwright.options.FormData.create()
                                .set("csrf-token", csrf).set("version", "0").set("text", "C".repeat(200_000))));
        assertEquals(413, response.status());
        assertTrue(response.text().contains("too long"), response.text());
    }

    @Test
    @Order(4)
    void aServiceThatIsDownShowsAMessageInPlaceAndKeepsTheText() {
        String id = logRequest();
        Page page = signIn(FRONT_DESK, "/requests/" + id, true);
        noteForm(page).locator("textarea[name=text]").fill("Called the patient back about the portal.");
        intake.close(); // intake-service goes down while the page is open
        page.locator("#act-note button[type=submit]").click();
        Locator problem = page.locator("#act-note form .send-problem");
        assertThat(problem).isVisible();
        assertThat(problem).containsText("not available");
        assertThat(page.locator("#act-note textarea[name=text]")).hasValue("Called the patient back about the portal.");
        assertThat(page.locator("#timeline")).isVisible();
        screenshot(page, "service-down.png");
    }
}
