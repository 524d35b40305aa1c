package org.ehiaccess.reporting.event;

import static io.restassured.RestAssured.given;
import static org.ehiaccess.reporting.support.Events.deliver;
import static org.ehiaccess.reporting.support.Events.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.platform.clinic.StaffRole;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.reporting.support.Events;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** Delivery of events: each counts once, only our services may deliver, and only codes, ids and dates get in. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class EventDeliveryTest {

    static final Instant AT = Instant.parse("2026-10-05T14:00:00Z");
    static final String Q4 = "from=2026-10-01&to=2026-12-31";

    static int received(String clinicId) {
        return given().auth().oauth2(token(clinicId, StaffRole.COMPLIANCE_LEAD)).get("/api/v1/metrics?" + Q4).then()
                .statusCode(200).extract().path("requestsReceived");
    }

    static int denials(String clinicId) {
        return given().auth().oauth2(token(clinicId, StaffRole.COMPLIANCE_LEAD)).get("/api/v1/metrics?" + Q4).then()
                .statusCode(200).extract().path("denials");
    }

    @Test
    void aRedeliveredEventCountsOnceAndChangesNothing() {
        Events e = new Events(Events.uniqueClinic("redelivery"));
        UUID request = e.received(AT, "fax", "patient");
        e.status(request, AT.plusSeconds(3600), "denied");
        deliver(e.all).statusCode(200).body("stored", equalTo(2)).body("duplicates", equalTo(0));
        // the relay crashed after sending and before marking sent: it sends the same events again
        deliver(e.all).statusCode(200).body("stored", equalTo(0)).body("duplicates", equalTo(2));
        deliver(e.all.get(0)).statusCode(200).body("stored", equalTo(0)).body("duplicates", equalTo(1));
        // one delivery holding the same event twice stores it once
        UUID second = e.received(AT, "mail", "payer");
        Map<String, Object> last = e.all.get(e.all.size() - 1);
        deliver(List.of(last, last)).statusCode(200).body("stored", equalTo(1)).body("duplicates", equalTo(1));
        assertEquals(2, received(e.clinicId));
        assertEquals(1, denials(e.clinicId));
        assertEquals(List.of(second.toString()), given().auth().oauth2(token(e.clinicId, StaffRole.SUPERVISOR))
                .get("/api/v1/metrics/requests?" + Q4 + "&figure=received&channel=mail").then().statusCode(200)
                .extract().jsonPath().getList("requestIds", String.class));
    }

    @Test
    void anEventIdReusedWithOtherContentIsRefusedAndTheDeliveryStoresNothing() {
        Events e = new Events(Events.uniqueClinic("reused"));
        UUID request = e.received(AT, "fax", "patient");
        deliver(e.all).statusCode(200);
        Map<String, Object> changed = new LinkedHashMap<>(e.all.get(0));
        changed.put("data", Map.of("channel", "portal", "requesterType", "patient"));
        UUID fresh = e.received(AT, "mail", "payer");
        deliver(List.of(e.all.get(1), changed)).statusCode(422)
                .body("type", equalTo("tag:ehiaccess.org,2026:problem:idempotency-key-reused"));
        assertEquals(1, received(e.clinicId));
        given().auth().oauth2(token(e.clinicId, StaffRole.SUPERVISOR))
                .get("/api/v1/metrics/requests?" + Q4 + "&figure=received").then().statusCode(200)
                .body("requestIds", equalTo(List.of(request.toString())))
                .body("requestIds", not(hasItem(fresh.toString())));
    }

    @Test
    void onlyOurServicesDeliverAndRebuildAndTheFrontDeskSeesNoFigures() {
        String clinic = Events.uniqueClinic("roles");
        Events e = new Events(clinic);
        e.received(AT, "fax", "patient");
        for (String role : List.of(StaffRole.COMPLIANCE_LEAD, StaffRole.CLINIC_ADMIN, StaffRole.PLATFORM_ADMIN)) {
            given().auth().oauth2(token(clinic, role)).contentType(ContentType.JSON).body(e.all)
                    .post("/api/v1/events").then().statusCode(403);
            given().auth().oauth2(token(clinic, role)).post("/api/v1/rebuild").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(e.all).post("/api/v1/events").then().statusCode(401);
        assertEquals(0, received(clinic));
        given().auth().oauth2(token(clinic, StaffRole.FRONT_DESK)).get("/api/v1/metrics").then().statusCode(403);
        given().auth().oauth2(token(clinic, StaffRole.FRONT_DESK)).get("/api/v1/complaints/reconciliation").then()
                .statusCode(403);
        given().auth().oauth2(token(clinic, StaffRole.PRIVACY_OFFICER)).get("/api/v1/metrics.csv?table=byChannel")
                .then().statusCode(403);
        // a service token names no clinic and reads no figures
        given().auth().oauth2(Events.SERVICE).get("/api/v1/metrics").then().statusCode(403);
        for (String role : List.of(StaffRole.COMPLIANCE_LEAD, StaffRole.SUPERVISOR, StaffRole.CLINIC_ADMIN)) {
            given().auth().oauth2(token(clinic, role)).get("/api/v1/metrics").then().statusCode(200);
        }
    }

    @Test
    void freeTextAndUnknownCodesAreRefusedNamingTheFieldAndNothingOfTheBatchIsStored() {
        Events e = new Events(Events.uniqueClinic("strict"));
        UUID request = e.received(AT, "fax", "patient");
        Map<String, Object> good = e.all.get(0);
        Map<String, Object> withNote = e.event(request, "request.status_changed", AT, "status", "denied", "note",
                "Mr Smith was upset on the phone");
        deliver(List.of(good, withNote)).statusCode(400)
                .body("type", equalTo("tag:ehiaccess.org,2026:problem:invalid-input"))
                .body("errors.field", equalTo(List.of("[1].data.note")));
        assertEquals(0, received(e.clinicId));

        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] { with(good, "patientName", "Jane Doe"), "patientName" });
        cases.add(new Object[] { withData(good, "channel", "carrier pigeon"), "data.channel" });
        cases.add(new Object[] { withData(good, "channel", 3), "data.channel" });
        cases.add(new Object[] { withData(good, "requesterType", null), "data.requesterType" });
        cases.add(new Object[] { without(good, "eventId"), "eventId" });
        cases.add(new Object[] { with(good, "eventId", "not-a-uuid"), "eventId" });
        cases.add(new Object[] { with(good, "sequence", "7"), "sequence" });
        cases.add(new Object[] { with(good, "sequence", -1), "sequence" });
        cases.add(new Object[] { with(good, "occurredAt", "yesterday"), "occurredAt" });
        cases.add(new Object[] { with(good, "type", "request.deleted"), "type" });
        cases.add(new Object[] { with(good, "clinicId", "a clinic"), "clinicId" });
        cases.add(new Object[] { without(good, "requestId"), "requestId" });
        Map<String, Object> dueLate = e.event(request, "clock.started", AT, "clock", "hipaa_access", "dueAt",
                "in thirty days");
        cases.add(new Object[] { dueLate, "data.dueAt" });
        Map<String, Object> signed = e.event(request, "assessment.signed", AT, "assessmentId",
                UUID.randomUUID().toString(), "verdict", "covered", "exceptionCode", "because of harm");
        cases.add(new Object[] { signed, "data.exceptionCode" });
        Map<String, Object> complaint = e.event(request, "complaint.logged", AT, "complaintId",
                UUID.randomUUID().toString(), "allegation", "They would not send my records");
        cases.add(new Object[] { without(complaint, "data"), "data" });
        for (Object[] c : cases) {
            deliver(c[0]).statusCode(400).body("errors.field", hasItem(c[1]));
        }
        // a complaint's event names no request, and takes no allegation text
        deliver(complaint).statusCode(400).body("errors.field", equalTo(List.of("requestId", "data.allegation")));
        deliver(List.of()).statusCode(400).body("errors[0].field", equalTo("body"));
        given().auth().oauth2(Events.SERVICE).contentType(ContentType.JSON).body("{\"eventId\": ")
                .post("/api/v1/events").then().statusCode(400);
        assertEquals(0, received(e.clinicId));
    }

    private static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> event, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        copy.remove(field);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withData(Map<String, Object> event, String key, Object value) {
        Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) event.get("data"));
        data.put(key, value);
        return with(event, "data", data);
    }
}
