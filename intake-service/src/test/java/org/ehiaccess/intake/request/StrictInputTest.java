package org.ehiaccess.intake.request;

import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_ADMIN;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_FRONT_DESK;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_PRIVACY;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_SUPERVISOR;
import static org.ehiaccess.intake.support.IntakeApi.as;
import static org.ehiaccess.intake.support.IntakeApi.etag;
import static org.ehiaccess.intake.support.IntakeApi.log;
import static org.ehiaccess.intake.support.IntakeApi.request;
import static org.ehiaccess.intake.support.IntakeApi.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import org.ehiaccess.intake.settings.SettingsAndRetentionTest;

/**
 * Strict input (issue 11, items 2, 4 and 5): each lax or unstorable input found by probing answers 400
 * naming its field (or 415 for a body that is not JSON), and nothing is stored.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class StrictInputTest {

    static final String NUL = "a\u0000b";

    @Inject
    EntityManager em;

    @TestHTTPResource("/api/v1/requests")
    URI requestsUri;

    long rows(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }

    static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(ProblemType.INVALID_INPUT.uri()))
                .body("errors[0].field", equalTo(field));
    }

    Map<String, Object> newRequest(String field, Object value) {
        Map<String, Object> body = new HashMap<>(request(unique("Strict")));
        body.put(field, value);
        return body;
    }

    void createRefused(Map<String, Object> body, String field) {
        long before = rows("ehi_request");
        refused(as(SUNRISE_FRONT_DESK).body(body).post("/api/v1/requests").then(), field);
        assertEquals(before, rows("ehi_request"), "nothing stored for a refused " + field);
    }

    @Test
    void nulInAnyTextOfANewRequestIsRefusedNamingTheField() {
        for (String field : List.of("requesterName", "requesterOrganization", "requesterContact", "patientName",
                "patientMrn", "notes", "assignee")) {
            createRefused(newRequest(field, NUL), field);
        }
    }

    @Test
    void nulInLifecycleBodiesIsRefusedAndChangesNothing() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("StrictLife")));
        String version = etag(SUNRISE_FRONT_DESK, id);
        int timeline = as(SUNRISE_FRONT_DESK).get("/api/v1/requests/" + id + "/timeline").then().statusCode(200)
                .extract().path("size()");

        refused(as(SUNRISE_FRONT_DESK).body(Map.of("text", NUL)).post("/api/v1/requests/" + id + "/notes").then(),
                "text");
        refused(as(SUNRISE_SUPERVISOR).header("If-Match", version).body(Map.of("assignee", NUL))
                .post("/api/v1/requests/" + id + "/assignment").then(), "assignee");
        refused(as(SUNRISE_FRONT_DESK).header("If-Match", version)
                .body(Map.of("status", "waiting_on_requester", "waitingFor", NUL))
                .post("/api/v1/requests/" + id + "/status").then(), "waitingFor");
        refused(as(SUNRISE_FRONT_DESK).header("If-Match", version).body(Map.of("status", "triaged", "note", NUL))
                .post("/api/v1/requests/" + id + "/status").then(), "note");
        refused(as(SUNRISE_SUPERVISOR).header("If-Match", version)
                .body(Map.of("noticeSentOn", LocalDate.now().toString(), "reasons", NUL,
                        "expectedActionDate", LocalDate.now().plusDays(20).toString()))
                .post("/api/v1/requests/" + id + "/extension").then(), "reasons");
        Map<String, Object> edit = newRequest("requesterName", NUL);
        refused(as(SUNRISE_FRONT_DESK).header("If-Match", version).body(edit).put("/api/v1/requests/" + id).then(),
                "requesterName");

        assertEquals(version, etag(SUNRISE_FRONT_DESK, id), "the request did not change");
        as(SUNRISE_FRONT_DESK).get("/api/v1/requests/" + id + "/timeline").then().body("size()", equalTo(timeline));
    }

    @Test
    void nulInComplaintsAndSettingsIsRefused() {
        long complaints = rows("complaint");
        for (String field : List.of("sourceName", "allegation", "resolution")) {
            Map<String, Object> complaint = new HashMap<>(Map.of("receivedOn", LocalDate.now().toString(),
                    "source", "patient", "sourceName", "the patient", "allegation", "ignored"));
            complaint.put(field, NUL);
            refused(as(SUNRISE_PRIVACY).body(complaint).post("/api/v1/complaints").then(), field);
        }
        assertEquals(complaints, rows("complaint"));

        String version = as(SUNRISE_ADMIN).get("/api/v1/settings").then().extract().header("ETag");
        refused(as(SUNRISE_ADMIN).header("If-Match", version)
                .body(Map.of("timeZone", NUL, "closures", List.of(), "responsePolicy", SettingsAndRetentionTest.policy(3)))
                .put("/api/v1/settings").then(), "timeZone");
        assertEquals(version, as(SUNRISE_ADMIN).get("/api/v1/settings").then().extract().header("ETag"));
    }

    @Test
    void nulInQueryAndPathParametersIsRefusedNamingTheParameter() {
        refused(as(SUNRISE_FRONT_DESK).urlEncodingEnabled(false).get("/api/v1/requests?assignee=%00").then(),
                "assignee");
        refused(as(SUNRISE_FRONT_DESK).urlEncodingEnabled(false).get("/api/v1/requests?q=ab%00cd").then(), "q");
        refused(as(SUNRISE_PRIVACY).urlEncodingEnabled(false).get("/api/v1/complaints?status=%00").then(), "status");
        refused(as(SUNRISE_FRONT_DESK).urlEncodingEnabled(false).get("/api/v1/requests/%00").then(), "id");
    }

    @Test
    void laxValuesAreRefusedRatherThanConverted() {
        // an enum's position is not a value (7 used to become "denied")
        createRefused(newRequest("channel", 1), "channel");
        String id = log(SUNRISE_FRONT_DESK, request(unique("StrictEnum")));
        String version = etag(SUNRISE_FRONT_DESK, id);
        refused(as(SUNRISE_FRONT_DESK).header("If-Match", version).body(Map.of("status", 7))
                .post("/api/v1/requests/" + id + "/status").then(), "status");
        assertEquals(version, etag(SUNRISE_FRONT_DESK, id));
        // numbers and booleans are not text
        createRefused(newRequest("requesterName", 123), "requesterName");
        createRefused(newRequest("notes", true), "notes");
        // nor text a boolean
        createRefused(newRequest("allEhi", "true"), "allEhi");
    }

    @Test
    void trailingGarbageAfterTheBodyIsRefused() throws Exception {
        long before = rows("ehi_request");
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(request(unique("Trailing")));
        as(SUNRISE_FRONT_DESK).body(json + " {\"x\":1}").post("/api/v1/requests").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(ProblemType.INVALID_INPUT.uri()));
        as(SUNRISE_FRONT_DESK).body(json + "garbage").post("/api/v1/requests").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(before, rows("ehi_request"));
    }

    @Test
    void aBodyWithoutContentTypeOrNotJsonIs415() throws Exception {
        long before = rows("ehi_request");
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(request(unique("NoType")));
        HttpResponse<String> untyped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(requestsUri)
                .header("Authorization", "Bearer " + SUNRISE_FRONT_DESK)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, untyped.statusCode(), untyped.body());
        assertEquals("application/problem+json", untyped.headers().firstValue("Content-Type").orElse(""));
        org.junit.jupiter.api.Assertions.assertTrue(untyped.body().contains(ProblemType.UNSUPPORTED_MEDIA_TYPE.uri()));

        as(SUNRISE_FRONT_DESK).contentType("text/plain").body(json).post("/api/v1/requests").then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemType.UNSUPPORTED_MEDIA_TYPE.uri()));
        assertEquals(before, rows("ehi_request"));
    }

    @Test
    void datesOutsideASensibleRangeAreRefusedNamingTheField() {
        createRefused(newRequest("recordsFrom", "-0001-01-01"), "recordsFrom");
        createRefused(newRequest("recordsTo", "+99999-01-01"), "recordsTo");
        createRefused(newRequest("recordsTo", LocalDate.now().plusYears(11).toString()), "recordsTo");
        createRefused(newRequest("patientBirthDate", "1899-12-31"), "patientBirthDate");
        createRefused(newRequest("receivedAt", 1700000000), "receivedAt");
        createRefused(newRequest("recordsFrom", 20200101), "recordsFrom");
        createRefused(newRequest("receivedAt", "-999999999-01-01T00:00:00Z"), "receivedAt");

        String id = log(SUNRISE_FRONT_DESK, request(unique("StrictDates"), "personal_representative",
                java.time.Instant.now().minusSeconds(3600)));
        String version = etag(SUNRISE_FRONT_DESK, id);
        refused(as(SUNRISE_FRONT_DESK).header("If-Match", version)
                .body(Map.of("subject", "authority", "method", "legal_document_on_file",
                        "verifiedAt", "-999999999-01-01T00:00:00Z"))
                .post("/api/v1/requests/" + id + "/verification").then(), "verifiedAt");
        assertEquals(version, etag(SUNRISE_FRONT_DESK, id));

        String settings = as(SUNRISE_ADMIN).get("/api/v1/settings").then().extract().header("ETag");
        as(SUNRISE_ADMIN).header("If-Match", settings)
                .body(Map.of("timeZone", "America/New_York", "closures", List.of("+99999-12-24"),
                        "responsePolicy", SettingsAndRetentionTest.policy(3)))
                .put("/api/v1/settings").then().statusCode(400).body("errors[0].field", startsWith("closures"));
        assertEquals(settings, as(SUNRISE_ADMIN).get("/api/v1/settings").then().extract().header("ETag"));
    }

    @Test
    void numbersTooLargeAndNullElementsNameTheirField() {
        String settings = as(SUNRISE_ADMIN).get("/api/v1/settings").then().extract().header("ETag");
        Map<String, Object> policy = new HashMap<>(SettingsAndRetentionTest.policy(3));
        policy.put("defaultInternalTarget", Map.of("amount", 3_000_000_000L, "unit", "business_days"));
        refused(as(SUNRISE_ADMIN).header("If-Match", settings)
                .body(Map.of("timeZone", "America/New_York", "closures", List.of(), "responsePolicy", policy))
                .put("/api/v1/settings").then(), "responsePolicy.defaultInternalTarget.amount");
        policy = new HashMap<>(SettingsAndRetentionTest.policy(3));
        policy.put("alertThresholds", List.of(50, 99_999_999_999L));
        refused(as(SUNRISE_ADMIN).header("If-Match", settings)
                .body(Map.of("timeZone", "America/New_York", "closures", List.of(), "responsePolicy", policy))
                .put("/api/v1/settings").then(), "responsePolicy.alertThresholds[1]");
        policy = new HashMap<>(SettingsAndRetentionTest.policy(3));
        policy.put("alertThresholds", java.util.Arrays.asList(50, null));
        refused(as(SUNRISE_ADMIN).header("If-Match", settings)
                .body(Map.of("timeZone", "America/New_York", "closures", List.of(), "responsePolicy", policy))
                .put("/api/v1/settings").then(), "responsePolicy.alertThresholds[1]");
        assertEquals(settings, as(SUNRISE_ADMIN).get("/api/v1/settings").then().extract().header("ETag"));
    }

    /** Intake's bodies have no free-form JSON, so a deep value is refused at its field's type (decision's facts hit the depth bound). */
    @Test
    void deepNestingIsRefusedNamingTheOutermostField() {
        long before = rows("ehi_request");
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String body = "{\"requesterName\":" + deep + ",\"receivedAt\":\"2026-01-01T00:00:00Z\"}";
        refused(as(SUNRISE_FRONT_DESK).body(body).post("/api/v1/requests").then(), "requesterName");
        assertEquals(before, rows("ehi_request"));
    }

    @Test
    void aQueryParameterThatDoesNotConvertIs400NamingIt() {
        refused(as(SUNRISE_SUPERVISOR).get("/api/v1/alerts?limit=abc").then(), "limit");
        refused(as(SUNRISE_SUPERVISOR).get("/api/v1/alerts?limit=99999999999").then(), "limit");
        refused(as(SUNRISE_SUPERVISOR).get("/api/v1/alerts?limit=0").then(), "limit");
        as(SUNRISE_SUPERVISOR).get("/api/v1/alerts?limit=5").then().statusCode(200);
        // a path that is not an id is still simply not found
        as(SUNRISE_FRONT_DESK).get("/api/v1/requests/not-an-id").then().statusCode(404)
                .body("type", equalTo(ProblemType.NOT_FOUND.uri()));
    }
}
