package org.ehiaccess.ui.browser;

import org.ehiaccess.ui.testing.ReportingServiceResource;
import io.quarkus.test.common.WithTestResource;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.ui.testing.DecisionProbe;
import org.ehiaccess.ui.testing.DecisionService;
import org.ehiaccess.ui.testing.DecisionServiceResource;
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeProbe;
import org.ehiaccess.ui.testing.IntakeServiceResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The request page's status form against the real intake-service, which asks the real decision-service: a denial
 * without a signed decision supporting it is refused, and the form says why, links to the worksheet and keeps what
 * was typed.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceResource.class)
@WithTestResource(DecisionServiceResource.class)
@WithTestResource(ReportingServiceResource.class)
class DenialRecordBrowserTest extends BrowserTestBase {

    static DecisionService decision;

    @BeforeAll
    static void start() {
        startIntakeAndChromium(List.of());
        decision = DecisionService.start(intake.baseUrl());
    }

    @AfterAll
    static void stopDecisionService() {
        if (decision != null) {
            decision.close();
            decision = null;
        }
    }

    static String logRequest(String patient) {
        return IntakeProbe.log(intake, DemoUsers.SUNRISE_FRONT_DESK,
                IntakeProbe.request(patient, patient + " requester", Instant.now().minusSeconds(3600)));
    }

    static void denyWithNote(Page page, String note) {
        page.locator("#act-status summary").click();
        page.locator("#status").selectOption("denied");
        page.locator("#note").fill(note);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change status")).click();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> hipaaClock(String id) {
        List<Map<String, Object>> clocks = (List<Map<String, Object>>) IntakeProbe.get(intake,
                DemoUsers.SUNRISE_FRONT_DESK, id).get("clocks");
        return clocks.stream().filter(c -> "hipaa_access".equals(c.get("kind"))).findFirst().orElseThrow();
    }

    @Test
    void aDenialWithoutASignedDecisionIsRefusedInPlaceWithTheWorksheetLinkAndTheTypedNoteKept() {
        String patient = "Deny " + UUID.randomUUID().toString().substring(0, 6);
        String id = logRequest(patient);
        Page page = signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/" + id, true);
        String note = "Denied as the psychiatrist asked";
        denyWithNote(page, note);

        var summary = page.locator("#act-status .error-summary");
        assertThat(summary).containsText("no signed decision");
        assertThat(summary).not().containsText("someone else");
        assertThat(page.locator("#decision-required a")).hasAttribute("href", "/requests/" + id + "/worksheet");
        assertThat(page.locator("#note")).hasValue(note);
        assertThat(page.locator("#status")).hasValue("denied");
        assertEquals("received", IntakeProbe.get(intake, DemoUsers.SUNRISE_FRONT_DESK, id).get("status"));
        assertNull(hipaaClock(id).get("metAt"), "the HIPAA clock stays open");

        page.locator("#decision-required a").click();
        page.waitForURL(Pattern.compile(".*/requests/" + id + "/worksheet.*"));
        assertEquals(List.of(), unexpectedBrowserErrors("409 "));
    }

    @Test
    void withoutJavaScriptTheRefusalIsTheSame() {
        String patient = "Deny plain " + UUID.randomUUID().toString().substring(0, 6);
        String id = logRequest(patient);
        Page page = signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/" + id + "?act=status", false);
        page.locator("#status").selectOption("denied");
        page.locator("#note").fill("typed without scripts");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change status")).click();
        assertThat(page.locator("#act-status .error-summary")).containsText("no signed decision");
        assertThat(page.locator("#decision-required a")).hasAttribute("href", "/requests/" + id + "/worksheet");
        assertThat(page.locator("#note")).hasValue("typed without scripts");
        assertEquals("received", IntakeProbe.get(intake, DemoUsers.SUNRISE_FRONT_DESK, id).get("status"));
    }

    @Test
    void aSignedCoveredDenialLetsTheStatusChange() {
        String patient = "Deny signed " + UUID.randomUUID().toString().substring(0, 6);
        String id = logRequest(patient);
        DecisionProbe.createSigned(decision, DemoUsers.SUNRISE_PRIVACY, id, WorksheetBrowserTest.ph01());
        Page page = signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/" + id, true);
        denyWithNote(page, "Denied on the signed decision");
        page.waitForURL(url("/requests/" + id + "?done=status"));
        assertEquals("denied", IntakeProbe.get(intake, DemoUsers.SUNRISE_FRONT_DESK, id).get("status"));
        assertNull(hipaaClock(id).get("metAt"), "no denial letter was sent yet: the HIPAA clock is not met");
        assertEquals(List.of(), unexpectedBrowserErrors());
    }

    /**
     * A denial letter for a decision no exception covers is refused by decision-service (not-allowed-for-decision);
     * the page says that, not that someone else changed the decision. Posted as an older page's form would be.
     */
    @Test
    void aRefusedDenialLetterSaysItsRealReason() {
        String patient = "Letter " + UUID.randomUUID().toString().substring(0, 6);
        String id = logRequest(patient);
        String assessment = DecisionProbe.createSigned(decision, DemoUsers.SUNRISE_PRIVACY, id, Map.of(
                "practice", Map.of("type", "deny", "claimed_basis", "none", "motive", List.of("unpaid_balance")),
                "facts", Map.of("request.requester_type", "patient", "request.purpose", "individual_access")));
        String path = "/requests/" + id + "/decisions/" + assessment;
        Page page = signIn(DemoUsers.SUNRISE_PRIVACY, path, true);
        String csrf = page.locator("input[name='csrf-token']").first().inputValue();
        APIResponse answer = page.request().post(url(path + "/letters"), RequestOptions.create().setForm(FormData.create()
                .set("csrf-token", csrf).set("kind", "denial").set("recipientName", patient + " requester")
                .set("recipientAddress", "1 Main Street").set("idempotencyKey", UUID.randomUUID().toString())));
        // the page follows decision-service's guidance for the decision: the letter is refused as the form's problem
        assertEquals(422, answer.status());
        String html = answer.text();
        assertTrue(html.contains("cannot be the basis of a denial"), html);
        assertFalse(html.contains("someone else"), html);
    }
}
