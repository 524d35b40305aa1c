package org.ehiaccess.ui.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeProbe;
import org.ehiaccess.ui.testing.IntakeService;
import org.ehiaccess.ui.testing.IntakeServiceResource;
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

/**
 * The request log's filters, the request page's actions, complaints, settings and alerts over HTTP,
 * against the real intake-service: htmx fragments and {@code Vary}, CSRF on every new form, and what
 * each role is shown and refused.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(IntakeServiceResource.class)
class WorkflowPagesTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    static IntakeService intake;

    @OidcWireMock
    WireMockServer oidcServer;

    @BeforeAll
    static void startIntakeService() {
        intake = IntakeService.start();
    }

    @AfterAll
    static void stopIntakeService() {
        if (intake != null) {
            intake.close();
        }
    }

    @BeforeEach
    void demoUsers() {
        DemoUsers.register(oidcServer);
    }

    /** A page and its CSRF cookie and token, as a browser has them after opening it. */
    record Opened(Map<String, String> cookies, String csrfToken, String html) {
    }

    static Opened open(Map<String, String> session, String path) {
        Response page = given().cookies(session).when().get(path);
        assertEquals(200, page.statusCode(), path);
        Map<String, String> cookies = new HashMap<>(session);
        cookies.putAll(page.getCookies());
        Matcher m = CSRF.matcher(page.asString());
        return new Opened(cookies, m.find() ? m.group(1) : null, page.asString());
    }

    static String patientRequest(DemoUsers.DemoUser user, String patient) {
        return IntakeProbe.log(intake, user, IntakeProbe.request(patient, patient, Instant.now().minus(Duration.ofHours(1))));
    }

    @Test
    void theFilteredLogAnswersHtmxWithItsListAndBrowsersWithTheWholePage() {
        String token = "Frag" + UUID.randomUUID().toString().substring(0, 6);
        patientRequest(DemoUsers.SUNRISE_FRONT_DESK, token + " One");
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests");
        given().cookies(session).header("HX-Request", "true")
                .when().get("/requests?q=" + token + "&channel=fax&status=received&sort=due")
                .then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .header("Cache-Control", containsString("no-store"))
                .body(startsWith("<section id=\"request-log\""))
                .body(not(containsString("<form id=\"log-filters\"")))
                .body(containsString(token + " One"))
                .body(containsString("href=\"/requests/export.csv?status=received&amp;channel=fax&amp;q=" + token + "&amp;sort=due\""));
        given().cookies(session)
                .when().get("/requests?q=" + token + "&channel=fax&status=received&sort=due")
                .then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(startsWith("<!DOCTYPE html>"))
                .body(containsString("<form id=\"log-filters\""))
                .body(containsString("<option value=\"fax\" selected>"))
                .body(containsString("id=\"status-received\" name=\"status\" value=\"received\" checked"))
                .body(containsString("value=\"" + token + "\""))
                .body(containsString(token + " One"));
        // a filter that cannot be used is named, and nothing else is shown
        given().cookies(session)
                .when().get("/requests?receivedFrom=2026-02-30")
                .then().statusCode(200)
                .body(containsString("These filters cannot be used"))
                .body(containsString("Received from: enter a date"));
        given().cookies(session)
                .when().get("/requests?receivedFrom=2026-03-05&receivedTo=2026-03-01")
                .then().statusCode(200)
                .body(containsString("These filters cannot be used"))
                .body(containsString("Received to must be on or after received from"));
        // the CSV comes through the UI
        given().cookies(session)
                .when().get("/requests/export.csv?q=" + token)
                .then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .body(containsString(token + " One"));
    }

    @Test
    void everyNewFormRefusesAPostWithoutItsCsrfToken() {
        String id = patientRequest(DemoUsers.SUNRISE_FRONT_DESK, "Csrf " + UUID.randomUUID());
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_SUPERVISOR, "/requests");
        Opened page = open(session, "/requests/" + id);
        Map<String, String> admin = CodeFlow.signIn(DemoUsers.HILLSIDE_ADMIN, "/settings");
        Opened settings = open(admin, "/settings");
        String alertId = UUID.randomUUID().toString();
        List<String> paths = List.of("/requests/" + id + "/status", "/requests/" + id + "/verification",
                "/requests/" + id + "/assignment", "/requests/" + id + "/notes", "/requests/" + id + "/extension",
                "/requests/" + id + "/edit", "/requests/" + id + "/duplicates/" + UUID.randomUUID(), "/complaints",
                "/alerts/" + alertId + "/read", "/alerts/mail");
        for (String path : paths) {
            given().redirects().follow(false).cookies(page.cookies()).contentType(FORM)
                    .formParam("version", "0").formParam("text", "Should not be saved")
                    .when().post(path)
                    .then().statusCode(400);
        }
        given().redirects().follow(false).cookies(settings.cookies()).contentType(FORM)
                .formParam("version", "0").formParam("timeZone", "America/Chicago")
                .when().post("/settings")
                .then().statusCode(400);
        assertTrue(IntakeProbe.timeline(intake, DemoUsers.SUNRISE_SUPERVISOR, id).stream()
                .noneMatch(e -> "note".equals(e.get("kind"))), "nothing was saved");

        // with the token, the note is added
        given().redirects().follow(false).cookies(page.cookies()).contentType(FORM)
                .formParam("csrf-token", page.csrfToken()).formParam("text", "Called the requester")
                .when().post("/requests/" + id + "/notes")
                .then().statusCode(303)
                .header("Location", containsString("/requests/" + id + "?done=note"));
        assertTrue(IntakeProbe.timeline(intake, DemoUsers.SUNRISE_SUPERVISOR, id).stream()
                .anyMatch(e -> "Called the requester".equals(e.get("detail"))));
    }

    @Test
    void aRefusedActionComesBackAsTheRequestFragmentForHtmxAndAStaleOneAs409() {
        String id = patientRequest(DemoUsers.SUNRISE_FRONT_DESK, "Fragment " + UUID.randomUUID());
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests");
        Opened page = open(session, "/requests/" + id);
        Matcher rendered = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page.html());
        assertTrue(rendered.find(), "every action form carries the version it was rendered with");
        String version = rendered.group(1);
        given().redirects().follow(false).cookies(page.cookies()).contentType(FORM)
                .header("HX-Request", "true").header("X-CSRF-Token", page.csrfToken())
                .formParam("version", version).formParam("status", "fulfilled")
                .when().post("/requests/" + id + "/status")
                .then().statusCode(422)
                .header("Vary", containsString("HX-Request"))
                .body(startsWith("<div id=\"request-content\">"))
                .body(containsString("id=\"mannerUsed-error\""))
                .body(containsString("Choose how the request was fulfilled"))
                .body(containsString("<option value=\"fulfilled\" selected>"));

        IntakeProbe.assign(intake, DemoUsers.SUNRISE_SUPERVISOR, id, "sunrise-privacy");
        given().redirects().follow(false).cookies(page.cookies()).contentType(FORM)
                .formParam("csrf-token", page.csrfToken())
                .formParam("version", version).formParam("status", "waiting_on_requester")
                .formParam("waitingFor", "A copy of the power of attorney")
                .when().post("/requests/" + id + "/status")
                .then().statusCode(409)
                .body(startsWith("<!DOCTYPE html>"))
                .body(containsString("changed by someone else"))
                .body(containsString("value=\"A copy of the power of attorney\""))
                .body(containsString("sunrise-privacy"));
        assertEquals("received", IntakeProbe.get(intake, DemoUsers.SUNRISE_FRONT_DESK, id).get("status"));
    }

    @Test
    void eachRoleIsShownOnlyWhatItMayDo() {
        String id = patientRequest(DemoUsers.SUNRISE_FRONT_DESK, "Roles " + UUID.randomUUID());

        Map<String, String> compliance = CodeFlow.signIn(DemoUsers.SUNRISE_COMPLIANCE, "/requests");
        given().cookies(compliance).when().get("/requests/" + id)
                .then().statusCode(200)
                .body(containsString("Your role reviews requests; it does not change them."))
                .body(not(containsString("Change status")))
                .body(not(containsString("Edit details")));
        given().cookies(compliance).redirects().follow(false).when().get("/requests/" + id + "/edit").then().statusCode(403);

        Map<String, String> desk = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests");
        given().cookies(desk).when().get("/requests/" + id)
                .then().statusCode(200)
                .body(containsString("Change status"))
                .body(containsString("Record verification"))
                .body(not(containsString("Extend the HIPAA deadline")))
                .body(not(containsString("href=\"/alerts\"")))
                .body(containsString("href=\"/complaints\""))
                .body(containsString("href=\"/settings\""));
        given().cookies(desk).when().get("/alerts").then().statusCode(403);
        given().cookies(desk).when().get("/settings")
                .then().statusCode(200)
                .body(containsString("Only the clinic administrator changes these settings."))
                .body(not(containsString("id=\"settings-form\"")))
                .body(not(containsString("Audit trail")));
        Opened deskPage = open(desk, "/requests/" + id);
        given().redirects().follow(false).cookies(deskPage.cookies()).contentType(FORM)
                .formParam("csrf-token", deskPage.csrfToken()).formParam("version", "0")
                .formParam("timeZone", "America/Chicago")
                .when().post("/settings")
                .then().statusCode(403)
                .body(containsString("This page is not open to your role"));
        given().redirects().follow(false).cookies(deskPage.cookies()).contentType(FORM)
                .formParam("csrf-token", deskPage.csrfToken()).formParam("version", "0")
                .formParam("noticeSentOn", "2026-01-01").formParam("reasons", "x").formParam("expectedActionDate", "2026-01-02")
                .when().post("/requests/" + id + "/extension")
                .then().statusCode(403);

        Map<String, String> supervisor = CodeFlow.signIn(DemoUsers.SUNRISE_SUPERVISOR, "/requests");
        given().cookies(supervisor).when().get("/requests/" + id)
                .then().statusCode(200)
                .body(containsString("Extend the HIPAA deadline"))
                .body(containsString("href=\"/alerts\""))
                .body(containsString("hx-get=\"/alerts/unread-count\" hx-trigger=\"load, every 30s, alerts-changed from:body\""));
        given().cookies(supervisor).header("HX-Request", "true").when().get("/alerts/unread-count")
                .then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(not(containsString("<html")));

        Map<String, String> clinician = CodeFlow.signIn(DemoUsers.SUNRISE_CLINICIAN, "/requests");
        given().cookies(clinician).when().get("/requests/" + id)
                .then().statusCode(200)
                .body(not(containsString("href=\"/complaints\"")))
                .body(not(containsString("Log a complaint about this request")))
                .body(not(containsString("Extend the HIPAA deadline")));
        given().cookies(clinician).when().get("/complaints").then().statusCode(403);
    }

    @Test
    void complaintsAreLoggedOnceAndTheFrontDeskMayNotUpdateThem() {
        Map<String, String> desk = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/complaints");
        Opened form = open(desk, "/complaints/new");
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(form.html());
        assertTrue(key.find());
        String allegation = "No answer for 40 days " + UUID.randomUUID();
        Map<String, Object> fields = new HashMap<>(Map.of("csrf-token", form.csrfToken(), "idempotencyKey", key.group(1),
                "receivedOn", "2026-02-03", "source", "patient", "allegation", allegation, "requestIds", "not-an-id"));
        given().redirects().follow(false).cookies(form.cookies()).contentType(FORM).formParams(fields)
                .when().post("/complaints")
                .then().statusCode(422)
                .body(containsString("id=\"requestIds-error\""))
                .body(containsString("is not a request id"))
                .body(containsString(allegation));
        fields.put("requestIds", "");
        String first = given().redirects().follow(false).cookies(form.cookies()).contentType(FORM).formParams(fields)
                .when().post("/complaints").then().statusCode(303).extract().header("Location");
        String second = given().redirects().follow(false).cookies(form.cookies()).contentType(FORM).formParams(fields)
                .when().post("/complaints").then().statusCode(303).extract().header("Location");
        assertEquals(first, second, "the same form sent twice logs one complaint");
        String path = first.substring(first.indexOf("/complaints/")).replaceAll("\\?.*", "");

        Opened complaint = open(desk, path);
        assertTrue(complaint.html().contains(allegation));
        assertTrue(!complaint.html().contains("id=\"complaint-update\""));
        given().redirects().follow(false).cookies(form.cookies()).contentType(FORM)
                .formParams(Map.of("csrf-token", form.csrfToken(), "version", "0", "receivedOn", "2026-02-03",
                        "source", "patient", "allegation", allegation, "status", "withdrawn"))
                .when().post(path)
                .then().statusCode(403);
        given().cookies(desk).header("HX-Request", "true").when().get("/complaints?status=open")
                .then().statusCode(200)
                .body(startsWith("<section id=\"complaint-list\""))
                .body(containsString(allegation));
    }
}
