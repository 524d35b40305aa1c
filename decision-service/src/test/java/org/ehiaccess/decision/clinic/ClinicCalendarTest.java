package org.ehiaccess.decision.clinic;

import static io.restassured.RestAssured.given;
import static org.ehiaccess.decision.support.TestClinic.assessments;
import static org.ehiaccess.decision.support.TestClinic.letter;
import static org.ehiaccess.decision.support.TestClinic.letters;
import static org.ehiaccess.decision.support.TestClinic.pdfText;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.ehiaccess.decision.letter.LetterData;
import org.ehiaccess.decision.support.IntakeServiceProcess;
import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

/**
 * One clinic calendar: the clinic's time zone and closure days are its settings in the real intake-service (its own
 * process and database), read as the caller. They give the 171.204(b) due date, "today" and the dates on letters.
 */
@QuarkusTest
@TestProfile(ClinicCalendarTest.SettingsRead.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceProcess.PortResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClinicCalendarTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    /** Reading the clinic settings as in production (the other tests give every clinic intake's defaults). */
    public static class SettingsRead implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("decision.intake.read-settings", "true");
        }
    }

    static IntakeServiceProcess intake;
    static TestClinic losAngeles;

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
    @Order(1)
    void aLosAngelesClinicWithAClosureDayGetsItsNoticeDueDateAndLetterDatesInItsZone() {
        losAngeles = TestClinic.fresh();
        losAngeles.saveLetterSettings();
        // received Monday March 2, 2026; ten business days end Monday March 16 (as for a clinic without closures)
        // the clinic is closed Tuesday March 10, so the 171.204(b) notice is due Tuesday March 17
        settle(losAngeles, LOS_ANGELES, List.of("2026-03-10"));
        String request = intake.logRequest(losAngeles.frontDesk());

        LocalDate before = LocalDate.now(LOS_ANGELES);
        String assessment = losAngeles.assess(losAngeles.privacy(), request, TestClinic.outageNoticePendingCase("2026-03-02"));
        losAngeles.as(losAngeles.privacy()).get(assessments(request) + "/" + assessment).then().statusCode(200)
                .body("result.obligations[0].id", equalTo("infeasibility_written_notice"))
                .body("result.obligations[0].due_date", equalTo("2026-03-17"));
        losAngeles.as(losAngeles.frontDesk()).body(TestClinic.outageNoticePendingCase("2026-03-02"))
                .post("/api/v1/evaluations").then().statusCode(200)
                .body("obligations[0].due_date", equalTo("2026-03-17"));
        String asOf = losAngeles.as(losAngeles.privacy()).get(assessments(request) + "/" + assessment).then()
                .extract().path("facts.'eval.as_of_date'");
        losAngeles.as(losAngeles.privacy()).post(assessments(request) + "/" + assessment + "/signature").then()
                .statusCode(200);
        String id = losAngeles.as(losAngeles.privacy()).body(letter("infeasibility"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
        String text = pdfText(losAngeles.as(losAngeles.privacy()).get(letters(request) + "/" + id + "/pdf").then()
                .statusCode(200).extract().asByteArray());
        LocalDate after = LocalDate.now(LOS_ANGELES);

        // "today" and the letter's date are the date in Los Angeles (the run may cross its midnight)
        assertTrue(asOf.equals(before.toString()) || asOf.equals(after.toString()), asOf);
        assertTrue(text.contains(LetterData.format(before)) || text.contains(LetterData.format(after)), text);
    }

    @Test
    @Order(2)
    void theDatesAreTheClinicsEvenWhenNewYorkIsAlreadyOnAnotherDay() {
        // a zone whose date differs from New York's at this hour: 18-19 hours ahead of it (from 6:00), or 7-8 hours behind
        ZonedDateTime newYork = ZonedDateTime.now(NEW_YORK);
        ZoneId zone = ZoneId.of(newYork.getHour() >= 6 ? "Pacific/Kiritimati" : "Etc/GMT+12");
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        settle(clinic, zone, List.of());
        String request = intake.logRequest(clinic.frontDesk());
        LocalDate today = LocalDate.now(zone);
        LocalDate newYorkToday = LocalDate.now(NEW_YORK);
        assertNotEquals(newYorkToday, today, "the test needs a zone on another date than New York");

        String assessment = clinic.assess(clinic.privacy(), request,
                TestClinic.outageNoticePendingCase(today.minusDays(3).toString()));
        clinic.as(clinic.privacy()).get(assessments(request) + "/" + assessment).then()
                .body("facts.'eval.as_of_date'", equalTo(today.toString()));
        clinic.as(clinic.privacy()).post(assessments(request) + "/" + assessment + "/signature").then().statusCode(200);
        String id = clinic.as(clinic.privacy()).body(letter("infeasibility"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
        String text = pdfText(clinic.as(clinic.privacy()).get(letters(request) + "/" + id + "/pdf").then()
                .statusCode(200).extract().asByteArray());
        assertEquals(today, LocalDate.now(zone), "the clinic's day ended during the test; run it again");
        assertTrue(text.contains(LetterData.format(today)), text);
        assertFalse(text.contains(LetterData.format(newYorkToday)), text);
    }

    @Test
    @Order(3)
    void whileIntakeServiceIsDownTheLastSettingsReadAreUsedAndAClinicNeverReadGets503() {
        intake.close();
        intake = null;
        // the Los Angeles clinic's settings were read in the first test: its closure still counts
        losAngeles.as(losAngeles.frontDesk()).body(TestClinic.outageNoticePendingCase("2026-03-02"))
                .post("/api/v1/evaluations").then().statusCode(200)
                .body("obligations[0].due_date", equalTo("2026-03-17"));
        // no zone is guessed for a clinic whose settings were never read
        TestClinic unread = TestClinic.fresh();
        unread.as(unread.frontDesk()).body(TestClinic.outageNoticePendingCase("2026-03-02"))
                .post("/api/v1/evaluations").then().statusCode(503)
                .body("type", equalTo(ProblemType.SERVICE_UNAVAILABLE.uri()));
    }

    /** The clinic administrator sets the clinic's time zone and closure days in intake-service. */
    private static void settle(TestClinic clinic, ZoneId zone, List<String> closures) {
        var current = given().auth().oauth2(clinic.admin()).get(intake.baseUrl() + "/api/v1/settings").then()
                .statusCode(200).extract();
        Map<String, Object> policy = current.path("responsePolicy");
        given().auth().oauth2(clinic.admin()).contentType("application/json").header("If-Match", current.header("ETag"))
                .body(Map.of("timeZone", zone.getId(), "closures", closures, "responsePolicy", policy))
                .put(intake.baseUrl() + "/api/v1/settings").then().statusCode(200)
                .body("timeZone", equalTo(zone.getId()));
    }
}
