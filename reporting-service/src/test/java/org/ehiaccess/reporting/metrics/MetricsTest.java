package org.ehiaccess.reporting.metrics;

import static io.restassured.RestAssured.given;
import static org.ehiaccess.reporting.support.Events.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.ehiaccess.platform.clinic.StaffRole;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.reporting.support.Events;
import org.ehiaccess.reporting.support.SeededClinic;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The figures of a seeded clinic ({@link SeededClinic}) against values worked out by hand, whatever order the events
 * arrive in, after a rebuild, and never counting another clinic's events.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class MetricsTest {

    static final String Q4 = "from=2026-10-01&to=2026-12-31";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;

    static JsonNode metrics(String clinicId, String query) {
        String body = given().auth().oauth2(token(clinicId, StaffRole.COMPLIANCE_LEAD))
                .get("/api/v1/metrics?" + query).then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    static List<String> requestIds(String clinicId, String query) {
        return given().auth().oauth2(token(clinicId, StaffRole.SUPERVISOR)).get("/api/v1/metrics/requests?" + query)
                .then().statusCode(200).extract().jsonPath().getList("requestIds", String.class);
    }

    static SeededClinic seeded(String name) {
        SeededClinic clinic = new SeededClinic(Events.uniqueClinic(name));
        Events.deliverAll(clinic.events.all, 25);
        return clinic;
    }

    @Test
    void theFiguresOfASeededClinicAreTheOnesWorkedOutByHand() {
        SeededClinic clinic = seeded("hand");
        JsonNode m = metrics(clinic.events.clinicId, Q4);

        assertEquals(20, m.path("requestsReceived").intValue());
        assertEquals(5, m.at("/byChannel/portal").intValue()); // P1 (corrected from other) to P5
        assertEquals(5, m.at("/byChannel/fax").intValue()); // P6, P7, A4, A5, A6
        assertEquals(1, m.at("/byChannel/email").intValue());
        assertEquals(3, m.at("/byChannel/mail").intValue());
        assertEquals(4, m.at("/byChannel/payer_portal").intValue());
        assertEquals(1, m.at("/byChannel/phone").intValue());
        assertEquals(1, m.at("/byChannel/in_person").intValue()); // R2, received 23:30 on 31 December in New York
        assertEquals(0, m.at("/byChannel/other").intValue());
        assertEquals(0, m.at("/byChannel/hie").intValue());
        assertEquals(8, m.at("/byRequesterType/patient").intValue());
        assertEquals(6, m.at("/byRequesterType/attorney_or_court").intValue());
        assertEquals(4, m.at("/byRequesterType/payer").intValue());
        assertEquals(2, m.at("/byRequesterType/personal_representative").intValue());
        assertEquals(0, m.at("/byRequesterType/researcher").intValue());

        // P8, A1-A5 denied, Y4 partially fulfilled: 7 of 20
        assertEquals(7, m.path("denials").intValue());
        assertEquals("35.0", m.path("denialsPer100").asText());
        assertEquals(Map.of("part171_exception", 2, "required_by_law", 2, "out_of_scope", 1, "unrecorded", 2),
                counts(m.path("denialsByBasis")));
        assertEquals(Map.of("171.202", 1, "171.204", 1), counts(m.path("denialsByException")));
        assertEquals("12.5", m.at("/denialRateByRequesterType/patient/per100").asText());
        assertEquals(5, m.at("/denialRateByRequesterType/attorney_or_court/denials").intValue());
        assertEquals("83.3", m.at("/denialRateByRequesterType/attorney_or_court/per100").asText());
        assertEquals("25.0", m.at("/denialRateByRequesterType/payer/per100").asText());
        assertEquals("0.0", m.at("/denialRateByRequesterType/personal_representative/per100").asText());
        // 83.3 > 2 x 35.0 with 5 denials; the payers' 25.0 is not, and has 1 denial
        assertEquals(1, m.path("outliers").size());
        assertEquals("attorney_or_court", m.at("/outliers/0/requesterType").asText());
        assertEquals("35.0", m.at("/outliers/0/overallPer100").asText());
        assertTrue(m.path("outlierRule").asText().contains("more than twice"));

        // HIPAA: P1-P6 on time, P7 (missed) and P8 (met after the deadline) late, R1 and R2 open
        assertEquals("0.75", m.at("/onTimeShare/hipaa_access").asText());
        assertEquals(6, m.at("/clocks/hipaa_access/onTime").intValue());
        assertEquals(2, m.at("/clocks/hipaa_access/late").intValue());
        assertEquals(2, m.at("/clocks/hipaa_access/open").intValue());
        assertEquals("0.25", m.at("/onTimeShare/internal_target").asText()); // Y1 on time; Y2, Y3, Y4 late
        assertEquals("1.0", m.at("/onTimeShare/infeasibility_notice").asText());
        assertTrue(m.at("/onTimeShare/state_law").isNull());
        assertTrue(m.at("/onTimeShare/denial_review").isNull());

        // days: 0 1 2 3 4 5 7 10 12 15 20 30 40 -> median the 7th (7), p90 at 10.8: 20 + 0.8 x 10
        assertEquals("7.0", m.path("medianDaysToFulfill").asText());
        assertEquals("28.0", m.path("p90DaysToFulfill").asText());
        // patients 0 2 3 5 7 10 30: median 5, p90 at 5.4: 10 + 0.4 x 20; payers 1 4 15 40: 9.5 and 15 + 0.7 x 25
        assertEquals(7, m.at("/daysToFulfillByRequesterType/patient/fulfilled").intValue());
        assertEquals("5.0", m.at("/daysToFulfillByRequesterType/patient/median").asText());
        assertEquals("18.0", m.at("/daysToFulfillByRequesterType/patient/p90").asText());
        assertEquals("9.5", m.at("/daysToFulfillByRequesterType/payer/median").asText());
        assertEquals("32.5", m.at("/daysToFulfillByRequesterType/payer/p90").asText());
        assertEquals("20.0", m.at("/daysToFulfillByRequesterType/attorney_or_court/median").asText());
        assertTrue(m.at("/daysToFulfillByRequesterType/researcher/median").isNull());

        // P8, A1, A3, Y4 signed with a letter sent; A2 signed without; A4, A5 unsigned: 4 of 7
        assertEquals("0.5714", m.path("signedAnalysisShare").asText());
        assertEquals(5, m.at("/denialDocumentation/signedAnalysis").intValue());
        assertEquals(4, m.at("/denialDocumentation/letterSent").intValue());

        // C1-C4 logged in the quarter (C5 before it); C2 unlinked after being linked by mistake
        assertEquals(4, m.path("complaintsLogged").intValue());
        assertEquals(Map.of("upheld", 1, "not_upheld", 1, "resolved_informally", 1, "pending", 1, "referred", 0,
                "withdrawn", 0), counts(m.path("complaintsByOutcome")));
        assertEquals(3, m.path("complaintsLinked").intValue());

        JsonNode trend = m.path("trendByQuarter");
        assertEquals(4, trend.size());
        assertEquals("2026-Q1", trend.at("/0/quarter").asText());
        assertEquals(0, trend.at("/0/requestsReceived").intValue());
        assertEquals("2026-Q3", trend.at("/2/quarter").asText());
        assertEquals(1, trend.at("/2/requestsReceived").intValue()); // Q, 22:00 on 30 September in New York
        assertEquals("2.0", trend.at("/2/medianDaysToFulfill").asText());
        assertEquals(20, trend.at("/3/requestsReceived").intValue());
        assertEquals("35.0", trend.at("/3/denialsPer100").asText());
    }

    @Test
    void eachFigureListsTheRequestsBehindItAndItsCsvHasTheSameNumbers() {
        SeededClinic c = seeded("links");
        String clinicId = c.events.clinicId;
        assertEquals(sorted(List.of(c.a1.toString(), c.a2.toString(), c.a3.toString(), c.a4.toString(), c.a5.toString())),
                sorted(requestIds(clinicId, Q4 + "&figure=denied&requesterType=attorney_or_court")));
        assertEquals(sorted(List.of(c.p7.toString(), c.p8.toString())),
                sorted(requestIds(clinicId, Q4 + "&figure=late&clock=hipaa_access")));
        assertEquals(sorted(List.of(c.a4.toString(), c.a5.toString())),
                sorted(requestIds(clinicId, Q4 + "&figure=denied&basis=unrecorded")));
        assertEquals(List.of(c.a2.toString(), c.a4.toString(), c.a5.toString()),
                requestIds(clinicId, Q4 + "&figure=undocumented"));
        assertEquals(20, requestIds(clinicId, Q4 + "&figure=received").size());
        // in UTC the quarter starts four hours earlier and ends five earlier: Q is in it, R2 is not
        List<String> utc = requestIds(clinicId, Q4 + "&figure=received&zone=UTC");
        assertEquals(20, utc.size());
        assertTrue(utc.contains(c.q.toString()) && !utc.contains(c.r2.toString()));
        given().auth().oauth2(token(clinicId, StaffRole.SUPERVISOR)).get("/api/v1/metrics/requests?" + Q4
                + "&figure=late").then().statusCode(400).body("errors[0].field", equalTo("clock"));

        String csv = given().auth().oauth2(token(clinicId, StaffRole.CLINIC_ADMIN))
                .get("/api/v1/metrics.csv?table=byChannel&" + Q4).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("channel,count\r\n"), csv);
        assertTrue(csv.contains("\r\nportal,5\r\n") && csv.contains("\r\nfax,5\r\n") && csv.contains("\r\nhie,0\r\n"),
                csv);
        String rates = given().auth().oauth2(token(clinicId, StaffRole.CLINIC_ADMIN))
                .get("/api/v1/metrics.csv?table=denialRateByRequesterType&" + Q4).then().statusCode(200).extract()
                .asString();
        assertTrue(rates.contains("\r\nattorney_or_court,6,5,83.3\r\n"), rates);
        given().auth().oauth2(token(clinicId, StaffRole.CLINIC_ADMIN)).get("/api/v1/metrics.csv?table=patients&" + Q4)
                .then().statusCode(400).body("errors[0].field", equalTo("table"));
    }

    @Test
    void eventsInAnyOrderGiveTheSameFigures() {
        JsonNode inOrder = withoutClinic(metrics(seeded("ordered").events.clinicId, Q4));

        // newest first: every request's receipt arrives after its status changes, P1's correction before its receipt
        SeededClinic reversed = new SeededClinic(Events.uniqueClinic("reversed"));
        List<Map<String, Object>> backwards = new ArrayList<>(reversed.events.all);
        Collections.reverse(backwards);
        for (Map<String, Object> event : backwards) {
            Events.deliver(event).statusCode(200);
        }
        assertEquals(inOrder, withoutClinic(metrics(reversed.events.clinicId, Q4)));

        // shuffled across and within requests, in batches
        SeededClinic shuffled = new SeededClinic(Events.uniqueClinic("shuffled"));
        List<Map<String, Object>> events = new ArrayList<>(shuffled.events.all);
        Collections.shuffle(events, new Random(13));
        Events.deliverAll(events, 7);
        assertEquals(inOrder, withoutClinic(metrics(shuffled.events.clinicId, Q4)));
    }

    @Test
    void anotherClinicsEventsNeverCount() {
        SeededClinic a = seeded("isolated");
        JsonNode before = metrics(a.events.clinicId, Q4);
        // clinic B: three attorney denials, one of them about a request id clinic A also has
        Events b = new Events(Events.uniqueClinic("other"));
        UUID shared = a.p1;
        b.event(shared, "request.received", Instant.parse("2026-10-06T14:00:00Z"), "channel", "fax",
                "requesterType", "attorney_or_court");
        b.status(shared, Instant.parse("2026-10-07T14:00:00Z"), "denied");
        for (int i = 0; i < 2; i++) {
            UUID id = b.received(Instant.parse("2026-10-08T14:00:00Z"), "fax", "attorney_or_court");
            b.status(id, Instant.parse("2026-10-09T14:00:00Z"), "denied");
        }
        b.event(null, "complaint.logged", Instant.parse("2026-10-10T14:00:00Z"), "complaintId",
                UUID.randomUUID().toString(), "linkedRequestId", shared.toString());
        Events.deliverAll(b.all, 50);

        assertEquals(withoutClinic(before), withoutClinic(metrics(a.events.clinicId, Q4)));
        JsonNode other = metrics(b.clinicId, Q4);
        assertEquals(3, other.path("requestsReceived").intValue());
        assertEquals("100.0", other.path("denialsPer100").asText());
        assertEquals(1, other.path("complaintsLinked").intValue());
        assertTrue(requestIds(a.events.clinicId, Q4 + "&figure=denied").stream().noneMatch(id -> id.equals(shared.toString())));
        assertEquals(List.of(shared.toString()), requestIds(b.clinicId, Q4 + "&figure=received&channel=fax").stream()
                .filter(id -> id.equals(shared.toString())).toList());
        // A's reconciliation does not list B's complaint or request
        given().auth().oauth2(token(a.events.clinicId, StaffRole.COMPLIANCE_LEAD))
                .get("/api/v1/complaints/reconciliation").then().statusCode(200)
                .body("complaintsWithoutRequest.size()", equalTo(2))
                .body("requestsWithComplaintButNoSignedDecision.requestId",
                        contains(a.a4.toString(), a.p1.toString()));
    }

    @Test
    void reconciliationListsUnlinkedComplaintsAndComplainedRequestsWithoutASignedDecision() {
        SeededClinic c = seeded("reconcile");
        given().auth().oauth2(token(c.events.clinicId, StaffRole.SUPERVISOR))
                .get("/api/v1/complaints/reconciliation").then().statusCode(200)
                .body("complaintsWithoutRequest.complaintId",
                        contains(c.c5.toString(), c.c2.toString()))
                .body("complaintsWithoutRequest[0].loggedOn", equalTo("2026-09-15"))
                .body("requestsWithComplaintButNoSignedDecision.requestId",
                        contains(c.a4.toString(), c.p1.toString()))
                .body("requestsWithComplaintButNoSignedDecision[0].complaintIds",
                        contains(c.c1.toString()));
    }

    @Test
    void aRebuildFromTheStoredEventsGivesTheSameFigures() throws SQLException {
        SeededClinic c = seeded("rebuilt");
        JsonNode before = metrics(c.events.clinicId, Q4);
        // the projections lose this clinic's rows (as after a faulty release): the figures change
        try (Connection connection = db.getConnection()) {
            for (String table : List.of("request_fact", "request_clock", "complaint_fact")) {
                try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + table + " WHERE clinic_id = ?")) {
                    s.setString(1, c.events.clinicId);
                    s.executeUpdate();
                }
            }
        }
        assertNotEquals(withoutClinic(before), withoutClinic(metrics(c.events.clinicId, Q4)));
        assertEquals(0, metrics(c.events.clinicId, Q4).path("requestsReceived").intValue());

        given().auth().oauth2(Events.SERVICE).post("/api/v1/rebuild").then().statusCode(200);
        assertEquals(withoutClinic(before), withoutClinic(metrics(c.events.clinicId, Q4)));
        // and a second rebuild changes nothing
        given().auth().oauth2(Events.SERVICE).post("/api/v1/rebuild").then().statusCode(200);
        assertEquals(withoutClinic(before), withoutClinic(metrics(c.events.clinicId, Q4)));
    }

    @Test
    void theDefaultPeriodIsThisQuarterAndBadParametersAreNamed() {
        JsonNode m = metrics(Events.uniqueClinic("empty"), "zone=America/New_York");
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        assertEquals(Period.quarterStart(today).toString(), m.path("from").asText());
        assertEquals(Period.quarterStart(today).plusMonths(3).minusDays(1).toString(), m.path("to").asText());
        assertEquals(0, m.path("requestsReceived").intValue());
        assertTrue(m.path("medianDaysToFulfill").isNull());
        String clinic = Events.uniqueClinic("bad");
        for (String[] bad : List.of(new String[] { "from=2026-13-01", "from" }, new String[] { "zone=Mars/Base", "zone" },
                new String[] { "from=2026-12-01&to=2026-11-01", "to" })) {
            given().auth().oauth2(token(clinic, StaffRole.COMPLIANCE_LEAD)).get("/api/v1/metrics?" + bad[0]).then()
                    .statusCode(400).body("errors[0].field", equalTo(bad[1]));
        }
    }

    private static Map<String, Integer> counts(JsonNode object) {
        Map<String, Integer> counts = new HashMap<>();
        object.fields().forEachRemaining(f -> counts.put(f.getKey(), f.getValue().intValue()));
        return counts;
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static JsonNode withoutClinic(JsonNode metrics) {
        ObjectNode copy = metrics.deepCopy();
        copy.remove("clinicId");
        return copy;
    }
}
