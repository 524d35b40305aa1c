package org.ehiaccess.ui.browser;

import org.ehiaccess.ui.testing.ReportingServiceResource;
import io.quarkus.test.common.WithTestResource;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.ui.testing.DecisionProbe;
import org.ehiaccess.ui.testing.DecisionService;
import org.ehiaccess.ui.testing.DecisionServiceResource;
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeProbe;
import org.ehiaccess.ui.testing.IntakeServiceResource;
import org.ehiaccess.ui.testing.WorksheetUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The whole path in a real Chromium, against the real intake-service and decision-service: log a request, walk the
 * Request Resolution Worksheet one step at a time while the verdict follows, sign, see the request's status and
 * clocks follow, and (once decision-service offers them) write the letter; for several public scenarios.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceResource.class)
@WithTestResource(DecisionServiceResource.class)
@WithTestResource(ReportingServiceResource.class)
class WorksheetBrowserTest extends BrowserTestBase {

    static final Pattern WORKSHEET = Pattern.compile(".*/requests/([0-9a-f-]{36})/worksheet.*");
    static final Pattern DECISION = Pattern.compile(".*/requests/([0-9a-f-]{36})/decisions/([0-9a-f-]{36}).*");

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

    @BeforeEach
    void moreUsers() {
        WorksheetUsers.register(oidcServer);
    }

    // --- helpers --------------------------------------------------------------------------------------

    static String log(DemoUsers.DemoUser user, String patient, String requesterType, String receivedAt,
            List<String> classes, String purpose, String manner) {
        Map<String, Object> body = IntakeProbe.request(patient, patient + " requester", Instant.parse(receivedAt));
        body.put("requesterType", requesterType);
        body.put("ehiClasses", classes);
        body.put("purpose", purpose);
        body.put("mannerRequested", manner);
        return IntakeProbe.log(intake, user, body);
    }

    static String inputId(String fact) {
        return "q-" + fact.replace('.', '-');
    }

    /** Ticks an answer: a radio of an enum fact, or "yes" / "no" / "unknown" for a yes-or-no fact. */
    static void answer(Page page, String fact, String value) {
        String suffix = switch (value) {
            case "yes", "no", "unknown" -> value;
            default -> value.replace('_', '-');
        };
        page.locator("#" + inputId(fact) + "-" + suffix).check();
    }

    static void next(Page page, String heading) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator("#step-heading")).hasText(heading);
    }

    static void verdict(Page page, String headline) {
        assertThat(page.locator("#verdict-headline")).hasText(headline);
    }

    /**
     * What the browser reported, less one artefact of the test itself: Playwright leaves an empty {@code style=""} on
     * an input it clicked, and htmx's settle step copies it onto the input's replacement, which the CSP refuses (the
     * hash in the message is the empty string's). No page of this UI writes an inline style.
     */
    List<String> pageErrors(String... expected) {
        return unexpectedBrowserErrors(expected).stream()
                .filter(e -> !e.contains("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")).toList();
    }

    static String[] decisionIds(Page page) {
        Matcher m = DECISION.matcher(page.url());
        assertTrue(m.matches(), "on a decision page: " + page.url());
        return new String[] { m.group(1), m.group(2) };
    }

    /** From the worksheet's last look to the decision, signed there. */
    static void goToDecisionAndSign(Page page) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the decision to sign it")).click();
        page.waitForURL(DECISION);
        assertThat(page.locator("h1")).containsText("Decision for the request of");
        page.locator("#confirm").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign this decision")).click();
        assertThat(page.locator("[role=status]")).containsText("The decision was signed");
        assertThat(page.locator("#signature-line")).containsText("Signed by");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign this decision"))).hasCount(0);
    }

    // --- scenarios ---------------------------------------------------------------------------------------

    /**
     * PH-01: a treating psychiatrist withholds one note; 171.201 covers it. As the permission table has it, the
     * privacy officer starts the worksheet, the clinician records the preventing-harm determination in it, and the
     * privacy officer signs.
     */
    @Test
    void preventingHarmTheClinicianRecordsTheDeterminationAndThePrivacyOfficerSigns() {
        String patient = "PH01 " + UUID.randomUUID().toString().substring(0, 6);
        String id = log(DemoUsers.SUNRISE_FRONT_DESK, patient, "patient", "2026-03-02T14:00:00Z",
                List.of("clinical_note"), "individual_access", "portal_view_download");

        // a clinician does not start a worksheet: before the privacy officer has, she is offered no form
        Page clinician = signIn(DemoUsers.SUNRISE_CLINICIAN, "/requests/" + id + "/worksheet", true);
        assertThat(clinician.locator("#step-form")).hasCount(0);
        assertThat(clinician.locator(".note")).containsText("The privacy officer starts the worksheet");

        Page page = signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id, true);
        page.locator("#worksheet-link").click();
        page.waitForURL(WORKSHEET);
        assertThat(page.locator("h1")).hasText("Request Resolution Worksheet");
        assertThat(page.locator(".request-facts")).containsText("Patient");
        assertThat(page.locator(".request-facts")).containsText("Clinical notes");

        // (1) not as asked; (2) partly: the one note is withheld
        page.locator("#fulfil-no").check();
        next(page, "If not, can it fulfil part of it, or in another manner?");
        page.locator("#partial-part").check();
        next(page, "What will the clinic do, and on what basis?");
        // (3) the basis: preventing harm, for a safety risk
        page.locator("#" + inputId("practice.claimed_basis")).selectOption("preventing_harm");
        page.locator("#" + inputId("practice.motive") + "-safety-risk").check();
        verdict(page, "More facts needed");
        assertThat(page.locator("#conditions-open")).containsText("PH-a");
        next(page, "Reasonable belief");

        // the treating clinician records the determination in the worksheet the privacy officer started
        clinician.navigate(url("/requests/" + id));
        clinician.locator("#worksheet-link").click();
        clinician.waitForURL(WORKSHEET);
        assertThat(clinician.locator("#step-heading")).hasText("Reasonable belief");
        answer(clinician, "harm.reasonable_belief", "yes");
        assertThat(clinician.locator("#conditions-met")).containsText("PH-a");
        next(clinician, "No broader than necessary");
        answer(clinician, "harm.no_broader_than_necessary", "yes");
        next(clinician, "Type of risk");
        answer(clinician, "harm.risk_type", "individualized_determination");
        clinician.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        // the follow-up questions of an individualized determination appear in the same step
        assertThat(clinician.locator("#" + inputId("harm.determiner_is_licensed_hcp"))).isVisible();
        answer(clinician, "harm.determiner_is_licensed_hcp", "yes");
        answer(clinician, "harm.determiner_has_clinician_patient_relationship", "yes");
        next(clinician, "Type of harm");
        assertThat(clinician.locator("#worksheet-step .unverified")).containsText("unverified — have counsel review");
        answer(clinician, "harm.harm_type", "life_or_physical_safety");
        next(clinician, "Review rights");
        answer(clinician, "harm.review_rights_honored", "yes");
        next(clinician, "Policy or case determination");
        answer(clinician, "harm.determination_basis", "case_specific_determination");
        clinician.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        answer(clinician, "harm.determination_meets_requirements", "yes");
        verdict(clinician, "Covered by an exception");
        next(clinician, "The HIPAA right of access");
        // she answers; she does not sign: her decision page offers no signature
        String draftId = (String) DecisionProbe.assessments(decision, DemoUsers.SUNRISE_CLINICIAN, id).get(0).get("id");
        clinician.navigate(url("/requests/" + id + "/decisions/" + draftId));
        assertThat(clinician.locator("h1")).containsText("Decision for the request of");
        assertThat(clinician.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign this decision")))
                .hasCount(0);

        // the privacy officer answers the HIPAA step and signs
        page.navigate(url("/requests/" + id + "/worksheet"));
        assertThat(page.locator("#step-heading")).hasText("The HIPAA right of access");
        answer(page, "hipaa.denial_ground", "a3_life_or_physical_safety");
        answer(page, "hipaa.denial_notice_written", "yes");
        answer(page, "hipaa.other_info_provided", "yes");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        answer(page, "hipaa.denial_notice_has_basis", "yes");
        answer(page, "hipaa.denial_notice_has_review_rights", "yes");
        answer(page, "hipaa.denial_notice_has_complaint_info", "yes");
        next(page, "Check the answers and go to the decision");

        verdict(page, "Covered by an exception");
        assertThat(page.locator(".verdict-exceptions")).containsText("171.201 Preventing Harm");
        for (String condition : List.of("PH-a", "PH-b", "PH-c", "PH-d", "PH-e", "PH-f")) {
            assertThat(page.locator("#conditions-met")).containsText(condition);
        }
        assertThat(page.locator("#conditions-met")).containsText("171.201(c)");
        assertThat(page.locator("#conditions-met .unverified").first()).hasText("unverified — have counsel review");
        assertThat(page.locator(".hipaa-status")).hasText("Meets the right of access");
        assertThat(page.locator("#review-list")).containsText("Danger to life or physical safety");
        screenshot(page, "worksheet-ph01-covered.png");

        goToDecisionAndSign(page);
        assertThat(page.locator("#signature-line")).containsText("sunrise-privacy (Privacy officer)");
        assertThat(page.locator(".summary-facts")).containsText("Was the determination made by a licensed health care professional");
        assertThat(page.locator("#review")).containsText("No review has been requested");
        assertThat(page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Record that a review was requested"))).isVisible();
        // the signed decision is locked: a change makes a new version
        assertThat(page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Change this decision (new version)"))).isVisible();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        screenshot(page, "summary-ph01-print.png");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        String[] ids = decisionIds(page);
        Map<String, Object> signed = DecisionProbe.assessments(decision, DemoUsers.SUNRISE_PRIVACY, ids[0]).get(0);
        assertEquals("covered", signed.get("verdict"));
        assertEquals(true, signed.get("signed"));

        // a change to the signed decision is a new version; the signed one stays as it was
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change this decision (new version)")).click();
        page.waitForURL(WORKSHEET);
        assertThat(page.locator("#save-status")).containsText("Draft, version 2, not signed");
        assertThat(page.locator("#review-list")).containsText("Danger to life or physical safety");
        List<Map<String, Object>> versions = DecisionProbe.assessments(decision, DemoUsers.SUNRISE_PRIVACY, ids[0]);
        assertEquals(2, versions.size());
        assertEquals(true, versions.get(0).get("signed"));
        assertEquals(false, versions.get(1).get("signed"));
        assertEquals(List.of(), pageErrors());
    }

    /** FE-04: records held until an unpaid balance is paid: no exception covers it; the request is then fulfilled. */
    @Test
    void unpaidBalanceIsCoveredByNoExceptionAndTheRequestStatusFollowsTheDecision() {
        String patient = "FE04 " + UUID.randomUUID().toString().substring(0, 6);
        String id = log(DemoUsers.SUNRISE_FRONT_DESK, patient, "patient", Instant.now().minusSeconds(7200).toString(),
                List.of("full_record"), "individual_access", "paper_mail");
        Page page = signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id + "/worksheet", true);
        page.locator("#fulfil-no").check();
        next(page, "If not, can it fulfil part of it, or in another manner?");
        page.locator("#partial-no").check();
        next(page, "What will the clinic do, and on what basis?");
        answer(page, "practice.type", "deny");
        page.locator("#" + inputId("practice.motive") + "-unpaid-balance").check();
        verdict(page, "No exception covers this practice");
        assertThat(page.locator("#conditions-unmet")).containsText("DISQUALIFYING_MOTIVE");
        assertThat(page.locator("#conditions-unmet")).containsText("171.200 / 171.300");
        assertThat(page.locator(".hipaa-status")).hasText("Does not meet the right of access");
        assertFalse(page.content().toLowerCase().contains("information blocking"));
        // a reload keeps the answers (saved as the draft, not in the browser)
        page.reload();
        assertThat(page.locator("#" + inputId("practice.motive") + "-unpaid-balance")).isChecked();
        assertThat(page.locator("#" + inputId("practice.type") + "-deny")).isChecked();
        verdict(page, "No exception covers this practice");
        String stored = (String) page.evaluate("() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])");
        assertFalse(stored.contains(patient) || stored.contains("unpaid_balance") || stored.contains("Reasonable"),
                "no answer and no patient data is kept in the browser: " + stored);

        next(page, "The HIPAA right of access");
        // the back button returns to the previous step
        page.evaluate("() => history.back()");
        assertThat(page.locator("#step-heading")).hasText("What will the clinic do, and on what basis?");
        assertThat(page.locator("#" + inputId("practice.motive") + "-unpaid-balance")).isChecked();
        next(page, "The HIPAA right of access");
        next(page, "Check the answers and go to the decision");
        goToDecisionAndSign(page);
        assertThat(page.locator("#verdict-headline")).hasText("No exception covers this practice");
        assertThat(page.locator("#conditions-unmet")).containsText("DISQUALIFYING_MOTIVE");

        // the request follows: no exception covers the denial, so the clinic fulfils it
        assertThat(page.locator("#decision-status")).hasValue("fulfilled");
        assertThat(page.locator("#decision-manner")).hasValue("paper_mail");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change the request's status")).click();
        assertThat(page.locator("[role=status]")).containsText("The request's status was changed");
        assertThat(page.locator("#request-status-value")).hasText("Fulfilled");
        assertEquals("fulfilled", IntakeProbe.get(intake, DemoUsers.SUNRISE_PRIVACY, id).get("status"));
        assertTrue(IntakeProbe.timeline(intake, DemoUsers.SUNRISE_PRIVACY, id).stream()
                .anyMatch(e -> String.valueOf(e.get("detail")).contains("Decision version 1")));
        assertEquals(List.of(), pageErrors());
    }

    /** HI-06 then IN-01: an outage; the written notice is pending (needs more facts), then sent in time (covered). */
    @Test
    void infeasibilityNeedsTheWrittenNoticeThenIsCoveredWithItsObligationMet() {
        String patient = "IN01 " + UUID.randomUUID().toString().substring(0, 6);
        String id = log(DemoUsers.SUNRISE_FRONT_DESK, patient, "other_provider_treatment", "2026-03-02T15:00:00Z",
                List.of("clinical_note", "lab_result"), "treatment", "direct_ccda");
        Page page = signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id + "/worksheet", true);
        page.locator("#fulfil-no").check();
        next(page, "If not, can it fulfil part of it, or in another manner?");
        page.locator("#partial-no").check();
        next(page, "What will the clinic do, and on what basis?");
        answer(page, "practice.type", "delay");
        page.locator("#" + inputId("practice.claimed_basis")).selectOption("infeasibility");
        page.locator("#" + inputId("practice.motive") + "-downtime").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator("#step-heading")).containsText("Why can the request not be fulfilled?");

        // the analysis is made as of 2026-03-12, as in HI-06
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Correct these facts")).click();
        assertThat(page.locator("#step-heading")).hasText("The request's facts");
        page.locator("#" + inputId("eval.as_of_date")).fill("2026-03-12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator("#step-heading")).containsText("Why can the request not be fulfilled?");
        assertThat(page.locator(".request-facts")).containsText("Mar 12, 2026");

        answer(page, "infeasibility.condition", "uncontrollable_event");
        next(page, "Uncontrollable event");
        answer(page, "infeasibility.event_caused_inability", "yes");
        next(page, "Written reasons within 10 business days");
        answer(page, "infeasibility.written_notice_sent", "unknown");
        verdict(page, "More facts needed");
        assertThat(page.locator("#conditions-open")).containsText("IN-b");
        assertThat(page.locator("#obligations")).containsText("171.204(b)");
        assertThat(page.locator("#obligations time[datetime='2026-03-16']")).hasText("Mon, Mar 16, 2026");
        assertThat(page.locator("#obligations")).containsText("Pending");
        screenshot(page, "worksheet-hi06-needs-more-facts.png");

        // the notice went out on Thursday 2026-03-05, with its reasons: covered
        answer(page, "infeasibility.written_notice_sent", "yes");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.locator("#" + inputId("infeasibility.written_notice_date")).fill("2026-03-05");
        answer(page, "infeasibility.written_notice_states_reasons", "yes");
        next(page, "Check the answers and go to the decision");
        verdict(page, "Covered by an exception");
        assertThat(page.locator(".verdict-exceptions")).containsText("171.204 Infeasibility");
        assertThat(page.locator("#conditions-met")).containsText("IN-a1");
        assertThat(page.locator("#conditions-met")).containsText("IN-b");
        assertThat(page.locator("#obligations time[datetime='2026-03-16']")).isVisible();
        assertThat(page.locator("#obligations")).containsText("Met");

        goToDecisionAndSign(page);
        assertThat(page.locator("#verdict-headline")).hasText("Covered by an exception");
        assertThat(page.locator("#decision-clocks")).isVisible();
        assertEquals(List.of(), pageErrors());
    }

    /** Without JavaScript every step is a plain form: POST, 303, the next step. */
    @Test
    void theWorksheetWorksWithoutJavaScript() {
        String patient = "NoJS " + UUID.randomUUID().toString().substring(0, 6);
        String id = log(DemoUsers.SUNRISE_FRONT_DESK, patient, "patient", Instant.now().minusSeconds(3600).toString(),
                List.of("lab_result"), "individual_access", "portal_view_download");
        Page page = signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id + "/worksheet", false);
        page.locator("#fulfil-no").check();
        next(page, "If not, can it fulfil part of it, or in another manner?");
        assertTrue(page.url().endsWith("?step=partial"), page.url());
        page.locator("#partial-no").check();
        next(page, "What will the clinic do, and on what basis?");
        answer(page, "practice.type", "deny");
        page.locator("#" + inputId("practice.motive") + "-unpaid-balance").check();
        next(page, "The HIPAA right of access");
        verdict(page, "No exception covers this practice");
        assertThat(page.locator("#conditions-unmet")).containsText("DISQUALIFYING_MOTIVE");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Previous step")).click();
        assertThat(page.locator("#" + inputId("practice.motive") + "-unpaid-balance")).isChecked();
        next(page, "The HIPAA right of access");
        next(page, "Check the answers and go to the decision");
        goToDecisionAndSign(page);
        assertEquals(List.of(), pageErrors());
    }

    /** Keyboard only: the steps are reached with Tab, answered with the arrow keys and sent with Enter. */
    @Test
    void theWorksheetIsUsableWithTheKeyboard() {
        String patient = "Keys " + UUID.randomUUID().toString().substring(0, 6);
        String id = log(DemoUsers.SUNRISE_FRONT_DESK, patient, "patient", Instant.now().minusSeconds(3600).toString(),
                List.of("lab_result"), "individual_access", "portal_view_download");
        Page page = signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id + "/worksheet", true);
        page.locator("#fulfil-yes").focus();
        page.keyboard().press("Space");
        assertThat(page.locator("#fulfil-yes")).isChecked();
        page.keyboard().press("Tab");
        assertEquals("Continue", page.evaluate("() => document.activeElement.textContent.trim()"));
        page.keyboard().press("Enter");
        assertThat(page.locator("#step-heading")).hasText("The HIPAA right of access");
        verdict(page, "Covered by an exception");
        assertThat(page.locator(".verdict-exceptions")).containsText("171.301");
        // every input has a label
        assertEquals(0, (int) (Integer) page.evaluate("() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).length"));
        assertEquals(List.of(), pageErrors());
    }

    /** The front desk reads the decision but is offered no signature; another clinic finds nothing. */
    @Test
    void theFrontDeskCannotSignAndAnotherClinicSeesNothing() {
        String patient = "Roles " + UUID.randomUUID().toString().substring(0, 6);
        String id = log(DemoUsers.SUNRISE_FRONT_DESK, patient, "patient", Instant.now().minusSeconds(3600).toString(),
                List.of("lab_result"), "individual_access", "portal_view_download");
        String assessment = DecisionProbe.createSigned(decision, DemoUsers.SUNRISE_PRIVACY, id, Map.of(
                "practice", Map.of("type", "deny", "claimed_basis", "none", "motive", List.of("unpaid_balance")),
                "facts", Map.of("request.requester_type", "patient", "request.purpose", "individual_access")));
        String unsignedRequest = log(DemoUsers.SUNRISE_FRONT_DESK, patient + " b", "patient",
                Instant.now().minusSeconds(3600).toString(), List.of("lab_result"), "individual_access", "paper_mail");
        Page desk = signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/" + id + "/decisions/" + assessment, true);
        assertThat(desk.locator("#verdict-headline")).hasText("No exception covers this practice");
        assertThat(desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign this decision"))).hasCount(0);
        desk.navigate(url("/requests/" + unsignedRequest + "/worksheet"));
        assertThat(desk.locator("#step-form")).hasCount(0);
        assertThat(desk.locator(".note")).containsText("Your role reads worksheets");

        Page other = signIn(WorksheetUsers.LAKESIDE_PRIVACY, "/requests", true);
        other.navigate(url("/requests/" + id + "/decisions/" + assessment));
        assertThat(other.locator("h1")).hasText("Request not found");
        other.navigate(url("/requests/" + id + "/worksheet"));
        assertThat(other.locator("h1")).hasText("Request not found");
        assertEquals(List.of(), pageErrors("404 "));
    }

    // --- letters, the independent review and the matrix: decision-service APIs being built beside this UI ---

    /** PH-01's case in the catalog's vocabulary, as a clinician's worksheet records it. */
    static Map<String, Object> ph01() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("request.requester_type", "patient");
        facts.put("request.purpose", "individual_access");
        facts.put("request.ehi_classes", List.of("clinical_note"));
        facts.put("request.received_date", "2026-03-02");
        facts.put("harm.reasonable_belief", true);
        facts.put("harm.no_broader_than_necessary", true);
        facts.put("harm.risk_type", "individualized_determination");
        facts.put("harm.determiner_is_licensed_hcp", true);
        facts.put("harm.determiner_has_clinician_patient_relationship", true);
        facts.put("harm.harm_type", "life_or_physical_safety");
        facts.put("harm.review_rights_honored", true);
        facts.put("harm.determination_basis", "case_specific_determination");
        facts.put("harm.determination_meets_requirements", true);
        facts.put("hipaa.denial_ground", "a3_life_or_physical_safety");
        facts.put("hipaa.other_info_provided", true);
        return Map.of("practice", Map.of("type", "limit_scope", "claimed_basis", "preventing_harm",
                "motive", List.of("safety_risk")), "facts", facts);
    }

    /**
     * A reviewable denial (PH-01): the clinician records the determination, the privacy officer signs and records the
     * individual's request for review, and another clinician who took no part in it reviews it.
     */
    @Test
    void aReviewableDenialIsReviewedByAnotherClinicianWithItsOwnClock() {
        String patient = "Review " + UUID.randomUUID().toString().substring(0, 6);
        String id = log(DemoUsers.SUNRISE_FRONT_DESK, patient, "patient", Instant.now().minusSeconds(86400).toString(),
                List.of("clinical_note"), "individual_access", "portal_view_download");
        String[] created = DecisionProbe.create(decision, DemoUsers.SUNRISE_PRIVACY, id, ph01());
        String assessment = created[0];
        String etag = DecisionProbe.update(decision, DemoUsers.SUNRISE_CLINICIAN, id, assessment, created[1], ph01());
        DecisionProbe.sign(decision, DemoUsers.SUNRISE_PRIVACY, id, assessment, etag);
        String path = "/requests/" + id + "/decisions/" + assessment;

        Page signer = signIn(DemoUsers.SUNRISE_PRIVACY, path, true);
        assertThat(signer.locator("#verdict-headline")).hasText("Covered by an exception");
        assertThat(signer.locator("#review")).containsText("No review has been requested");
        signer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record that a review was requested")).click();
        assertThat(signer.locator("[role=status]")).containsText("The review was requested");
        assertThat(signer.locator("#review-due")).isVisible();
        assertThat(signer.locator("#decision-clocks")).containsText("Review of denial");
        // the privacy officer does not decide reviews (a clinician does)
        assertThat(signer.locator("#review-form")).hasCount(0);

        // the clinician who recorded the determination does not review it
        Page determiner = signIn(DemoUsers.SUNRISE_CLINICIAN, path, true);
        assertThat(determiner.locator("#review-due")).isVisible();
        assertThat(determiner.locator("#review-form")).hasCount(0);

        Page reviewer = signIn(WorksheetUsers.SUNRISE_CLINICIAN_2, path, true);
        reviewer.locator("#outcome-upheld").check();
        reviewer.locator("#review-reasons").fill("The note still describes the lethal means; release it after the 30-day reassessment.");
        reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the review")).click();
        assertThat(reviewer.locator("[role=status]")).containsText("The review was recorded");
        assertThat(reviewer.locator("#review-outcome")).containsText("Upheld");
        assertThat(reviewer.locator("#review-outcome")).containsText("sunrise-clinician2");
        assertThat(reviewer.locator("#review-form")).hasCount(0);
        assertEquals(List.of(), pageErrors());
    }

    /** The letter from a signed denial: the clinic's settings, every element 164.524(d)(2) requires, PDF, sent. */
    @Test
    void aDenialLetterIsWrittenFromTheSignedDecisionWithEveryRequiredElement() throws Exception {
        Page admin = signIn(WorksheetUsers.SUNRISE_ADMIN, "/settings/letters", true);
        admin.locator("#clinicName").fill("Sunrise Family Medicine");
        admin.locator("#address").fill("12 Harbor Road\nPortland, ME 04101");
        admin.locator("#privacyContactName").fill("Dana Reyes");
        admin.locator("#privacyContactTitle").fill("Privacy Officer");
        admin.locator("#privacyContactPhone").fill("(207) 555-0142");
        admin.locator("#privacyContactEmail").fill("privacy@sunrise.example");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the letter settings")).click();
        assertThat(admin.locator("[role=status]")).containsText("The letter settings were saved");
        assertThat(admin.locator("#privacyContactPhone")).hasValue("(207) 555-0142");
        screenshot(admin, "letter-settings.png");

        String patient = "Letter " + UUID.randomUUID().toString().substring(0, 6);
        String id = log(DemoUsers.SUNRISE_FRONT_DESK, patient, "patient", Instant.now().minusSeconds(86400).toString(),
                List.of("clinical_note"), "individual_access", "paper_mail");
        String assessment = DecisionProbe.createSigned(decision, DemoUsers.SUNRISE_PRIVACY, id, ph01());
        Page page = signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id + "/decisions/" + assessment, true);
        page.locator("#letter-kind").selectOption("denial");
        assertThat(page.locator("#recipientName")).hasValue(patient + " requester");
        page.locator("#recipientAddress").fill("4 Elm Street\nPortland, ME 04102");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate the letter")).click();
        page.waitForURL(Pattern.compile(".*/requests/" + id + "/letters/[0-9a-f-]{36}\\?done=letter"));
        assertThat(page.locator("[role=status]")).containsText("The letter was generated");
        String letter = page.locator("#letter").innerText();
        // 164.524(d)(2): the basis, the review rights, how to complain to the clinic and to HHS, with the contact
        assertTrue(letter.matches("(?is).*(171\\.201|harm).*"), "the basis: " + letter);
        assertTrue(letter.matches("(?is).*review.*"), "the review rights: " + letter);
        assertTrue(letter.matches("(?is).*(Health and Human Services|HHS).*"), "a complaint to HHS: " + letter);
        assertTrue(letter.contains("Dana Reyes") || letter.contains("Privacy Officer"), "the contact's name or title: " + letter);
        assertTrue(letter.contains("(207) 555-0142"), "the contact's phone: " + letter);
        assertTrue(letter.contains("Sunrise Family Medicine"), "the clinic: " + letter);
        assertThat(page.locator("#letter-hash")).hasText(Pattern.compile("^[0-9a-f]{64}$"));
        screenshot(page, "letter-denial.png");

        Download pdf = page.waitForDownload(() -> page.locator("#letter-pdf").click());
        byte[] bytes = Files.readAllBytes(pdf.path());
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));

        page.locator("#channel").selectOption("mail");
        assertThat(page.locator("#sentOn")).hasValue(LocalDate.now(ZoneId.of("America/New_York")).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as sent")).click();
        assertThat(page.locator("[role=status]")).containsText("The letter was marked as sent");
        assertThat(page.locator("#letter-sent")).containsText("Mail");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the decision")).click();
        assertThat(page.locator("#letter-list")).containsText("Denial letter");
        assertThat(page.locator("#letter-list")).containsText("Sent");
        assertEquals(List.of(), pageErrors());
    }

    /** The clinic administrator edits the Denial Reason Matrix; the worksheet starts from one of its rows. */
    @Test
    void theClinicAdminEditsTheMatrixAndTheWorksheetStartsFromARow() {
        Page admin = signIn(WorksheetUsers.SUNRISE_ADMIN, "/settings/denial-reasons", true);
        assertThat(admin.locator("#matrix-form")).isVisible();
        String guidance = "Check the state's minor-consent statute first " + UUID.randomUUID().toString().substring(0, 4);
        admin.locator("#guidance-0").fill(guidance);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the matrix")).click();
        assertThat(admin.locator("[role=status]")).containsText("The Denial Reason Matrix was saved");
        assertThat(admin.locator("#guidance-0")).hasValue(guidance);
        screenshot(admin, "denial-reason-matrix.png");

        Map<String, Object> row = DecisionProbe.matrixRows(decision, DemoUsers.SUNRISE_PRIVACY).stream()
                .filter(r -> r.get("claimedBasis") != null && r.get("practiceType") != null
                        && !"none".equals(r.get("claimedBasis")))
                .findFirst().orElseThrow(() -> new AssertionError("the matrix has a row with a basis to start from"));
        String patient = "Matrix " + UUID.randomUUID().toString().substring(0, 6);
        String id = log(DemoUsers.SUNRISE_FRONT_DESK, patient, "patient", Instant.now().minusSeconds(3600).toString(),
                List.of("clinical_note"), "individual_access", "portal_view_download");
        Page page = signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id + "/worksheet", true);
        page.locator("#fulfil-no").check();
        next(page, "If not, can it fulfil part of it, or in another manner?");
        page.locator("#partial-no").check();
        next(page, "What will the clinic do, and on what basis?");
        page.locator("#matrix-start summary").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this row: " + row.get("situation"))).click();
        assertThat(page.locator("#step-heading")).not().hasText("What will the clinic do, and on what basis?");
        Map<String, Object> saved = DecisionProbe.assessments(decision, DemoUsers.SUNRISE_PRIVACY, id).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> practice = (Map<String, Object>) saved.get("practice");
        assertEquals(row.get("claimedBasis"), practice.get("claimed_basis"));
        assertEquals(row.get("practiceType"), practice.get("type"));

        Page desk = signIn(DemoUsers.SUNRISE_FRONT_DESK, "/settings/denial-reasons", true);
        assertThat(desk.locator("#matrix-table")).containsText(guidance);
        assertThat(desk.locator("#matrix-form")).hasCount(0);
        assertEquals(List.of(), pageErrors());
    }
}
