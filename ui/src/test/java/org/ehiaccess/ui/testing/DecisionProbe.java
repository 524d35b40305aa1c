package org.ehiaccess.ui.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

/** Reads decision-service's API straight, as a clinic's user: what the UI saved, and whether the API refuses. */
public final class DecisionProbe {

    private DecisionProbe() {
    }

    /** Every assessment version of a request, oldest first. */
    public static List<Map<String, Object>> assessments(DecisionService decision, DemoUsers.DemoUser user, String requestId) {
        return given().auth().oauth2(user.accessToken())
                .when().get(decision.baseUrl() + "/api/v1/requests/" + requestId + "/assessments")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    /** The status decision-service answers when {@code user} tries to sign the assessment. */
    public static int signStatus(DecisionService decision, DemoUsers.DemoUser user, String requestId, String assessmentId) {
        return given().auth().oauth2(user.accessToken()).contentType("application/json")
                .when().post(decision.baseUrl() + "/api/v1/requests/" + requestId + "/assessments/" + assessmentId + "/signature")
                .then().extract().statusCode();
    }

    /** Keeps a case as the request's next assessment and signs it, as {@code user}; returns the assessment's id. */
    public static String createSigned(DecisionService decision, DemoUsers.DemoUser user, String requestId,
            Map<String, Object> body) {
        io.restassured.response.Response created = given().auth().oauth2(user.accessToken()).contentType("application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(body)
                .when().post(decision.baseUrl() + "/api/v1/requests/" + requestId + "/assessments")
                .then().statusCode(201).extract().response();
        String id = created.jsonPath().getString("id");
        given().auth().oauth2(user.accessToken()).contentType("application/json")
                .header("If-Match", created.header("ETag"))
                .when().post(decision.baseUrl() + "/api/v1/requests/" + requestId + "/assessments/" + id + "/signature")
                .then().statusCode(200);
        return id;
    }

    /** The clinic's Denial Reason Matrix rows as decision-service returns them. */
    public static List<Map<String, Object>> matrixRows(DecisionService decision, DemoUsers.DemoUser user) {
        return given().auth().oauth2(user.accessToken())
                .when().get(decision.baseUrl() + "/api/v1/denial-reasons")
                .then().statusCode(200)
                .extract().jsonPath().getList("rows");
    }

    /** Whether decision-service offers the letters API (it is being built beside this UI). */
    public static boolean offersLetters(DecisionService decision, DemoUsers.DemoUser user, String requestId) {
        int status = given().auth().oauth2(user.accessToken())
                .when().get(decision.baseUrl() + "/api/v1/requests/" + requestId + "/letters")
                .then().extract().statusCode();
        return status == 200;
    }

    /** Keeps a case as the request's next assessment, as {@code user}, without signing it; returns {id, etag}. */
    public static String[] create(DecisionService decision, DemoUsers.DemoUser user, String requestId,
            Map<String, Object> body) {
        io.restassured.response.Response created = given().auth().oauth2(user.accessToken()).contentType("application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(body)
                .when().post(decision.baseUrl() + "/api/v1/requests/" + requestId + "/assessments")
                .then().statusCode(201).extract().response();
        return new String[] { created.jsonPath().getString("id"), created.header("ETag") };
    }

    /** Answers an unsigned assessment's questions anew, as {@code user}; returns its new ETag. */
    public static String update(DecisionService decision, DemoUsers.DemoUser user, String requestId, String id,
            String etag, Map<String, Object> body) {
        return given().auth().oauth2(user.accessToken()).contentType("application/json").header("If-Match", etag)
                .body(body)
                .when().put(decision.baseUrl() + "/api/v1/requests/" + requestId + "/assessments/" + id)
                .then().statusCode(200).extract().header("ETag");
    }

    /** Signs an assessment as {@code user}. */
    public static void sign(DecisionService decision, DemoUsers.DemoUser user, String requestId, String id, String etag) {
        given().auth().oauth2(user.accessToken()).contentType("application/json").header("If-Match", etag)
                .when().post(decision.baseUrl() + "/api/v1/requests/" + requestId + "/assessments/" + id + "/signature")
                .then().statusCode(200);
    }

    /** Records, as {@code user}, that the individual asked for a review of the decision. */
    public static void requestReview(DecisionService decision, DemoUsers.DemoUser user, String requestId, String id) {
        given().auth().oauth2(user.accessToken()).contentType("application/json").body(Map.of())
                .when().post(decision.baseUrl() + "/api/v1/requests/" + requestId + "/assessments/" + id + "/review-request")
                .then().statusCode(201);
    }

    /** Decides the review as {@code user}. */
    public static void review(DecisionService decision, DemoUsers.DemoUser user, String requestId, String id,
            String outcome, String reasons) {
        given().auth().oauth2(user.accessToken()).contentType("application/json")
                .body(Map.of("outcome", outcome, "reasons", reasons))
                .when().post(decision.baseUrl() + "/api/v1/requests/" + requestId + "/assessments/" + id + "/review")
                .then().statusCode(200);
    }

    /** decision-service's guidance for a decision, as {@code user} reads it. */
    public static Map<String, Object> guidance(DecisionService decision, DemoUsers.DemoUser user, String requestId,
            String id) {
        return given().auth().oauth2(user.accessToken())
                .when().get(decision.baseUrl() + "/api/v1/requests/" + requestId + "/assessments/" + id + "/guidance")
                .then().statusCode(200).extract().jsonPath().getMap("$");
    }
}
