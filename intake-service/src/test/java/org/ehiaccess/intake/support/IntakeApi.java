package org.ehiaccess.intake.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.platform.testing.ClinicTokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Shorthands for the intake API in tests: demo users' tokens and valid request bodies. */
public final class IntakeApi {

    public static final String SUNRISE_FRONT_DESK = ClinicTokens.demoUser("sunrise", "front-desk");
    public static final String SUNRISE_SUPERVISOR = ClinicTokens.demoUser("sunrise", "supervisor");
    public static final String SUNRISE_PRIVACY = ClinicTokens.demoUser("sunrise", "privacy-officer");
    public static final String SUNRISE_COMPLIANCE = ClinicTokens.demoUser("sunrise", "compliance-lead");
    public static final String SUNRISE_ADMIN = ClinicTokens.demoUser("sunrise", "clinic-admin");
    public static final String LAKESIDE_FRONT_DESK = ClinicTokens.demoUser("lakeside", "front-desk");
    public static final String LAKESIDE_SUPERVISOR = ClinicTokens.demoUser("lakeside", "supervisor");
    public static final String LAKESIDE_PRIVACY = ClinicTokens.demoUser("lakeside", "privacy-officer");
    public static final String LAKESIDE_ADMIN = ClinicTokens.demoUser("lakeside", "clinic-admin");

    private IntakeApi() {
    }

    /** A valid request body; names are made unique so tests can find their own rows. */
    public static Map<String, Object> request(String requesterName, String requesterType, Instant receivedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("receivedAt", receivedAt.toString());
        body.put("channel", "fax");
        body.put("requesterType", requesterType);
        body.put("requesterName", requesterName);
        body.put("patientName", "Pat " + requesterName);
        body.put("patientBirthDate", "1984-05-17");
        body.put("purpose", "individual_access");
        body.put("ehiClasses", new String[] { "lab_result", "clinical_note" });
        body.put("mannerRequested", "portal_view_download");
        return body;
    }

    public static Map<String, Object> request(String requesterName) {
        return request(requesterName, "patient", Instant.now().minus(1, ChronoUnit.HOURS));
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Logs a request and returns its id. */
    public static String log(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/requests").then().statusCode(201).extract().path("id");
    }

    public static Response get(String token, String id) {
        return as(token).get("/api/v1/requests/" + id);
    }

    /** The current ETag (version) of a request. */
    public static String etag(String token, String id) {
        return get(token, id).then().statusCode(200).extract().header("ETag");
    }
}
