package org.ehiaccess.intake.effects;

import static io.restassured.RestAssured.given;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_FRONT_DESK;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_PRIVACY;
import static org.ehiaccess.intake.support.IntakeApi.as;
import static org.ehiaccess.intake.support.IntakeApi.get;
import static org.ehiaccess.intake.support.IntakeApi.log;
import static org.ehiaccess.intake.support.IntakeApi.request;
import static org.ehiaccess.intake.support.IntakeApi.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.platform.testing.ClinicTokens;
import org.ehiaccess.platform.testing.ServiceTokens;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;

/**
 * The internal endpoint decision-service's outbox relay calls: only a service token, which must name the clinic; each
 * effect applied once whatever the number of resends; the timeline names the person, not the service.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class InternalEffectTest {

    static final String PATH = "/api/v1/internal/effects";
    static final String SERVICE = ServiceTokens.serviceToken("decision-service");

    static RequestSpecification asService() {
        return given().auth().oauth2(SERVICE).contentType("application/json");
    }

    static Map<String, Object> effect(UUID id, String clinic, String request, List<Map<String, Object>> steps) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        if (clinic != null) {
            body.put("clinicId", clinic);
        }
        body.put("requestId", request);
        body.put("actor", "sunrise-privacy");
        body.put("event", "assessment.signed");
        body.put("steps", steps);
        return body;
    }

    static List<Map<String, Object>> signedWithNotice() {
        return List.of(Map.of("type", "note", "text", "Decision version 1 signed by sunrise-privacy."),
                Map.of("type", "start_clock", "clock", "infeasibility_notice"));
    }

    static List<Map<String, Object>> timeline(String id) {
        return as(SUNRISE_PRIVACY).get("/api/v1/requests/" + id + "/timeline").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    @Test
    void anEffectIsAppliedOnceHoweverOftenItIsSentAndNamesThePerson() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Effect")));
        UUID effectId = UUID.randomUUID();
        Map<String, Object> body = effect(effectId, "sunrise", id, signedWithNotice());
        asService().body(body).post(PATH).then().statusCode(200).body("applied", equalTo(true));
        // a relay that crashed before marking it sent, or ran twice, sends it again
        asService().body(body).post(PATH).then().statusCode(200).body("applied", equalTo(false));
        asService().body(body).post(PATH).then().statusCode(200).body("applied", equalTo(false));

        List<Map<String, Object>> events = timeline(id);
        List<Map<String, Object>> notes = events.stream().filter(e -> "note".equals(e.get("kind"))).toList();
        assertEquals(1, notes.size(), events.toString());
        assertEquals("sunrise-privacy", notes.get(0).get("actor"), "the person who signed, not the service account");
        assertEquals(1, events.stream().filter(e -> "clock_started".equals(e.get("kind"))).count(), events.toString());
        assertEquals("sunrise-privacy", events.stream().filter(e -> "clock_started".equals(e.get("kind"))).findFirst()
                .orElseThrow().get("actor"));
        get(SUNRISE_PRIVACY, id).then().body("clocks.kind", hasItem("infeasibility_notice"));

        // the same id with another body is a defect on the sender's side, not a second effect
        asService().body(effect(effectId, "sunrise", id, List.of(Map.of("type", "note", "text", "other"))))
                .post(PATH).then().statusCode(422);
        assertEquals(1, timeline(id).stream().filter(e -> "note".equals(e.get("kind"))).count());
    }

    @Test
    void meetingAClockThatRunsMeetsItAndOneThatDoesNotRunChangesNothing() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Meet")));
        asService().body(effect(UUID.randomUUID(), "sunrise", id,
                List.of(Map.of("type", "meet_clock", "clock", "denial_review")))).post(PATH).then().statusCode(200)
                .body("applied", equalTo(true));
        asService().body(effect(UUID.randomUUID(), "sunrise", id,
                List.of(Map.of("type", "start_clock", "clock", "denial_review")))).post(PATH).then().statusCode(200);
        asService().body(effect(UUID.randomUUID(), "sunrise", id,
                List.of(Map.of("type", "meet_clock", "clock", "denial_review")))).post(PATH).then().statusCode(200);
        get(SUNRISE_PRIVACY, id).then().body("clocks.find { it.kind == 'denial_review' }.metAt",
                org.hamcrest.Matchers.notNullValue());
        assertEquals(1, timeline(id).stream().filter(e -> "clock_met".equals(e.get("kind"))).count());
    }

    @Test
    void aPersonsTokenCannotCallTheInternalEndpoint() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Person")));
        as(SUNRISE_PRIVACY).body(effect(UUID.randomUUID(), "sunrise", id, signedWithNotice())).post(PATH).then()
                .statusCode(403);
        String admin = ClinicTokens.demoUser("sunrise", "clinic-admin");
        as(admin).body(effect(UUID.randomUUID(), "sunrise", id, signedWithNotice())).post(PATH).then().statusCode(403);
        given().contentType("application/json").body(effect(UUID.randomUUID(), "sunrise", id, signedWithNotice()))
                .post(PATH).then().statusCode(401);
        assertEquals(0, timeline(id).stream().filter(e -> "note".equals(e.get("kind"))).count());
    }

    @Test
    void aServiceTokenMustNameTheClinicAndActsOnlyInIt() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Clinic")));
        asService().body(effect(UUID.randomUUID(), null, id, signedWithNotice())).post(PATH).then().statusCode(400)
                .body("errors.field", hasItem("clinicId"));
        asService().body(effect(UUID.randomUUID(), " ", id, signedWithNotice())).post(PATH).then().statusCode(400);
        // another clinic's request is not in that clinic's log
        asService().body(effect(UUID.randomUUID(), "lakeside", id, signedWithNotice())).post(PATH).then()
                .statusCode(404);
        // a service token reads nothing through the staff endpoints (no clinic, no staff role)
        given().auth().oauth2(SERVICE).get("/api/v1/requests/" + id).then().statusCode(403);
        assertEquals(0, timeline(id).stream().filter(e -> "note".equals(e.get("kind"))).count());
    }

    @Test
    void aStepMustBeComplete() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Steps")));
        asService().body(effect(UUID.randomUUID(), "sunrise", id, List.of(Map.of("type", "note")))).post(PATH).then()
                .statusCode(400).body("errors.field", hasItem("steps[0].text"));
        asService().body(effect(UUID.randomUUID(), "sunrise", id,
                List.of(Map.of("type", "start_clock", "clock", "hipaa_access")))).post(PATH).then().statusCode(400)
                .body("errors.field", hasItem("steps[0].clock"));
        asService().body(effect(UUID.randomUUID(), "sunrise", id, List.of())).post(PATH).then().statusCode(400);
    }
}
