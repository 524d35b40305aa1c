package org.ehiaccess.intake.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ehiaccess.platform.testing.ClinicTokens;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RequestResourceTest {

    static final String SUNRISE_FRONT_DESK = ClinicTokens.demoUser("sunrise", "front-desk");
    static final String LAKESIDE_FRONT_DESK = ClinicTokens.demoUser("lakeside", "front-desk");

    @Inject
    EntityManager em;

    static Map<String, Object> validRequest() {
        return Map.of(
                "receivedAt", Instant.now().minus(2, ChronoUnit.HOURS).toString(),
                "channel", "fax",
                "requesterType", "patient",
                "requesterName", "Maria Lopez",
                "patientName", "Maria Lopez",
                "patientBirthDate", "1984-05-17",
                "purpose", "individual_access",
                "ehiClasses", new String[] { "lab_result", "clinical_note" },
                "mannerRequested", "portal_view_download");
    }

    long requestRows() {
        return ((Number) em.createNativeQuery("select count(*) from ehi_request").getSingleResult()).longValue();
    }

    String create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/requests")
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void loggedRequestIsReadableByItsClinicOnly() {
        String id = given().auth().oauth2(SUNRISE_FRONT_DESK).contentType(ContentType.JSON).body(validRequest())
                .when().post("/api/v1/requests")
                .then().statusCode(201)
                .body("status", equalTo("received"))
                .body("createdBy", equalTo("sunrise-frontdesk"))
                .body("ehiClasses", containsInAnyOrder("lab_result", "clinical_note"))
                .extract().path("id");

        given().auth().oauth2(SUNRISE_FRONT_DESK).get("/api/v1/requests/" + id)
                .then().statusCode(200).body("patientName", equalTo("Maria Lopez"));

        // another clinic can neither read it nor see it in its log
        given().auth().oauth2(LAKESIDE_FRONT_DESK).get("/api/v1/requests/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(LAKESIDE_FRONT_DESK).get("/api/v1/requests")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(SUNRISE_FRONT_DESK).get("/api/v1/requests")
                .then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void locationPointsAtTheRecord() {
        String location = given().auth().oauth2(SUNRISE_FRONT_DESK).contentType(ContentType.JSON).body(validRequest())
                .when().post("/api/v1/requests")
                .then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(SUNRISE_FRONT_DESK).get(location).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void retryWithTheSameIdempotencyKeyCreatesNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = validRequest();
        String first = given().auth().oauth2(SUNRISE_FRONT_DESK).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        long rows = requestRows();

        String retry = given().auth().oauth2(SUNRISE_FRONT_DESK).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");

        assertEquals(first, retry);
        assertEquals(rows, requestRows());
    }

    @Test
    void reusedKeyWithADifferentBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(SUNRISE_FRONT_DESK).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(validRequest())
                .post("/api/v1/requests").then().statusCode(201);
        Map<String, Object> other = new java.util.HashMap<>(validRequest());
        other.put("patientName", "Someone Else");
        given().auth().oauth2(SUNRISE_FRONT_DESK).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(other)
                .post("/api/v1/requests").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void theSameKeyInAnotherClinicIsAnotherRequest() {
        String key = UUID.randomUUID().toString();
        String sunrise = given().auth().oauth2(SUNRISE_FRONT_DESK).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(validRequest())
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        String lakeside = given().auth().oauth2(LAKESIDE_FRONT_DESK).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(validRequest())
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(sunrise, lakeside);
    }

    @Test
    void badInputNamesEachFieldAndSavesNothing() {
        long rows = requestRows();
        Map<String, Object> body = new java.util.HashMap<>(validRequest());
        body.put("receivedAt", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        body.put("requesterName", " ");
        body.remove("patientName");
        body.put("ehiClasses", new String[0]);

        given().auth().oauth2(SUNRISE_FRONT_DESK).contentType(ContentType.JSON).body(body)
                .post("/api/v1/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("receivedAt", "requesterName", "patientName", "ehiClasses"));
        assertEquals(rows, requestRows());
    }

    @Test
    void unknownEnumValueNamesTheField() {
        Map<String, Object> body = new java.util.HashMap<>(validRequest());
        body.put("channel", "carrier_pigeon");
        given().auth().oauth2(SUNRISE_FRONT_DESK).contentType(ContentType.JSON).body(body)
                .post("/api/v1/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"));
    }

    @Test
    void malformedDateNamesTheField() {
        Map<String, Object> body = new java.util.HashMap<>(validRequest());
        body.put("patientBirthDate", "1984-02-31");
        given().auth().oauth2(SUNRISE_FRONT_DESK).contentType(ContentType.JSON).body(body)
                .post("/api/v1/requests")
                .then().statusCode(400).body("errors[0].field", equalTo("patientBirthDate"));
    }

    @Test
    void anonymousCallersAreRefused() {
        given().contentType(ContentType.JSON).body(validRequest()).post("/api/v1/requests").then().statusCode(401);
        given().get("/api/v1/requests").then().statusCode(401);
    }

    @Test
    void theHostingOperatorCannotReadClinicalData() {
        String operator = ClinicTokens.accessToken("ops", "sunrise", "platform-admin");
        given().auth().oauth2(operator).get("/api/v1/requests").then().statusCode(403);
    }
}
