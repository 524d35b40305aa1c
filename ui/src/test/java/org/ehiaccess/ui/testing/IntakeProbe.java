package org.ehiaccess.ui.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads and writes the request log straight through intake-service's API, as a clinic's user. */
public final class IntakeProbe {

    private IntakeProbe() {
    }

    /** The clinic's requests (newest first) as the API returns them. */
    public static List<Map<String, Object>> requests(IntakeService intake, DemoUsers.DemoUser user) {
        return given().auth().oauth2(user.accessToken())
                .when().get(intake.baseUrl() + "/api/v1/requests?limit=500")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    /** How many of the clinic's requests are for {@code patientName}. */
    public static long countFor(IntakeService intake, DemoUsers.DemoUser user, String patientName) {
        return requests(intake, user).stream().filter(r -> patientName.equals(r.get("patientName"))).count();
    }

    /** A complete request body, received at {@code receivedAt}; change what the test needs. */
    public static Map<String, Object> request(String patientName, String requesterName, Instant receivedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("receivedAt", receivedAt.toString());
        body.put("channel", "fax");
        body.put("requesterType", "patient");
        body.put("requesterName", requesterName);
        body.put("patientName", patientName);
        body.put("patientBirthDate", "1970-03-04");
        body.put("ehiClasses", List.of("lab_result"));
        body.put("purpose", "individual_access");
        return body;
    }

    /** Logs a request through the API; returns its id. */
    public static String log(IntakeService intake, DemoUsers.DemoUser user, Map<String, Object> body) {
        return given().auth().oauth2(user.accessToken()).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body)
                .when().post(intake.baseUrl() + "/api/v1/requests")
                .then().statusCode(201)
                .extract().jsonPath().getString("id");
    }

    /** One request as the API returns it (with clocks, duplicates and version). */
    public static Map<String, Object> get(IntakeService intake, DemoUsers.DemoUser user, String id) {
        return given().auth().oauth2(user.accessToken())
                .when().get(intake.baseUrl() + "/api/v1/requests/" + id)
                .then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    /** Assigns the request at its current version, as another person would meanwhile. */
    public static void assign(IntakeService intake, DemoUsers.DemoUser user, String id, String assignee) {
        Object version = get(intake, user, id).get("version");
        given().auth().oauth2(user.accessToken()).contentType("application/json")
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of("assignee", assignee))
                .when().post(intake.baseUrl() + "/api/v1/requests/" + id + "/assignment")
                .then().statusCode(200);
    }

    /** Moves the request to {@code status} (one that needs no more details, e.g. triaged). */
    public static void changeStatus(IntakeService intake, DemoUsers.DemoUser user, String id, String status) {
        Object version = get(intake, user, id).get("version");
        given().auth().oauth2(user.accessToken()).contentType("application/json")
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of("status", status))
                .when().post(intake.baseUrl() + "/api/v1/requests/" + id + "/status")
                .then().statusCode(200);
    }

    /** The request's timeline kinds and details, oldest first. */
    public static List<Map<String, Object>> timeline(IntakeService intake, DemoUsers.DemoUser user, String id) {
        return given().auth().oauth2(user.accessToken())
                .when().get(intake.baseUrl() + "/api/v1/requests/" + id + "/timeline")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
    }
}
