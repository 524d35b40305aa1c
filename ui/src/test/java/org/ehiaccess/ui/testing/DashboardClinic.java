package org.ehiaccess.ui.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.platform.testing.ServiceTokens;

/**
 * Sunrise's third quarter of 2026 as the dashboard tests see it: twelve requests logged in the real intake-service by
 * the front desk, and the events intake-service and decision-service would send about them delivered to the real
 * reporting-service with a service token (as reporting-service's own tests seed it). The figures these give are
 * worked out by hand in the tests, not by the code under test.
 * <p>
 * Patients P1-P7 (portal P1-P4, email P5-P7) received on 3-9 August; P1-P5 fulfilled after 2, 4, 6, 8 and 10 days,
 * P6 and P7 still in review. The HIPAA clock of P1 and P2 met on time, of P3 met after its deadline. Attorneys A1-A5
 * (fax) received on 10-14 August, all denied three days later: A1 and A2 on the privacy exception with a signed
 * analysis and a letter sent, A3 on infeasibility (signed, no letter), A4 required by law (signed, no letter), A5
 * with no signed decision. A1's internal target still runs. Complaint C1 (upheld) is linked to A5; C2 is linked to
 * nothing and has no outcome.
 */
public final class DashboardClinic {

    public static final String FROM = "2026-07-01";
    public static final String TO = "2026-09-30";
    public static final String PERIOD = "period=custom&from=" + FROM + "&to=" + TO;

    private static final String SERVICE = ServiceTokens.serviceToken("intake-service");

    public final List<String> patients = new ArrayList<>();
    public final List<String> attorneys = new ArrayList<>();
    public final UUID linkedComplaint = UUID.randomUUID();
    public final UUID unlinkedComplaint = UUID.randomUUID();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private long intakeSequence;
    private long decisionSequence;

    private DashboardClinic() {
    }

    /** Logs the requests in {@code intake} and delivers their events to {@code reporting}. */
    public static DashboardClinic seed(IntakeService intake, ReportingService reporting) {
        DashboardClinic clinic = new DashboardClinic();
        Instant patientsFrom = Instant.parse("2026-08-03T15:00:00Z");
        int[] daysToFulfill = { 2, 4, 6, 8, 10 };
        for (int i = 0; i < 7; i++) {
            Instant at = patientsFrom.plus(Duration.ofDays(i));
            String channel = i < 4 ? "portal" : "email";
            String id = clinic.log(intake, "P" + (i + 1), channel, "patient");
            clinic.patients.add(id);
            clinic.event(id, "request.received", at, "channel", channel, "requesterType", "patient");
            if (i < 5) {
                clinic.event(id, "request.status_changed", at.plus(Duration.ofDays(daysToFulfill[i])), "status",
                        "fulfilled");
            } else {
                clinic.event(id, "request.status_changed", at.plus(Duration.ofHours(1)), "status", "in_review");
            }
            if (i < 3) {
                int dueInDays = i < 2 ? 30 : 5;
                clinic.event(id, "clock.started", at, "clock", "hipaa_access", "dueAt",
                        at.plus(Duration.ofDays(dueInDays)).toString());
                clinic.event(id, "clock.met", at.plus(Duration.ofDays(daysToFulfill[i])), "clock", "hipaa_access");
            }
        }
        Instant attorneysFrom = Instant.parse("2026-08-10T15:00:00Z");
        for (int i = 0; i < 5; i++) {
            Instant at = attorneysFrom.plus(Duration.ofDays(i));
            String id = clinic.log(intake, "A" + (i + 1), "fax", "attorney_or_court");
            clinic.attorneys.add(id);
            clinic.event(id, "request.received", at, "channel", "fax", "requesterType", "attorney_or_court");
            Instant decided = at.plus(Duration.ofDays(3));
            switch (i) {
                case 0, 1 -> {
                    clinic.signed(id, decided.minus(Duration.ofHours(2)), "part171_exception", "171.202");
                    clinic.event(id, "letter.sent", decided.minus(Duration.ofHours(1)), "letterId",
                            UUID.randomUUID().toString(), "letterKind", "denial");
                }
                case 2 -> clinic.signed(id, decided.minus(Duration.ofHours(2)), "part171_exception", "171.204");
                case 3 -> clinic.signed(id, decided.minus(Duration.ofHours(2)), "required_by_law", null);
                default -> {
                    // A5: denied with no signed decision
                }
            }
            clinic.event(id, "request.status_changed", decided, "status", "denied");
            if (i == 0) {
                clinic.event(id, "clock.started", at, "clock", "internal_target", "dueAt",
                        at.plus(Duration.ofDays(400)).toString());
            }
        }
        clinic.event(null, "complaint.logged", Instant.parse("2026-08-20T15:00:00Z"), "complaintId",
                clinic.linkedComplaint.toString(), "complaintSource", "patient", "complaintStatus", "resolved",
                "outcome", "upheld", "linkedRequestId", clinic.attorneys.get(4));
        clinic.event(null, "complaint.logged", Instant.parse("2026-08-21T15:00:00Z"), "complaintId",
                clinic.unlinkedComplaint.toString(), "complaintSource", "hhs_ocr", "complaintStatus", "open");
        given().auth().oauth2(SERVICE).contentType("application/json").body(clinic.events)
                .when().post(reporting.baseUrl() + "/api/v1/events")
                .then().statusCode(200);
        return clinic;
    }

    private String log(IntakeService intake, String patient, String channel, String requesterType) {
        Map<String, Object> body = IntakeProbe.request("Dashboard " + patient, "Requester " + patient,
                Instant.now().minus(Duration.ofHours(1)));
        body.put("channel", channel);
        body.put("requesterType", requesterType);
        return IntakeProbe.log(intake, DemoUsers.SUNRISE_FRONT_DESK, body);
    }

    private void signed(String request, Instant at, String legalBasis, String exceptionCode) {
        if (exceptionCode == null) {
            event(request, "assessment.signed", at, "assessmentId", UUID.randomUUID().toString(), "verdict",
                    legalBasis, "practiceType", "deny", "legalBasis", legalBasis);
        } else {
            event(request, "assessment.signed", at, "assessmentId", UUID.randomUUID().toString(), "verdict",
                    "covered", "practiceType", "deny", "legalBasis", legalBasis, "exceptionCode", exceptionCode);
        }
    }

    private void event(String requestId, String type, Instant at, Object... keysAndValues) {
        boolean decision = type.startsWith("assessment.") || type.startsWith("letter.");
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("clinicId", "sunrise");
        event.put("requestId", requestId);
        event.put("sequence", decision ? ++decisionSequence : ++intakeSequence);
        event.put("type", type);
        event.put("occurredAt", at.toString());
        event.put("data", data);
        events.add(event);
    }
}
