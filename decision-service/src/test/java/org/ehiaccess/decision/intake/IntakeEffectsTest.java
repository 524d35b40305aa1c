package org.ehiaccess.decision.intake;

import static io.restassured.RestAssured.given;
import static org.ehiaccess.decision.support.TestClinic.assessments;
import static org.ehiaccess.decision.support.TestClinic.letter;
import static org.ehiaccess.decision.support.TestClinic.letters;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.decision.support.IntakeServiceProcess;
import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.ehiaccess.platform.outbox.OutboxRelay;
import org.ehiaccess.platform.testing.ServiceTokens;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The request's timeline and clocks follow the decision: checked through the API of the real intake-service, run as a
 * separate process with its own database. decision-service sends the updates with its own token, got from the OIDC
 * test server by a real client-credentials grant (stubbed here for its client id and secret, with the service role).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceProcess.PortResource.class)
class IntakeEffectsTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    static IntakeServiceProcess intake;

    /**
     * The identity provider answers decision-service's client-credentials grant with its service account's token (role
     * service), only for its client id and secret (test profile: test-service-secret).
     */
    @BeforeAll
    static void startIntakeService() {
        ServiceTokens.answerClientCredentials(ConfigProvider.getConfig().getValue("keycloak.url", String.class),
                "decision-service", "test-service-secret");
        intake = IntakeServiceProcess.start();
    }

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @AfterAll
    static void stopIntakeService() {
        if (intake != null) {
            intake.close();
        }
    }

    @Test
    void signingAnInfeasibilityDecisionNotesItAndStartsTheNoticeClockWhichTheSentNoticeMeets() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = logRequest(clinic);

        String assessment = clinic.assess(clinic.privacy(), request, TestClinic.outageNoticePendingCase(TODAY.toString()));
        clinic.as(clinic.privacy()).post(assessments(request) + "/" + assessment + "/signature").then().statusCode(200)
                .body("signed", equalTo(true)).body("intake_updated", equalTo(true)).body("intake_message", nullValue());

        Map<String, Object> clock = clock(clinic, request, "infeasibility_notice");
        assertNotNull(clock, "the 171.204(b) clock was started");
        assertNull(clock.get("metAt"));
        assertEquals("45 CFR 171.204(b)", clock.get("cfr"));
        String due = String.valueOf(clock.get("dueOn"));
        assertTrue(notes(clinic, request).stream().anyMatch(n -> n.equals("Decision version 1 signed by " + clinic.id
                + "-privacy: more facts are needed (claimed: 171.204), ruleset CURRENT_2024_12. The written reasons"
                + " are due by " + due + " (171.204(b)).")), notes(clinic, request).toString());
        assertEquals(clinic.id + "-privacy", timeline(clinic, request).stream()
                .filter(e -> "note".equals(e.get("kind"))).findFirst().orElseThrow().get("actor"),
                "intake-service recorded the note as the signer, not as decision-service's service account");

        String letter = clinic.as(clinic.privacy()).body(letter("infeasibility"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
        clinic.as(clinic.privacy()).body(Map.of("channel", "mail", "sentOn", TODAY.toString()))
                .post(letters(request) + "/" + letter + "/sent").then().statusCode(200)
                .body("intakeUpdated", equalTo(true)).body("intakeMessage", nullValue());
        assertNotNull(clock(clinic, request, "infeasibility_notice").get("metAt"), "the sent notice meets the clock");
        assertTrue(notes(clinic, request).stream().anyMatch(n -> n.startsWith("Infeasibility notice sent by mail on "
                + TODAY + " by " + clinic.id + "-privacy")), notes(clinic, request).toString());

        // version 2 records the notice; the clock stays met and is not started again
        Map<String, Object> recorded = TestClinic.outageNoticePendingCase(TODAY.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = new LinkedHashMap<>((Map<String, Object>) recorded.get("facts"));
        facts.put("infeasibility.written_notice_sent", true);
        facts.put("infeasibility.written_notice_date", TODAY.toString());
        facts.put("infeasibility.written_notice_states_reasons", true);
        recorded.put("facts", facts);
        String second = clinic.assess(clinic.privacy(), request, recorded);
        clinic.as(clinic.privacy()).post(assessments(request) + "/" + second + "/signature").then().statusCode(200)
                .body("verdict", equalTo("covered")).body("intake_updated", equalTo(true));
        assertNotNull(clock(clinic, request, "infeasibility_notice").get("metAt"));
        assertTrue(notes(clinic, request).contains("Decision version 2 signed by " + clinic.id + "-privacy: covered by"
                + " an exception (171.204), ruleset CURRENT_2024_12."), notes(clinic, request).toString());
    }

    @Test
    void aReviewRequestStartsTheReviewClockAndTheReviewMeetsIt() {
        TestClinic clinic = TestClinic.fresh();
        String request = logRequest(clinic);
        String assessment = clinic.assess(clinic.privacy(), request, TestClinic.preventingHarmCase());
        clinic.as(clinic.privacy()).post(assessments(request) + "/" + assessment + "/signature").then()
                .statusCode(200).body("intake_updated", equalTo(true));
        assertNull(clock(clinic, request, "infeasibility_notice"), "no 171.204 clock for a preventing-harm decision");
        assertTrue(notes(clinic, request).contains("Decision version 1 signed by " + clinic.id
                + "-privacy: covered by an exception (171.201), ruleset CURRENT_2024_12."), notes(clinic, request).toString());

        clinic.as(clinic.privacy()).body(Map.of("requestedOn", TODAY.toString(), "channel", "mail"))
                .post(assessments(request) + "/" + assessment + "/review-request").then().statusCode(201)
                .body("intakeUpdated", equalTo(true));
        Map<String, Object> review = clock(clinic, request, "denial_review");
        assertNotNull(review, "the review clock was started");
        assertNull(review.get("metAt"));
        assertTrue(notes(clinic, request).stream().anyMatch(n -> n.startsWith("Review of the denial (decision version 1)"
                + " requested on " + TODAY + " by mail.")), notes(clinic, request).toString());

        clinic.as(clinic.secondClinician()).body(Map.of("outcome", "upheld", "reasons", "The risk remains."))
                .post(assessments(request) + "/" + assessment + "/review").then().statusCode(200)
                .body("intakeUpdated", equalTo(true));
        assertNotNull(clock(clinic, request, "denial_review").get("metAt"), "the decided review meets its clock");
        assertTrue(notes(clinic, request).stream().anyMatch(n -> n.startsWith("Review of the denial (decision version 1)"
                + " decided by " + clinic.id + "-clinician2: upheld")), notes(clinic, request).toString());
    }

    @Test
    void whenIntakeServiceRefusesTheDecisionIsStillSignedAndTheFailureIsReported() {
        TestClinic clinic = TestClinic.fresh();
        // a request id intake-service does not know in this clinic (e.g. another clinic's, or a typo)
        String unknown = UUID.randomUUID().toString();
        String assessment = clinic.assess(clinic.privacy(), unknown, TestClinic.outageNoticePendingCase(TODAY.toString()));
        clinic.as(clinic.privacy()).post(assessments(unknown) + "/" + assessment + "/signature").then().statusCode(200)
                .body("signed", equalTo(true)).body("intake_updated", equalTo(false))
                .body("intake_message", equalTo("The request log is not updated yet: intake-service answered 404: no"
                        + " such request in the clinic's log; it will be retried automatically."));
        clinic.as(clinic.privacy()).get(assessments(unknown) + "/" + assessment).then().body("signed", equalTo(true))
                .body("intake_updated", nullValue());
        clinic.as(clinic.frontDesk()).get(updates(unknown)).then().statusCode(200).body("state", equalTo("failing"))
                .body("reason", containsString("404")).body("waiting", equalTo(1))
                .body("updates[0].event", equalTo("assessment.signed")).body("updates[0].attempts", equalTo(1))
                .body("updates[0].actor", equalTo(clinic.id + "-privacy"));
        // another clinic's request is unknown to this clinic in intake-service as well
        TestClinic other = TestClinic.fresh();
        String theirs = logRequest(other);
        String mine = clinic.assess(clinic.privacy(), theirs, TestClinic.outageNoticePendingCase(TODAY.toString()));
        clinic.as(clinic.privacy()).post(assessments(theirs) + "/" + mine + "/signature").then().statusCode(200)
                .body("intake_updated", equalTo(false));
        given().auth().oauth2(other.privacy()).get(intake.baseUrl() + "/api/v1/requests/" + theirs + "/timeline").then()
                .statusCode(200).body("kind", not(org.hamcrest.Matchers.hasItem("note")));
    }

    @Test
    void whileIntakeServiceIsDownTheDecisionIsSavedAndItsUpdatesReachTheLogOnceAndInOrderWhenItIsBack() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = logRequest(clinic);
        String assessment = clinic.assess(clinic.privacy(), request, TestClinic.outageNoticePendingCase(TODAY.toString()));
        String letter = null;
        intake.close();
        try {
            clinic.as(clinic.privacy()).post(assessments(request) + "/" + assessment + "/signature").then()
                    .statusCode(200).body("signed", equalTo(true)).body("intake_updated", equalTo(false))
                    .body("intake_message", equalTo("The request log is not updated yet: intake-service could not be"
                            + " reached; it will be retried automatically."));
            clinic.as(clinic.privacy()).get(assessments(request) + "/" + assessment).then().body("signed", equalTo(true));
            clinic.as(clinic.privacy()).get(updates(request)).then().statusCode(200).body("state", equalTo("failing"))
                    .body("reason", equalTo("intake-service could not be reached")).body("waiting", equalTo(1))
                    .body("nextAttemptAt", notNullValue());
            // the infeasibility notice goes out meanwhile: its update waits behind the signature's
            letter = clinic.as(clinic.privacy()).body(letter("infeasibility"))
                    .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
            clinic.as(clinic.privacy()).body(Map.of("channel", "mail", "sentOn", TODAY.toString()))
                    .post(letters(request) + "/" + letter + "/sent").then().statusCode(200)
                    .body("sentChannel", equalTo("mail")).body("intakeUpdated", equalTo(false));
            clinic.as(clinic.privacy()).get(updates(request)).then().body("waiting", equalTo(2))
                    .body("updates.event", equalTo(List.of("assessment.signed", "letter.sent")));
            // not due yet (the first retry waits a minute): the scheduled relay leaves it alone
            relay.relayDue();
            clinic.as(clinic.privacy()).get(updates(request)).then().body("waiting", equalTo(2))
                    .body("updates[0].attempts", equalTo(2)); // the first try at signing, one more when the letter went out
        } finally {
            intake = IntakeServiceProcess.start();
        }
        assertTrue(notes(clinic, request).isEmpty(), "nothing reached the log while it was down");

        relay.relayNow();
        clinic.as(clinic.privacy()).get(updates(request)).then().body("state", equalTo("applied"))
                .body("waiting", equalTo(0)).body("reason", nullValue())
                .body("updates.appliedAt", not(org.hamcrest.Matchers.hasItem(nullValue())));
        assertOnce(clinic, request);
        // in order: the clock was started by the signature, then met by the sent notice
        assertNotNull(clock(clinic, request, "infeasibility_notice").get("metAt"));

        // the relay runs again, and a relay that died after sending but before marking sends the same rows again
        relay.relayNow();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update outbox set delivered_at = null where ordering_key = :request")
                .setParameter("request", request).executeUpdate());
        clinic.as(clinic.privacy()).get(updates(request)).then().body("state", equalTo("pending"));
        relay.relayNow();
        clinic.as(clinic.privacy()).get(updates(request)).then().body("state", equalTo("applied"));
        assertOnce(clinic, request);
    }

    /** One note per update, the clock started once and met once: nothing lost, nothing doubled. */
    private static void assertOnce(TestClinic clinic, String request) {
        List<Map<String, Object>> events = timeline(clinic, request);
        assertEquals(2, notes(clinic, request).size(), events.toString());
        assertTrue(notes(clinic, request).get(0).startsWith("Decision version 1 signed by " + clinic.id + "-privacy"));
        assertTrue(notes(clinic, request).get(1).startsWith("Infeasibility notice sent by mail"));
        assertEquals(1, events.stream().filter(e -> "clock_started".equals(e.get("kind"))).count(), events.toString());
        assertEquals(1, events.stream().filter(e -> "clock_met".equals(e.get("kind"))).count(), events.toString());
        assertTrue(events.stream().filter(e -> !"received".equals(e.get("kind")) && !"changed".equals(e.get("kind")))
                .allMatch(e -> (clinic.id + "-privacy").equals(e.get("actor"))), events.toString());
    }

    private static String updates(String request) {
        return "/api/v1/requests/" + request + "/intake-updates";
    }

    private static String logRequest(TestClinic clinic) {
        Map<String, Object> body = new HashMap<>();
        body.put("receivedAt", Instant.now().toString());
        body.put("channel", "portal");
        body.put("requesterType", "patient");
        body.put("requesterName", "Alex Rivera");
        body.put("patientName", "Alex Rivera");
        body.put("patientBirthDate", "1970-03-04");
        body.put("ehiClasses", List.of("lab_result"));
        body.put("purpose", "individual_access");
        return given().auth().oauth2(clinic.frontDesk()).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post(intake.baseUrl() + "/api/v1/requests").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> clock(TestClinic clinic, String request, String kind) {
        List<Map<String, Object>> clocks = given().auth().oauth2(clinic.privacy())
                .get(intake.baseUrl() + "/api/v1/requests/" + request).then().statusCode(200)
                .extract().jsonPath().getList("clocks");
        return clocks.stream().filter(c -> kind.equals(c.get("kind"))).findFirst().map(LinkedHashMap::new).orElse(null);
    }

    private static List<Map<String, Object>> timeline(TestClinic clinic, String request) {
        return given().auth().oauth2(clinic.privacy()).get(intake.baseUrl() + "/api/v1/requests/" + request + "/timeline")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static List<String> notes(TestClinic clinic, String request) {
        return timeline(clinic, request).stream().filter(e -> "note".equals(e.get("kind")))
                .map(e -> String.valueOf(e.get("detail"))).toList();
    }
}
