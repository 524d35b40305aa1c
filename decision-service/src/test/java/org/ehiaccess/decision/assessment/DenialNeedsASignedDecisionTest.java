package org.ehiaccess.decision.assessment;

import static io.restassured.RestAssured.given;
import static org.ehiaccess.decision.support.TestClinic.assessments;
import static org.ehiaccess.decision.support.TestClinic.letter;
import static org.ehiaccess.decision.support.TestClinic.letters;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.decision.support.IntakeServiceProcess;
import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

/**
 * A request is set to denied or partially fulfilled only on a signed decision that supports it, and a denial meets
 * the HIPAA clock only once the written denial is sent: through the API of the real intake-service, which asks this
 * decision-service.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceProcess.PortResource.class)
class DenialNeedsASignedDecisionTest {

    static final String DECISION_REQUIRED = "tag:ehiaccess.org,2026:problem:decision-required";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    static IntakeServiceProcess intake;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeAll
    static void startIntakeService() {
        intake = IntakeServiceProcess.start();
    }

    @AfterAll
    static void stopIntakeService() {
        if (intake != null) {
            intake.close();
        }
    }

    @BeforeEach
    void closeTheCircuitBreakers() {
        breakers.resetAll();
    }

    @Test
    void denyingWithoutASignedDecisionIsRefusedAndNothingChanges() {
        TestClinic clinic = TestClinic.fresh();
        String request = intake.logRequest(clinic.frontDesk());
        String version = etag(clinic, request);

        refused(clinic, request, "denied").body("detail", containsString("no signed decision"));
        refused(clinic, request, "partially_fulfilled").body("detail", containsString("no signed decision"));

        // an unsigned draft supports nothing either
        clinic.assess(clinic.privacy(), request, TestClinic.preventingHarmCase());
        refused(clinic, request, "denied").body("detail", containsString("no signed decision"));

        assertUnchanged(clinic, request, version);
    }

    @Test
    void aSignedDecisionThatNeedsMoreFactsDoesNotSupportADenial() {
        TestClinic clinic = TestClinic.fresh();
        String request = intake.logRequest(clinic.frontDesk());
        clinic.signed(request, TestClinic.outageNoticePendingCase(TODAY.toString()));
        String version = etag(clinic, request);
        refused(clinic, request, "denied").body("detail", containsString("needs more facts"));
        assertUnchanged(clinic, request, version);
        clinic.as(clinic.frontDesk()).queryParam("status", "denied")
                .get("/api/v1/requests/" + request + "/decision-support").then().statusCode(200)
                .body("supported", equalTo(false)).body("verdict", equalTo("needs_more_facts"))
                .body("denialLetterSent", equalTo(false));
    }

    @Test
    void aSignedCoveredDenialIsAcceptedButTheHipaaClockWaitsForTheWrittenDenial() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = intake.logRequest(clinic.frontDesk());
        String assessment = clinic.signed(request, TestClinic.preventingHarmCase());
        clinic.as(clinic.frontDesk()).queryParam("status", "denied")
                .get("/api/v1/requests/" + request + "/decision-support").then().statusCode(200)
                .body("supported", equalTo(true)).body("assessmentId", equalTo(assessment))
                .body("verdict", equalTo("covered"));

        setStatus(clinic, request, "denied").statusCode(200).body("status", equalTo("denied"));
        assertNull(clock(clinic, request, "hipaa_access").get("metAt"),
                "no denial letter was sent: the HIPAA clock is not met by closing");
        assertNotNull(clock(clinic, request, "internal_target").get("metAt"));
        // nor can it be marked met by hand before the letter is sent
        clinic.as(clinic.privacy()).post(intake.baseUrl() + "/api/v1/requests/" + request + "/clocks/hipaa_access/met")
                .then().statusCode(409).body("type", equalTo(DECISION_REQUIRED));

        String sent = clinic.as(clinic.privacy()).body(letter("denial"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
        clinic.as(clinic.privacy()).body(Map.of("channel", "mail", "sentOn", TODAY.toString()))
                .post(letters(request) + "/" + sent + "/sent").then().statusCode(200);
        clinic.as(clinic.privacy()).post(intake.baseUrl() + "/api/v1/requests/" + request + "/clocks/hipaa_access/met")
                .then().statusCode(200);
        assertNotNull(clock(clinic, request, "hipaa_access").get("metAt"), "the sent denial answers the clock");
    }

    @Test
    void aDenialWhoseLetterWasSentMeetsTheHipaaClockOnClosing() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = intake.logRequest(clinic.frontDesk());
        String assessment = clinic.signed(request, TestClinic.requiredByLawCase());
        String sent = clinic.as(clinic.privacy()).body(letter("partial_fulfilment"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
        clinic.as(clinic.privacy()).body(Map.of("channel", "mail", "sentOn", TODAY.toString()))
                .post(letters(request) + "/" + sent + "/sent").then().statusCode(200);

        setStatus(clinic, request, "partially_fulfilled").statusCode(200).body("status", equalTo("partially_fulfilled"));
        assertNotNull(clock(clinic, request, "hipaa_access").get("metAt"));
    }

    @Test
    void outOfScopeSupportsADenialOnlyWithAHipaaGround() {
        TestClinic clinic = TestClinic.fresh();
        String withoutGround = intake.logRequest(clinic.frontDesk());
        clinic.signed(withoutGround, psychotherapyNotesCase(null));
        clinic.as(clinic.frontDesk()).queryParam("status", "denied")
                .get("/api/v1/requests/" + withoutGround + "/decision-support").then().statusCode(200)
                .body("verdict", equalTo("out_of_scope")).body("supported", equalTo(false))
                .body("reason", containsString("hipaa.denial_ground"));
        refused(clinic, withoutGround, "denied").body("detail", containsString("no HIPAA denial ground"));

        String withGround = intake.logRequest(clinic.frontDesk());
        clinic.signed(withGround, psychotherapyNotesCase("a1_psychotherapy_notes"));
        setStatus(clinic, withGround, "denied").statusCode(200).body("status", equalTo("denied"));
    }

    /** Only psychotherapy notes asked for: not EHI (out of scope); {@code ground}: the HIPAA ground, if recorded. */
    static Map<String, Object> psychotherapyNotesCase(String ground) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("request.requester_type", "patient");
        facts.put("request.purpose", "individual_access");
        facts.put("request.ehi_classes", List.of("psychotherapy_note"));
        if (ground != null) {
            facts.put("hipaa.denial_ground", ground);
        }
        return Map.of("practice", Map.of("type", "deny", "claimed_basis", "none", "motive", List.of("other")),
                "facts", facts);
    }

    @Test
    void decisionSupportNamesTheStatusesItAnswers() {
        TestClinic clinic = TestClinic.fresh();
        clinic.as(clinic.frontDesk()).queryParam("status", "fulfilled")
                .get("/api/v1/requests/" + java.util.UUID.randomUUID() + "/decision-support").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    private static ValidatableResponse refused(TestClinic clinic, String request, String status) {
        return setStatus(clinic, request, status).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(DECISION_REQUIRED));
    }

    private static ValidatableResponse setStatus(TestClinic clinic, String request, String status) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("status", status);
        change.put("mannerUsed", "paper_mail");
        change.put("note", "typed note " + status);
        return clinic.as(clinic.frontDesk()).header("If-Match", etag(clinic, request)).body(change)
                .post(intake.baseUrl() + "/api/v1/requests/" + request + "/status").then();
    }

    private static void assertUnchanged(TestClinic clinic, String request, String version) {
        assertEquals(version, etag(clinic, request), "nothing changed");
        given().auth().oauth2(clinic.frontDesk()).get(intake.baseUrl() + "/api/v1/requests/" + request).then()
                .body("status", equalTo("received"));
        assertNull(clock(clinic, request, "hipaa_access").get("metAt"), "the HIPAA clock stays open");
        given().auth().oauth2(clinic.frontDesk()).get(intake.baseUrl() + "/api/v1/requests/" + request + "/timeline")
                .then().statusCode(200).body("detail", not(hasItem(containsString("typed note"))));
    }

    private static String etag(TestClinic clinic, String request) {
        return given().auth().oauth2(clinic.frontDesk()).get(intake.baseUrl() + "/api/v1/requests/" + request)
                .then().statusCode(200).extract().header("ETag");
    }

    private static Map<String, Object> clock(TestClinic clinic, String request, String kind) {
        List<Map<String, Object>> clocks = given().auth().oauth2(clinic.privacy())
                .get(intake.baseUrl() + "/api/v1/requests/" + request).then().statusCode(200)
                .extract().jsonPath().getList("clocks");
        return clocks.stream().filter(c -> kind.equals(c.get("kind"))).findFirst().map(LinkedHashMap::new)
                .orElseThrow();
    }
}
