package org.ehiaccess.ui.worksheet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.ui.testing.CodeFlow;
import org.ehiaccess.ui.testing.DecisionProbe;
import org.ehiaccess.ui.testing.DecisionService;
import org.ehiaccess.ui.testing.DecisionServiceResource;
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeProbe;
import org.ehiaccess.ui.testing.IntakeService;
import org.ehiaccess.ui.testing.IntakeServiceResource;
import org.ehiaccess.ui.testing.WorksheetUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The worksheet, decision, letter and matrix pages over HTTP against the real intake-service and decision-service:
 * every step as a plain form (POST, 303, next step), htmx fragments with {@code Vary}, the verdict updated out of
 * band as answers are given, CSRF on every new form, and who is refused what.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(IntakeServiceResource.class)
@QuarkusTestResource(DecisionServiceResource.class)
class WorksheetPagesTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    static final Pattern HIDDEN = Pattern.compile("name=\"(assessmentId|etag|idempotencyKey)\" value=\"([^\"]*)\"");

    static IntakeService intake;
    static DecisionService decision;

    @OidcWireMock
    WireMockServer oidcServer;

    @BeforeAll
    static void startServices() {
        intake = IntakeService.start();
        decision = DecisionService.start(intake.baseUrl());
    }

    @AfterAll
    static void stopServices() {
        if (decision != null) {
            decision.close();
        }
        if (intake != null) {
            intake.close();
        }
    }

    @BeforeEach
    void demoUsers() {
        WorksheetUsers.register(oidcServer);
    }

    /** A page as a browser holds it: cookies (with the CSRF cookie), the token, the draft's keys, the HTML. */
    record Opened(Map<String, String> cookies, String csrfToken, Map<String, String> hidden, String html) {
    }

    static Opened open(Map<String, String> session, String path) {
        Response page = given().cookies(session).when().get(path);
        assertEquals(200, page.statusCode(), path + ": " + page.asString());
        Map<String, String> cookies = new HashMap<>(session);
        cookies.putAll(page.getCookies());
        String html = page.asString();
        Matcher m = CSRF.matcher(html);
        Map<String, String> hidden = new HashMap<>();
        Matcher h = HIDDEN.matcher(html);
        while (h.find()) {
            hidden.putIfAbsent(h.group(1), h.group(2).replace("&quot;", "\""));
        }
        return new Opened(cookies, m.find() ? m.group(1) : null, hidden, html);
    }

    static String patientRequest(DemoUsers.DemoUser user, String patient) {
        Map<String, Object> body = IntakeProbe.request(patient, patient, Instant.now().minus(Duration.ofHours(2)));
        body.put("mannerRequested", "paper_mail");
        return IntakeProbe.log(intake, user, body);
    }

    /** A step's form, filled from the page it was rendered on. */
    static RequestSpecification step(Opened page, String step) {
        RequestSpecification spec = given().log().ifValidationFails().redirects().follow(false).cookies(page.cookies()).contentType(FORM)
                .formParam("csrf-token", page.csrfToken()).formParam("step", step);
        for (String key : List.of("assessmentId", "etag", "idempotencyKey")) {
            spec = spec.formParam(key, page.hidden().getOrDefault(key, ""));
        }
        return spec;
    }

    @Test
    void unpaidBalanceWalkedAsPlainFormsEndsWithNoExceptionCoveringIt() {
        String id = patientRequest(DemoUsers.SUNRISE_FRONT_DESK, "Forms " + UUID.randomUUID().toString().substring(0, 6));
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id + "/worksheet");
        String base = "/requests/" + id + "/worksheet";

        Opened first = open(session, base);
        assertTrue(first.html().contains("Can the clinic give the requester all of the information asked for"));
        assertTrue(first.html().contains("Nothing saved yet"));
        // (1) no: (2) neither partly nor otherwise
        step(first, "fulfil").formParam("fulfil", "no").formParam("go", "next")
                .when().post(base).then().statusCode(303).header("Location", containsString(base + "?step=partial"));
        Opened partial = open(session, base + "?step=partial");
        step(partial, "partial").formParam("partial", "no").formParam("go", "next")
                .when().post(base).then().statusCode(303).header("Location", containsString(base + "?step=practice"));
        assertTrue(DecisionProbe.assessments(decision, DemoUsers.SUNRISE_PRIVACY, id).isEmpty(),
                "nothing is saved before the worksheet knows what the clinic does");

        // (3) deny, no basis, because of an unpaid balance
        Opened practice = open(session, base + "?step=practice");
        step(practice, "practice")
                .formParam("asked", "practice.type", "practice.claimed_basis", "practice.motive")
                .formParam("practice.type", "deny").formParam("practice.claimed_basis", "none")
                .formParam("practice.motive", "unpaid_balance").formParam("go", "next")
                .when().post(base).then().statusCode(303).header("Location", containsString(base + "?step="));
        List<Map<String, Object>> saved = DecisionProbe.assessments(decision, DemoUsers.SUNRISE_PRIVACY, id);
        assertEquals(1, saved.size(), "the first answer that names the practice starts the draft");
        assertEquals("not_covered", saved.get(0).get("verdict"));
        assertEquals(false, saved.get(0).get("signed"));

        Opened after = open(session, base);
        assertTrue(after.html().contains("No exception covers this practice"), after.html());
        assertTrue(after.html().contains("DISQUALIFYING_MOTIVE"));
        assertFalse(after.html().toLowerCase().contains("information blocking"), "a verdict is never called information blocking");
        assertTrue(after.html().contains("Draft, version 1, not signed"));

        // a reload keeps the answers: they come from the saved draft
        Opened practiceAgain = open(session, base + "?step=practice");
        assertTrue(practiceAgain.html().contains("value=\"unpaid_balance\" checked"), "the motive is still ticked");
        assertTrue(practiceAgain.html().contains("value=\"deny\" checked"));
    }

    @Test
    void htmxGetsTheWorksheetFragmentAndAnAnswerUpdatesTheVerdictOutOfBand() {
        String id = patientRequest(DemoUsers.SUNRISE_FRONT_DESK, "Htmx " + UUID.randomUUID().toString().substring(0, 6));
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id + "/worksheet");
        String base = "/requests/" + id + "/worksheet";
        given().cookies(session).header("HX-Request", "true")
                .when().get(base + "?step=practice")
                .then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .header("Cache-Control", containsString("no-store"))
                .body(startsWith("<div id=\"worksheet\""))
                .body(not(containsString("<html")))
                .body(containsString("id=\"verdict-panel\""));
        given().cookies(session)
                .when().get(base + "?step=practice")
                .then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(startsWith("<!DOCTYPE html>"));

        // an answer as it is given (no "Continue"): saved, and only the verdict and the draft's keys come back
        Opened practice = open(session, base + "?step=practice");
        Response answered = step(practice, "practice").header("HX-Request", "true").header("X-CSRF-Token", practice.csrfToken())
                .formParam("asked", "practice.type", "practice.claimed_basis", "practice.motive")
                .formParam("practice.type", "delay").formParam("practice.claimed_basis", "infeasibility")
                .formParam("practice.motive", "downtime")
                .when().post(base);
        answered.then().statusCode(200)
                .header("HX-Reswap", "none")
                .header("Vary", containsString("HX-Request"))
                .body(containsString("id=\"draft-keys\" hx-swap-oob=\"true\""))
                .body(containsString("id=\"verdict-panel\""))
                .body(containsString("hx-swap-oob=\"true\""))
                .body(containsString("More facts needed"))
                .body(not(containsString("id=\"step-form\"")));
        List<Map<String, Object>> saved = DecisionProbe.assessments(decision, DemoUsers.SUNRISE_PRIVACY, id);
        assertEquals(1, saved.size());
        assertEquals("needs_more_facts", saved.get(0).get("verdict"));

        // "Continue" with htmx: the next step in place, and the address pushed for the back button
        Opened again = open(session, base + "?step=practice");
        step(again, "practice").header("HX-Request", "true").header("X-CSRF-Token", again.csrfToken())
                .formParam("asked", "practice.type", "practice.claimed_basis", "practice.motive")
                .formParam("practice.type", "delay").formParam("practice.claimed_basis", "infeasibility")
                .formParam("practice.motive", "downtime").formParam("go", "next")
                .when().post(base)
                .then().log().ifValidationFails().statusCode(200)
                .header("HX-Push-Url", containsString(base + "?step="))
                .body(startsWith("<div id=\"worksheet\""))
                .body(containsString("Why can the request not be fulfilled?"));

        // a stale draft version is refused, and the person is told
        given().redirects().follow(false).cookies(practice.cookies()).contentType(FORM)
                .formParam("csrf-token", practice.csrfToken()).formParam("step", "practice")
                .formParam("assessmentId", saved.get(0).get("id").toString()).formParam("etag", "\"0\"")
                .formParam("asked", "practice.type").formParam("practice.type", "deny").formParam("go", "next")
                .when().post(base)
                .then().statusCode(409)
                .body(containsString("someone else changed this worksheet"));
    }

    @Test
    void everyNewFormNeedsTheCsrfToken() {
        String id = patientRequest(DemoUsers.SUNRISE_FRONT_DESK, "Csrf " + UUID.randomUUID().toString().substring(0, 6));
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id + "/worksheet");
        Opened page = open(session, "/requests/" + id + "/worksheet");
        Map<String, String> admin = CodeFlow.signIn(WorksheetUsers.SUNRISE_ADMIN, "/settings/denial-reasons");
        Opened settings = open(admin, "/settings/denial-reasons");
        String someId = UUID.randomUUID().toString();
        List<String> paths = List.of("/requests/" + id + "/worksheet", "/requests/" + id + "/worksheet/matrix",
                "/requests/" + id + "/worksheet/new-version", "/requests/" + id + "/decisions/" + someId + "/signature",
                "/requests/" + id + "/decisions/" + someId + "/status", "/requests/" + id + "/decisions/" + someId + "/review-request",
                "/requests/" + id + "/decisions/" + someId + "/letters",
                "/requests/" + id + "/letters/" + someId + "/sent");
        for (String path : paths) {
            given().redirects().follow(false).cookies(page.cookies()).contentType(FORM)
                    .formParam("step", "fulfil").formParam("fulfil", "yes").formParam("go", "next")
                    .when().post(path)
                    .then().statusCode(400);
        }
        // the reviewer's form is a clinician's
        Map<String, String> clinician = CodeFlow.signIn(DemoUsers.SUNRISE_CLINICIAN, "/requests/" + id + "/worksheet");
        Opened clinicianPage = open(clinician, "/requests/" + id + "/worksheet");
        given().redirects().follow(false).cookies(clinicianPage.cookies()).contentType(FORM)
                .formParam("outcome", "upheld").formParam("reasons", "Should not be saved")
                .when().post("/requests/" + id + "/decisions/" + someId + "/review")
                .then().statusCode(400);
        for (String path : List.of("/settings/denial-reasons", "/settings/denial-reasons/reset", "/settings/letters",
                "/settings/letters/templates/denial")) {
            given().redirects().follow(false).cookies(settings.cookies()).contentType(FORM)
                    .formParam("confirm", "yes").formParam("clinicName", "Should not be saved")
                    .when().post(path)
                    .then().statusCode(400);
        }
        assertTrue(DecisionProbe.assessments(decision, DemoUsers.SUNRISE_PRIVACY, id).isEmpty(), "nothing was saved");

        // with the token (as a form field, or as htmx's header), the answer is saved
        step(page, "fulfil").formParam("fulfil", "yes").formParam("go", "next")
                .when().post("/requests/" + id + "/worksheet")
                .then().statusCode(303);
        assertEquals(1, DecisionProbe.assessments(decision, DemoUsers.SUNRISE_PRIVACY, id).size());
    }

    @Test
    void theDecisionPageSaysWhenTheRequestLogIsNotUpdatedYet() {
        String id = patientRequest(DemoUsers.SUNRISE_FRONT_DESK, "Log " + UUID.randomUUID().toString().substring(0, 6));
        Map<String, String> privacy = CodeFlow.signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id + "/worksheet");
        Opened page = open(privacy, "/requests/" + id + "/worksheet");
        step(page, "fulfil").formParam("fulfil", "yes").formParam("go", "next")
                .when().post("/requests/" + id + "/worksheet").then().statusCode(303);
        String assessmentId = DecisionProbe.assessments(decision, DemoUsers.SUNRISE_PRIVACY, id).get(0).get("id").toString();
        String decisionPage = "/requests/" + id + "/decisions/" + assessmentId;
        assertFalse(open(privacy, decisionPage).html().contains("The request log is not updated yet"));

        // signed while intake-service is down: the decision is kept, its note for the request log waits
        intake.close();
        try {
            assertEquals(200, DecisionProbe.signStatus(decision, DemoUsers.SUNRISE_PRIVACY, id, assessmentId));
        } finally {
            intake = IntakeService.start();
        }
        Opened after = open(privacy, decisionPage);
        assertTrue(after.html().contains("The request log is not updated yet: intake-service could not be reached; it"
                + " will be retried automatically."), after.html());
        assertTrue(after.html().contains("id=\"intake-update\""));
    }

    @Test
    void theFrontDeskReadsButCannotSignAndAnotherClinicFindsNothing() {
        String id = patientRequest(DemoUsers.SUNRISE_FRONT_DESK, "Access " + UUID.randomUUID().toString().substring(0, 6));
        Map<String, String> privacy = CodeFlow.signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id + "/worksheet");
        Opened page = open(privacy, "/requests/" + id + "/worksheet");
        step(page, "fulfil").formParam("fulfil", "yes").formParam("go", "next")
                .when().post("/requests/" + id + "/worksheet").then().statusCode(303);
        String assessmentId = DecisionProbe.assessments(decision, DemoUsers.SUNRISE_PRIVACY, id).get(0).get("id").toString();
        String decisionPage = "/requests/" + id + "/decisions/" + assessmentId;
        Opened asPrivacy = open(privacy, decisionPage);
        assertTrue(asPrivacy.html().contains("Sign this decision"), "a privacy officer is offered the signature");

        Map<String, String> desk = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, decisionPage);
        Opened asDesk = open(desk, decisionPage);
        assertFalse(asDesk.html().contains("Sign this decision"), "the front desk is not offered the signature");
        assertTrue(asDesk.html().contains("A privacy officer or a clinician signs"));
        given().redirects().follow(false).cookies(asDesk.cookies()).contentType(FORM)
                .formParam("csrf-token", asDesk.csrfToken()).formParam("confirm", "yes")
                .when().post(decisionPage + "/signature")
                .then().statusCode(403);
        assertEquals(403, DecisionProbe.signStatus(decision, DemoUsers.SUNRISE_FRONT_DESK, id, assessmentId),
                "decision-service refuses the front desk's signature too");
        Opened deskWorksheet = open(desk, "/requests/" + id + "/worksheet");
        assertTrue(deskWorksheet.html().contains("Your role reads worksheets"));
        assertFalse(deskWorksheet.html().contains("id=\"step-form\""));
        given().redirects().follow(false).cookies(deskWorksheet.cookies()).contentType(FORM)
                .formParam("csrf-token", deskWorksheet.csrfToken()).formParam("step", "fulfil").formParam("fulfil", "no")
                .when().post("/requests/" + id + "/worksheet")
                .then().statusCode(403);

        // another clinic: the same "not found" as a mistyped address, for the worksheet and the decision alike
        Map<String, String> other = CodeFlow.signIn(WorksheetUsers.LAKESIDE_PRIVACY, "/requests");
        given().cookies(other).when().get("/requests/" + id + "/worksheet")
                .then().statusCode(404).body(containsString("Request not found"));
        given().cookies(other).when().get(decisionPage)
                .then().statusCode(404).body(not(containsString(assessmentId)));
        given().cookies(other).when().get("/requests/" + UUID.randomUUID() + "/worksheet")
                .then().statusCode(404).body(containsString("Request not found"));
    }

    // --- what follows from a decision: decision-service decides it, the page shows it ---

    /** PH-01 (a licensed clinician's determination, a 164.524(a)(3) ground), as {@code type}. */
    static Map<String, Object> harmCase(String type) {
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("request.requester_type", "patient");
        facts.put("request.purpose", "individual_access");
        facts.put("request.ehi_classes", List.of("clinical_note"));
        facts.put("request.received_date", "2026-03-02");
        facts.put("harm.reasonable_belief", true);
        facts.put("harm.no_broader_than_necessary", true);
        facts.put("harm.risk_type", "individualized_determination");
        facts.put("harm.determiner_is_licensed_hcp", true);
        facts.put("harm.determiner_has_clinician_patient_relationship", true);
        facts.put("harm.access_context", "patient_own_access");
        facts.put("harm.harm_type", "life_or_physical_safety");
        facts.put("harm.review_rights_honored", true);
        facts.put("harm.determination_basis", "case_specific_determination");
        facts.put("harm.determination_meets_requirements", true);
        facts.put("hipaa.denial_ground", "a3_life_or_physical_safety");
        facts.put("hipaa.other_info_provided", true);
        return Map.of("practice", Map.of("type", type, "claimed_basis", "preventing_harm", "motive", List.of("safety_risk")),
                "facts", facts);
    }

    static List<String> letterOptions(String html) {
        Matcher select = Pattern.compile("(?s)<select id=\"letter-kind\" name=\"kind\">(.*?)</select>").matcher(html);
        if (!select.find()) {
            return List.of();
        }
        Matcher option = Pattern.compile("<option value=\"([a-z_]+)\"").matcher(select.group(1));
        List<String> values = new java.util.ArrayList<>();
        while (option.find()) {
            values.add(option.group(1));
        }
        return values;
    }

    /**
     * A denial no exception covers, with an (a)(3) ground recorded: the old page called it reviewable (the ground alone)
     * and offered a denial letter. decision-service says it is no reviewable denial and offers no denial; the page
     * shows that.
     */
    @Test
    void aDenialNoExceptionCoversShowsNoReviewAndNoDenialLetterBecauseDecisionServiceSaysSo() {
        String id = patientRequest(DemoUsers.SUNRISE_FRONT_DESK, "Unpaid " + UUID.randomUUID().toString().substring(0, 6));
        Map<String, Object> body = Map.of("practice", Map.of("type", "deny", "claimed_basis", "none", "motive",
                List.of("unpaid_balance")), "facts", Map.of("request.requester_type", "patient", "request.purpose",
                        "individual_access", "hipaa.denial_ground", "a3_life_or_physical_safety"));
        String assessment = DecisionProbe.createSigned(decision, DemoUsers.SUNRISE_PRIVACY, id, body);
        Map<String, Object> guidance = DecisionProbe.guidance(decision, DemoUsers.SUNRISE_PRIVACY, id, assessment);
        assertEquals("not_covered", guidance.get("verdict"));
        assertEquals(false, guidance.get("reviewable"));

        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_PRIVACY, "/requests/" + id);
        Opened page = open(session, "/requests/" + id + "/decisions/" + assessment);
        assertFalse(page.html().contains("id=\"review\""), "no review panel for a decision that is no reviewable denial");
        assertFalse(page.html().contains("Record that a review was requested"));
        List<String> offered = letterOptions(page.html());
        assertFalse(offered.isEmpty(), page.html());
        assertFalse(offered.contains("denial"), "no denial letter: " + offered);
        assertFalse(offered.contains("partial_fulfilment"), "no partial-fulfillment letter: " + offered);
        assertTrue(page.html().contains("<option value=\"fulfilled\" selected>"), "the suggested status is to fulfill");
        assertTrue(page.html().contains("id=\"letters-not-offered\""));
        assertTrue(page.html().contains("no exception covers this practice"), "why a denial is not offered");

        // a denial posted anyway is refused in the page with decision-service's reason, and nothing is generated
        given().redirects().follow(false).cookies(page.cookies()).contentType(FORM)
                .formParam("csrf-token", page.csrfToken()).formParam("kind", "denial")
                .formParam("recipientName", "Pat Example").formParam("recipientAddress", "1 Main St")
                .formParam("idempotencyKey", UUID.randomUUID().toString())
                .when().post("/requests/" + id + "/decisions/" + assessment + "/letters")
                .then().statusCode(422).body(containsString("no exception covers this practice"))
                .body(containsString("value=\"Pat Example\""));
    }

    /**
     * A clinician who took part in the decision (its determination; she did not sign it) is not offered the review form, and is told who may
     * review and why not; another clinician is offered it, and what they type is kept when it is refused. After a
     * reversal the suggested status follows the reversal and the (d)(4) notice is the suggested letter.
     */
    @Test
    void theReviewFormIsOfferedOnlyToAnEligibleReviewerAndAReversalLeadsTheSuggestions() {
        String id = patientRequest(DemoUsers.SUNRISE_FRONT_DESK, "Reviewed " + UUID.randomUUID().toString().substring(0, 6));
        // the privacy officer records it; the clinician made the determination it rests on (171.201(c)(1))
        Map<String, Object> body = new java.util.LinkedHashMap<>(harmCase("limit_scope"));
        body.put("determined_by", DemoUsers.SUNRISE_CLINICIAN.username());
        String[] created = DecisionProbe.create(decision, DemoUsers.SUNRISE_PRIVACY, id, body);
        String assessment = created[0];
        DecisionProbe.sign(decision, DemoUsers.SUNRISE_PRIVACY, id, assessment, created[1]);
        DecisionProbe.requestReview(decision, DemoUsers.SUNRISE_FRONT_DESK, id, assessment);
        String path = "/requests/" + id + "/decisions/" + assessment;

        // the determiner: a clinician who did not sign; the old page offered her the form
        Opened author = open(CodeFlow.signIn(DemoUsers.SUNRISE_CLINICIAN, path), path);
        assertTrue(author.html().contains("id=\"review\""), "a reviewable denial has its review panel");
        assertFalse(author.html().contains("id=\"review-form\""), "the author is not offered the review form");
        assertTrue(author.html().contains("Who may review: A licensed health care professional"), author.html());
        assertTrue(author.html().contains("You took part in this decision"), author.html());

        Map<String, String> reviewerSession = CodeFlow.signIn(WorksheetUsers.SUNRISE_CLINICIAN_2, path);
        Opened reviewer = open(reviewerSession, path);
        assertTrue(reviewer.html().contains("id=\"review-form\""), "an uninvolved clinician is offered the form");
        // a clinician does not change the request's status (the permission table): no status form for her
        assertFalse(reviewer.html().contains("id=\"decision-status\""), "the status form is not a clinician's");
        Opened before = open(CodeFlow.signIn(DemoUsers.SUNRISE_PRIVACY, path), path);
        assertTrue(before.html().contains("<option value=\"partially_fulfilled\" selected>"),
                "before the review, a limited scope suggests partial fulfillment");
        // refused (no outcome chosen): the reasons typed are kept
        String typed = "The danger has passed; the patient is stable " + UUID.randomUUID().toString().substring(0, 4);
        given().redirects().follow(false).cookies(reviewer.cookies()).contentType(FORM)
                .formParam("csrf-token", reviewer.csrfToken()).formParam("reasons", typed)
                .when().post(path + "/review")
                .then().statusCode(422).body(containsString("Choose whether the denial is upheld or reversed"))
                .body(containsString(">" + typed + "</textarea>"));

        DecisionProbe.review(decision, WorksheetUsers.SUNRISE_CLINICIAN_2, id, assessment, "reversed", typed);
        Opened after = open(CodeFlow.signIn(DemoUsers.SUNRISE_PRIVACY, path), path);
        assertTrue(after.html().contains("<option value=\"fulfilled\" selected>"),
                "after a reversal the suggested status follows it, not partial fulfillment");
        assertFalse(after.html().contains("<option value=\"partially_fulfilled\" selected>"));
        assertTrue(after.html().contains("<option value=\"review_outcome\" selected>"),
                "the 164.524(d)(4) notice of the review's outcome is the suggested letter");
        List<String> offered = letterOptions(after.html());
        assertFalse(offered.contains("partial_fulfilment"), "nothing is withheld after a reversal: " + offered);
        assertFalse(offered.contains("denial"), offered.toString());
    }
}
