package org.ehiaccess.ui.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import io.restassured.specification.RequestSpecification;

/**
 * The request pages over HTTP, against the real intake-service: CSRF, htmx fragments, inline
 * messages for bad input, idempotent double submits, and clinic isolation.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(IntakeServiceResource.class)
class RequestPagesTest {

    static final String FORM = "application/x-www-form-urlencoded";

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

    /** A complete, valid form for {@code patientName}. */
    static Map<String, Object> validForm(String patientName) {
        Map<String, Object> form = new HashMap<>();
        form.put("receivedAt", "2026-01-12T09:15");
        form.put("channel", "fax");
        form.put("requesterType", "patient");
        form.put("requesterName", patientName);
        form.put("patientName", patientName);
        form.put("patientBirthDate", "1979-08-30");
        form.put("purpose", "individual_access");
        form.put("ehiClasses", List.of("lab_result", "clinical_note"));
        form.put("mannerRequested", "portal_view_download");
        return form;
    }

    static RequestSpecification post(CodeFlow.FormPage page, Map<String, Object> fields) {
        RequestSpecification request = given().redirects().follow(false).cookies(page.cookies()).contentType(FORM);
        fields.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                request.formParam(name, list.toArray());
            } else {
                request.formParam(name, value);
            }
        });
        return request;
    }

    @Test
    void formPostWithoutTheCsrfTokenIsRefusedAndSavesNothing() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new");
        CodeFlow.FormPage page = CodeFlow.openForm(session);
        String patient = "Csrf Probe " + UUID.randomUUID();
        Map<String, Object> fields = validForm(patient);
        fields.put("idempotencyKey", page.idempotencyKey());

        // no token in the form
        post(page, fields).when().post("/requests").then().statusCode(400);
        // a token that is not the cookie's
        Map<String, Object> forged = new HashMap<>(fields);
        forged.put("csrf-token", "forged" + page.csrfToken().substring(6));
        post(page, forged).when().post("/requests").then().statusCode(400);
        // the token without its cookie (another browser's token)
        Map<String, Object> withToken = new HashMap<>(fields);
        withToken.put("csrf-token", page.csrfToken());
        given().redirects().follow(false).cookies(session).contentType(FORM)
                .formParams(Map.of("csrf-token", page.csrfToken(), "patientName", patient))
                .when().post("/requests").then().statusCode(400);
        assertEquals(0, IntakeProbe.countFor(intake, DemoUsers.SUNRISE_FRONT_DESK, patient));

        // the same form with its token is accepted
        post(page, withToken).when().post("/requests")
                .then().statusCode(303)
                .header("Location", matchesPattern(".*/requests/[0-9a-f-]{36}\\?logged=true"));
        assertEquals(1, IntakeProbe.countFor(intake, DemoUsers.SUNRISE_FRONT_DESK, patient));
    }

    @Test
    void htmxGetsTheLogFragmentAndBrowsersTheWholePage() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests");
        given().cookies(session).header("HX-Request", "true")
                .when().get("/requests")
                .then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .header("Cache-Control", containsString("no-store"))
                .body(startsWith("<section id=\"request-log\""))
                .body(not(containsString("<html")))
                .body(not(containsString("<h1>")));
        given().cookies(session)
                .when().get("/requests")
                .then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(startsWith("<!DOCTYPE html>"))
                .body(containsString("<h1>Request log</h1>"))
                .body(containsString("<section id=\"request-log\""));
        // htmx restoring history wants the whole page
        given().cookies(session).header("HX-Request", "true").header("HX-History-Restore-Request", "true")
                .when().get("/requests")
                .then().statusCode(200)
                .body(startsWith("<!DOCTYPE html>"));
    }

    @Test
    void badInputComesBackWithInlineMessagesKeepsWhatWasTypedAndSavesNothing() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new");
        CodeFlow.FormPage page = CodeFlow.openForm(session);
        String patient = "Bad Input " + UUID.randomUUID();
        Map<String, Object> fields = validForm(patient);
        fields.put("csrf-token", page.csrfToken());
        fields.put("idempotencyKey", page.idempotencyKey());
        fields.put("requesterName", "   ");
        // in the future, yet within the bounds strict input puts on every date (beyond them, only that is reported)
        String nextYear = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1).toString();
        fields.put("patientBirthDate", nextYear);
        fields.remove("ehiClasses");

        post(page, fields).when().post("/requests")
                .then().log().ifValidationFails().statusCode(422)
                .body(startsWith("<!DOCTYPE html>"))
                .body(containsString("The request was not logged"))
                .body(containsString("id=\"requesterName-error\""))
                .body(containsString("Enter the requester&#39;s name"))
                .body(containsString("id=\"patientBirthDate-error\""))
                .body(containsString("Patient&#39;s date of birth must not be in the future"))
                .body(containsString("id=\"ehiClasses-error\""))
                .body(containsString("Choose at least one kind of information"))
                // what was typed stays
                .body(containsString("value=\"" + patient + "\""))
                .body(containsString("value=\"" + nextYear + "\""))
                .body(containsString("<option value=\"fax\" selected>"))
                // the same key: nothing was saved with it
                .body(containsString("name=\"idempotencyKey\" value=\"" + page.idempotencyKey() + "\""));
        assertEquals(0, IntakeProbe.countFor(intake, DemoUsers.SUNRISE_FRONT_DESK, patient));
    }

    @Test
    void htmxPostGetsTheFormFragmentOnBadInputAndARedirectOnSuccess() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new");
        CodeFlow.FormPage page = CodeFlow.openForm(session);
        String patient = "Htmx Post " + UUID.randomUUID();
        Map<String, Object> fields = validForm(patient);
        fields.put("idempotencyKey", page.idempotencyKey());
        fields.put("patientBirthDate", "1850-01-01");

        // htmx sends the token as the configured header (hx-headers on <body>)
        post(page, fields).header("HX-Request", "true").header("X-CSRF-Token", page.csrfToken())
                .when().post("/requests")
                .then().statusCode(422)
                .header("Vary", containsString("HX-Request"))
                .body(startsWith("<form id=\"request-form\""))
                .body(not(containsString("<html")))
                .body(containsString("id=\"patientBirthDate-error\""))
                .body(containsString("Patient&#39;s date of birth must be between 1900-01-01 and "));
        assertEquals(0, IntakeProbe.countFor(intake, DemoUsers.SUNRISE_FRONT_DESK, patient));

        fields.put("patientBirthDate", "1950-01-01");
        post(page, fields).header("HX-Request", "true").header("X-CSRF-Token", page.csrfToken())
                .when().post("/requests")
                .then().statusCode(204)
                .header("HX-Redirect", matchesPattern("/requests/[0-9a-f-]{36}\\?logged=true"));
        assertEquals(1, IntakeProbe.countFor(intake, DemoUsers.SUNRISE_FRONT_DESK, patient));
    }

    @Test
    void sendingTheSameFormTwiceLogsOneRequest() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new");
        CodeFlow.FormPage page = CodeFlow.openForm(session);
        String patient = "Double Submit " + UUID.randomUUID();
        Map<String, Object> fields = validForm(patient);
        fields.put("csrf-token", page.csrfToken());
        fields.put("idempotencyKey", page.idempotencyKey());

        String first = post(page, fields).when().post("/requests").then().statusCode(303).extract().header("Location");
        String second = post(page, fields).when().post("/requests").then().statusCode(303).extract().header("Location");
        assertEquals(first, second, "the second sending shows the request the first one logged");
        assertEquals(1, IntakeProbe.countFor(intake, DemoUsers.SUNRISE_FRONT_DESK, patient));
    }

    @Test
    void oneRequestShowsItsFieldsInClinicTimeAndOnlyToItsClinic() {
        Map<String, String> sunrise = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new");
        CodeFlow.FormPage page = CodeFlow.openForm(sunrise);
        String patient = "Detail Page " + UUID.randomUUID();
        Map<String, Object> fields = validForm(patient);
        fields.put("csrf-token", page.csrfToken());
        fields.put("idempotencyKey", page.idempotencyKey());
        fields.put("receivedAt", "2026-07-04T16:45"); // summer: Eastern Daylight Time
        String location = post(page, fields).when().post("/requests").then().statusCode(303).extract().header("Location");
        String path = location.substring(location.indexOf("/requests/"));

        given().cookies(sunrise).when().get(path)
                .then().statusCode(200)
                .body(containsString("The request was logged."))
                .body(containsString("Jul 4, 2026, 4:45 PM EDT"))
                .body(containsString("Fax"))
                .body(containsString("Lab results"))
                .body(containsString("Clinical notes"))
                .body(containsString("Patient&#39;s own access (right of access)"))
                .body(containsString("Portal: view and download"))
                .body(containsString("Aug 30, 1979"))
                .body(containsString("by sunrise-frontdesk"));
        // stored in UTC by the API
        Map<String, Object> saved = IntakeProbe.requests(intake, DemoUsers.SUNRISE_FRONT_DESK).stream()
                .filter(r -> patient.equals(r.get("patientName"))).findFirst().orElseThrow();
        assertEquals("2026-07-04T20:45:00Z", saved.get("receivedAt"));

        Map<String, String> lakeside = CodeFlow.signIn(DemoUsers.LAKESIDE_FRONT_DESK, "/requests");
        String id = path.substring("/requests/".length(), path.indexOf('?'));
        given().cookies(lakeside).when().get("/requests/" + id)
                .then().statusCode(404)
                .body(containsString("Request not found"))
                .body(not(containsString(patient)));
        given().cookies(lakeside).when().get("/requests")
                .then().statusCode(200)
                .body(containsString("Lakeside Pediatrics"))
                .body(not(containsString(patient)));
    }

    @Test
    void unknownOrMalformedRequestAddressesShowNotFound() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests");
        given().cookies(session).when().get("/requests/" + UUID.randomUUID())
                .then().statusCode(404)
                .body(containsString("Request not found"));
        given().cookies(session).when().get("/requests/not-a-request")
                .then().statusCode(404)
                .body(containsString("Request not found"));
    }

    @Test
    void theLogListsTheClinicsRequestsWithHumanLabels() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new");
        CodeFlow.FormPage page = CodeFlow.openForm(session);
        String patient = "Log Row " + UUID.randomUUID();
        Map<String, Object> fields = validForm(patient);
        fields.put("csrf-token", page.csrfToken());
        fields.put("idempotencyKey", page.idempotencyKey());
        fields.put("requesterType", "other_provider_treatment");
        fields.put("requesterName", "Lakeview Cardiology");
        post(page, fields).when().post("/requests").then().statusCode(303);

        given().cookies(session).when().get("/requests")
                .then().statusCode(200)
                .body(containsString(patient))
                .body(containsString("Other provider (treatment)"))
                .body(containsString("Jan 12, 2026, 9:15 AM EST"))
                .body(containsString("Lab results, Clinical notes"))
                .body(containsString("Received"));
    }

    @Test
    void aFormFromAnotherSessionIsNotTrustedForItsKey() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new");
        CodeFlow.FormPage page = CodeFlow.openForm(session);
        String patient = "Bad Key " + UUID.randomUUID();
        Map<String, Object> fields = validForm(patient);
        fields.put("csrf-token", page.csrfToken());
        fields.put("idempotencyKey", "not-a-key");
        post(page, fields).when().post("/requests")
                .then().statusCode(422)
                .body(containsString("This form had expired"))
                .body(not(containsString("value=\"not-a-key\"")));
        assertEquals(0, IntakeProbe.countFor(intake, DemoUsers.SUNRISE_FRONT_DESK, patient));
        given().cookies(session).when().get("/requests").then().statusCode(200).body(not(containsString(patient)));
    }
}
