package org.ehiaccess.reporting.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.platform.testing.ClinicTokens;
import org.ehiaccess.platform.testing.ServiceTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Builds events as intake-service and decision-service would send them (each producer numbering its own), and
 * delivers them with a service token.
 */
public final class Events {

    public static final String SERVICE = ServiceTokens.serviceToken("intake-service");

    public final String clinicId;
    public final List<Map<String, Object>> all = new ArrayList<>();
    private long intakeSequence;
    private long decisionSequence;

    public Events(String clinicId) {
        this.clinicId = clinicId;
    }

    /** A clinic id no other test uses. */
    public static String uniqueClinic(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String token(String clinicId, String role) {
        return ClinicTokens.accessToken("test-" + role, clinicId, role);
    }

    public Map<String, Object> event(UUID requestId, String type, Instant at, Object... keysAndValues) {
        boolean decision = type.startsWith("assessment.") || type.startsWith("letter.") || type.startsWith("review.");
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("clinicId", clinicId);
        event.put("requestId", requestId == null ? null : requestId.toString());
        event.put("sequence", decision ? ++decisionSequence : ++intakeSequence);
        event.put("type", type);
        event.put("occurredAt", at.toString());
        event.put("data", data);
        all.add(event);
        return event;
    }

    /** A request received at {@code at}; returns its id. */
    public UUID received(Instant at, String channel, String requesterType) {
        UUID id = UUID.randomUUID();
        event(id, "request.received", at, "channel", channel, "requesterType", requesterType);
        return id;
    }

    public void status(UUID request, Instant at, String status) {
        event(request, "request.status_changed", at, "status", status);
    }

    /** A clock started at {@code at}, due {@code days} later. */
    public Instant clock(UUID request, Instant at, String clock, int days) {
        Instant due = at.plus(Duration.ofDays(days));
        event(request, "clock.started", at, "clock", clock, "dueAt", due.toString());
        return due;
    }

    public void signed(UUID request, Instant at, String legalBasis, String exceptionCode) {
        if (exceptionCode == null) {
            event(request, "assessment.signed", at, "assessmentId", UUID.randomUUID().toString(), "verdict",
                    verdict(legalBasis), "practiceType", "deny", "legalBasis", legalBasis);
        } else {
            event(request, "assessment.signed", at, "assessmentId", UUID.randomUUID().toString(), "verdict",
                    "covered", "practiceType", "deny", "legalBasis", legalBasis, "exceptionCode", exceptionCode);
        }
    }

    private static String verdict(String legalBasis) {
        return switch (legalBasis) {
            case "required_by_law" -> "required_by_law";
            case "out_of_scope" -> "out_of_scope";
            default -> "covered";
        };
    }

    public void letterSent(UUID request, Instant at) {
        event(request, "letter.sent", at, "letterId", UUID.randomUUID().toString(), "letterKind", "denial");
    }

    public static ValidatableResponse deliver(Object body) {
        return given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(body).post("/api/v1/events").then();
    }

    /** Delivers every event built so far, in batches of {@code size}, in the order given. */
    public static void deliverAll(List<Map<String, Object>> events, int size) {
        for (int i = 0; i < events.size(); i += size) {
            deliver(events.subList(i, Math.min(events.size(), i + size))).statusCode(200);
        }
    }
}
