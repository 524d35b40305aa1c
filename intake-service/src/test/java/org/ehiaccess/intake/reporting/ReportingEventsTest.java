package org.ehiaccess.intake.reporting;

import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_COMPLIANCE;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_FRONT_DESK;
import static org.ehiaccess.intake.support.IntakeApi.as;
import static org.ehiaccess.intake.support.IntakeApi.etag;
import static org.ehiaccess.intake.support.IntakeApi.log;
import static org.ehiaccess.intake.support.IntakeApi.request;
import static org.ehiaccess.intake.support.IntakeApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ehiaccess.platform.outbox.OutboxRelay;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Each change writes its event for reporting-service to the outbox in its own transaction: one row per change, with
 * codes, ids and instants only (the keys reporting-service's contract lists), never a name or free text.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ReportingEventsTest {

    /** The payload's own keys, and the data keys reporting-service accepts from intake-service. */
    static final Set<String> PAYLOAD_KEYS = Set.of("type", "requestId", "occurredAt", "data");
    static final Set<String> DATA_KEYS = Set.of("channel", "requesterType", "status", "clock", "dueAt", "level",
            "assigneeId", "complaintId", "complaintSource", "complaintStatus", "outcome", "linkedRequestId");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    OutboxRelay relay;

    record Row(long seq, String kind, String orderingKey, JsonNode payload) {
    }

    @Test
    void aLoggedRequestAStatusChangeAndAComplaintEachLeaveOneEventOfCodesOnly() throws Exception {
        String name = unique("Reported");
        Map<String, Object> body = request(name);
        body.put("notes", "Wants the 2019 MRI report too");
        String id = log(SUNRISE_FRONT_DESK, body);

        List<Row> logged = rows(id);
        assertEquals(1, logged.stream().filter(r -> r.kind().equals("request.received")).count(), logged.toString());
        Row received = logged.get(0);
        assertEquals("request.received", received.kind(), "the request comes before its clocks");
        assertEquals(Map.of("channel", "fax", "requesterType", "patient", "status", "received"),
                json.convertValue(received.payload().get("data"), Map.class));
        assertEquals(body.get("receivedAt"), received.payload().get("occurredAt").asText(),
                "a request counts from its receipt, not from when it was typed in");
        assertTrue(logged.stream().skip(1).allMatch(r -> r.kind().equals("clock.started")), logged.toString());
        assertEquals(Set.of("internal_target", "hipaa_access"), logged.stream().skip(1)
                .map(r -> r.payload().get("data").get("clock").asText()).collect(java.util.stream.Collectors.toSet()));

        as(SUNRISE_FRONT_DESK).header("If-Match", etag(SUNRISE_FRONT_DESK, id))
                .body(Map.of("status", "triaged", "note", "Called the patient back")).post("/api/v1/requests/" + id + "/status")
                .then().statusCode(200);
        List<Row> afterStatus = rows(id);
        assertEquals(logged.size() + 1, afterStatus.size(), "one change, one event: " + afterStatus);
        Row status = afterStatus.get(afterStatus.size() - 1);
        assertEquals("request.status_changed", status.kind());
        assertEquals(Map.of("status", "triaged"), json.convertValue(status.payload().get("data"), Map.class));
        assertTrue(status.seq() > logged.get(logged.size() - 1).seq(), "sequence follows commit order");

        Map<String, Object> complaint = new HashMap<>(Map.of("receivedOn", LocalDate.now().minusDays(1).toString(),
                "source", "patient", "sourceName", "Pat " + name, "allegation", "Nobody answered my fax for weeks",
                "requestIds", List.of(id)));
        String complaintId = as(SUNRISE_FRONT_DESK).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(complaint).post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        List<Row> complaintRows = rows("complaint:" + complaintId);
        assertEquals(1, complaintRows.size(), complaintRows.toString());
        Row logged1 = complaintRows.get(0);
        assertEquals("complaint.logged", logged1.kind());
        assertTrue(logged1.payload().get("requestId").isNull(), "a complaint names its request in its data only");
        assertEquals(Map.of("complaintId", complaintId, "complaintSource", "patient", "complaintStatus", "open",
                "linkedRequestId", id), json.convertValue(logged1.payload().get("data"), Map.class));
        assertEquals(afterStatus.size(), rows(id).size(), "linking a complaint is not a change of the request's codes");

        // resolved with a free-text resolution: the status is sent, the text is not (no outcome code can be read from it)
        complaint.put("status", "resolved");
        complaint.put("resolution", "Records sent; staff retrained on the fax inbox");
        String etag = as(SUNRISE_COMPLIANCE).get("/api/v1/complaints/" + complaintId).then().extract().header("ETag");
        as(SUNRISE_COMPLIANCE).header("If-Match", etag).body(complaint).put("/api/v1/complaints/" + complaintId)
                .then().statusCode(200);
        complaintRows = rows("complaint:" + complaintId);
        assertEquals(2, complaintRows.size(), complaintRows.toString());
        assertEquals("complaint.updated", complaintRows.get(1).kind());
        assertEquals(Map.of("complaintId", complaintId, "complaintStatus", "resolved", "linkedRequestId", id),
                json.convertValue(complaintRows.get(1).payload().get("data"), Map.class));

        List<Row> all = new java.util.ArrayList<>(rows(id));
        all.addAll(complaintRows);
        for (Row row : all) {
            assertEquals(PAYLOAD_KEYS, iterable(row.payload().fieldNames()), row.toString());
            assertEquals(row.kind(), row.payload().get("type").asText());
            Set<String> keys = iterable(row.payload().get("data").fieldNames());
            assertTrue(DATA_KEYS.containsAll(keys), "unexpected data keys in " + row);
            String text = row.payload().toString();
            for (String secret : List.of(name, "Pat " + name, "1984-05-17", "MRI", "Called the patient",
                    "Nobody answered", "retrained")) {
                assertFalse(text.contains(secret), secret + " leaked into " + text);
            }
        }
    }

    /**
     * Nothing listens where the test profile points the reporting client: each request's first event fails at once,
     * and the batch still commits its failures (the call is made outside the batch's transaction, so a fast failure
     * cannot leave a REST client thread inside it), whatever the number of rounds.
     */
    @Test
    void aRelayThatCannotReachReportingRecordsTheFailureAndBacksOff() {
        // a clinic of its own: relayNow retries every failing head, and other tests' clinics have plenty
        String clinic = "unreachable-" + UUID.randomUUID().toString().substring(0, 8);
        String id = log(org.ehiaccess.platform.testing.ClinicTokens.accessToken(clinic + "-frontdesk", clinic,
                "front-desk"), request(unique("Unreachable")));
        for (int round = 0; round < 5; round++) {
            relay.relayNow();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> state = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select attempts, last_error, next_attempt_at > now(), delivered_at is null from outbox
                where clinic_id = :clinic and destination = 'reporting' and ordering_key = :key order by seq""")
                .setParameter("clinic", clinic).setParameter("key", id).getResultList());
        assertEquals(5, ((Number) state.get(0)[0]).intValue(), "each round tried the first event once");
        assertTrue(state.get(0)[1] != null && Boolean.TRUE.equals(state.get(0)[2]) && Boolean.TRUE.equals(state.get(0)[3]));
        assertTrue(state.stream().skip(1).allMatch(r -> ((Number) r[0]).intValue() == 0),
                "the later events wait behind the first");
    }

    private List<Row> rows(String orderingKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select seq, kind, ordering_key, payload::text from outbox
                where clinic_id = 'sunrise' and destination = 'reporting' and ordering_key = :key order by seq""")
                .setParameter("key", orderingKey).getResultList());
        return found.stream().map(r -> {
            try {
                return new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], json.readTree((String) r[3]));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Set<String> iterable(java.util.Iterator<String> names) {
        Set<String> set = new java.util.TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
