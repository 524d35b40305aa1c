package org.ehiaccess.decision.support;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.platform.testing.ClinicTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Shorthands for the decision API in tests: demo users' tokens and case bodies. */
public final class DecisionApi {

    public static final String SUNRISE_PRIVACY = ClinicTokens.demoUser("sunrise", "privacy-officer");
    public static final String SUNRISE_CLINICIAN = ClinicTokens.demoUser("sunrise", "clinician");
    public static final String SUNRISE_FRONT_DESK = ClinicTokens.demoUser("sunrise", "front-desk");
    public static final String SUNRISE_SUPERVISOR = ClinicTokens.demoUser("sunrise", "supervisor");
    public static final String SUNRISE_ADMIN = ClinicTokens.demoUser("sunrise", "clinic-admin");
    public static final String LAKESIDE_PRIVACY = ClinicTokens.demoUser("lakeside", "privacy-officer");
    public static final String PLATFORM_ADMIN = ClinicTokens.accessToken("operator", "sunrise", "platform-admin");

    public static final List<String> STAFF_ROLES = List.of("front-desk", "clinician", "privacy-officer", "supervisor",
            "compliance-lead", "clinic-admin");

    private DecisionApi() {
    }

    public static RequestSpecification as(String token) {
        TestClinic.knowDecisionService();
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** IN-01 of the public scenarios: hurricane outage, written reasons in 3 business days. */
    public static Map<String, Object> hurricaneCase() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("request.received_date", "2026-03-02");
        facts.put("infeasibility.condition", "uncontrollable_event");
        facts.put("infeasibility.event_caused_inability", true);
        facts.put("infeasibility.written_notice_sent", true);
        facts.put("infeasibility.written_notice_date", "2026-03-05");
        facts.put("infeasibility.written_notice_states_reasons", true);
        return body(Map.of("type", "delay", "claimed_basis", "infeasibility", "motive", List.of("downtime")), facts);
    }

    /** FE-04: records withheld until an unpaid balance is paid. */
    public static Map<String, Object> unpaidBalanceCase() {
        return body(Map.of("type", "deny", "claimed_basis", "none", "motive", List.of("unpaid_balance")),
                Map.of("request.requester_type", "patient", "request.purpose", "individual_access"));
    }

    public static Map<String, Object> body(Map<String, Object> practice, Map<String, Object> facts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("practice", practice);
        body.put("facts", facts);
        return body;
    }
}
