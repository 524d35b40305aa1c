package org.ehiaccess.intake.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.ehiaccess.platform.testing.ClinicTokens;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The clinic's patient index: requests link to a patient by MRN or by the index's id (issue 4, items 1 and 9). */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PatientIndexTest {

    static final String SUNRISE = ClinicTokens.demoUser("sunrise", "front-desk");
    static final String LAKESIDE = ClinicTokens.demoUser("lakeside", "front-desk");

    @Inject
    AgroalDataSource dataSource;

    static Map<String, Object> request(String patientName, String birthDate, String mrn) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "receivedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "channel", "portal",
                "requesterType", "patient",
                "requesterName", patientName,
                "patientName", patientName,
                "patientBirthDate", birthDate,
                "ehiClasses", new String[] { "lab_result" }));
        if (mrn != null) {
            body.put("patientMrn", mrn);
        }
        return body;
    }

    static Response post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/requests");
    }

    long count(String sql, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void anMrnAddsThePatientOnceAndLinksEveryLaterRequest() throws Exception {
        String mrn = "MRN-" + UUID.randomUUID();
        String patientId = post(SUNRISE, request("Ada Byrne", "1961-02-03", mrn)).then().statusCode(201)
                .body("patientMrn", equalTo(mrn)).extract().path("patientId");
        post(SUNRISE, request("Ada Byrne", "1961-02-03", "  " + mrn + " ")).then().statusCode(201)
                .body("patientId", equalTo(patientId));
        assertEquals(1, count("select count(*) from patient where mrn = ?", mrn));

        // naming the patient by the index's id takes the index's name, birth date and MRN
        Map<String, Object> byId = request("typed differently", "2000-01-01", null);
        byId.put("patientId", patientId);
        post(SUNRISE, byId).then().statusCode(201)
                .body("patientId", equalTo(patientId))
                .body("patientName", equalTo("Ada Byrne"))
                .body("patientBirthDate", equalTo("1961-02-03"))
                .body("patientMrn", equalTo(mrn));
    }

    @Test
    void anMrnWithAnotherBirthDateIsRefusedAndNothingIsSaved() throws Exception {
        String mrn = "MRN-" + UUID.randomUUID();
        post(SUNRISE, request("Ben Ortiz", "1970-07-07", mrn)).then().statusCode(201);
        long requests = count("select count(*) from ehi_request");

        post(SUNRISE, request("Ben Ortiz", "1970-07-08", mrn)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("patientMrn"));
        assertEquals(requests, count("select count(*) from ehi_request"));
    }

    @Test
    void anotherClinicsPatientIdIsRefusedByName() throws Exception {
        String lakesidePatient = post(LAKESIDE, request("Cora Lee", "1990-09-09", "MRN-" + UUID.randomUUID()))
                .then().statusCode(201).extract().path("patientId");
        long requests = count("select count(*) from ehi_request");

        Map<String, Object> body = request("Cora Lee", "1990-09-09", null);
        body.put("patientId", lakesidePatient);
        post(SUNRISE, body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("patientId"));
        assertEquals(requests, count("select count(*) from ehi_request"));
    }

    /**
     * Two people log requests for the same new patient at the same moment. Made deterministic: this
     * test's own transaction adds the MRN and holds it uncommitted while the API call arrives, so the
     * call must wait for it and then use that patient (a plain insert would fail on the unique key).
     */
    @Test
    void twoRequestsForTheSameNewMrnAtOnceShareOnePatient() throws Exception {
        String mrn = "MRN-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("""
                    insert into patient (id, clinic_id, mrn, name, birth_date, created_at, version)
                    values (?, 'sunrise', ?, 'Dee Park', ?, now(), 0)""")) {
                insert.setObject(1, first);
                insert.setString(2, mrn);
                insert.setObject(3, LocalDate.of(1955, 5, 5));
                insert.executeUpdate();
            }
            CompletableFuture<Response> call = CompletableFuture.supplyAsync(
                    () -> post(SUNRISE, request("Dee Park", "1955-05-05", mrn)));
            // wait until the API's transaction is blocked on this one's uncommitted patient
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'") == 0) {
                assertTrue(System.nanoTime() < deadline, "the API call never waited for the other transaction");
                Thread.sleep(20);
            }
            other.commit();

            Response response = call.get(30, TimeUnit.SECONDS);
            assertEquals(201, response.statusCode(), response.asString());
            assertEquals(first.toString(), response.path("patientId"));
        }
        assertEquals(1, count("select count(*) from patient where mrn = ?", mrn));
    }
}
