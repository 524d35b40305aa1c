package org.ehiaccess.intake.complaint;

import static org.ehiaccess.intake.support.IntakeApi.LAKESIDE_FRONT_DESK;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_COMPLIANCE;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_FRONT_DESK;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_PRIVACY;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_SUPERVISOR;
import static org.ehiaccess.intake.support.IntakeApi.as;
import static org.ehiaccess.intake.support.IntakeApi.get;
import static org.ehiaccess.intake.support.IntakeApi.log;
import static org.ehiaccess.intake.support.IntakeApi.request;
import static org.ehiaccess.intake.support.IntakeApi.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DuplicatesAndComplaintsTest {

    @Test
    void aRepeatedRequestIsFlaggedForAPersonNeverMerged() {
        String requester = unique("Dup");
        Map<String, Object> first = request(requester, "patient", Instant.now().minus(20, ChronoUnit.DAYS));
        String original = log(SUNRISE_FRONT_DESK, first);
        Map<String, Object> again = request(requester, "patient", Instant.now().minus(1, ChronoUnit.HOURS));
        again.put("ehiClasses", new String[] { "lab_result" });   // overlaps
        again.put("requesterName", requester.toUpperCase());     // same requester, other spelling
        String repeat = log(SUNRISE_FRONT_DESK, again);

        String flagId = get(SUNRISE_FRONT_DESK, repeat).then()
                .body("possibleDuplicates", hasSize(1))
                .body("possibleDuplicates[0].duplicateOf", equalTo(original))
                .body("possibleDuplicates[0].status", equalTo("open"))
                .extract().path("possibleDuplicates[0].flagId");
        // both records stay
        get(SUNRISE_FRONT_DESK, original).then().statusCode(200);

        as(SUNRISE_FRONT_DESK).body(Map.of("decision", "dismissed"))
                .post("/api/v1/requests/" + repeat + "/duplicates/" + flagId).then().statusCode(200)
                .body("status", equalTo("dismissed")).body("decidedBy", equalTo("sunrise-frontdesk"));
        as(SUNRISE_FRONT_DESK).body(Map.of("decision", "confirmed"))
                .post("/api/v1/requests/" + repeat + "/duplicates/" + flagId).then().statusCode(409);
        as(SUNRISE_FRONT_DESK).get("/api/v1/requests/" + repeat + "/timeline").then()
                .body("kind", hasItem("duplicate_dismissed"));
    }

    @Test
    void notADuplicateWhenTheRequesterTheScopeOrTheWindowDiffers() {
        String requester = unique("NotDup");
        log(SUNRISE_FRONT_DESK, request(requester, "patient", Instant.now().minus(100, ChronoUnit.DAYS)));
        Map<String, Object> otherRequester = request(unique("Someone"), "patient", Instant.now());
        otherRequester.put("patientName", "Pat " + requester);
        Map<String, Object> otherScope = request(requester, "patient", Instant.now());
        otherScope.put("ehiClasses", new String[] { "billing" });
        Map<String, Object> outsideWindow = request(requester, "patient", Instant.now());
        for (Map<String, Object> body : List.of(otherRequester, otherScope, outsideWindow)) {
            String id = log(SUNRISE_FRONT_DESK, body);
            get(SUNRISE_FRONT_DESK, id).then().body("possibleDuplicates", hasSize(0));
        }
    }

    @Test
    void aDuplicateInAnotherClinicIsNotADuplicate() {
        String requester = unique("CrossClinic");
        log(LAKESIDE_FRONT_DESK, request(requester));
        String id = log(SUNRISE_FRONT_DESK, request(requester));
        get(SUNRISE_FRONT_DESK, id).then().body("possibleDuplicates", hasSize(0));
    }

    @Test
    void complaintsAreLoggedLinkedAndResolved() {
        String requestId = log(SUNRISE_FRONT_DESK, request(unique("Complained")));
        Map<String, Object> complaint = Map.of(
                "receivedOn", LocalDate.now().minusDays(1).toString(),
                "source", "patient",
                "sourceName", "the patient",
                "allegation", "My records request was ignored for six weeks",
                "requestIds", List.of(requestId));
        String key = UUID.randomUUID().toString();
        String id = as(SUNRISE_FRONT_DESK).header("Idempotency-Key", key).body(complaint)
                .post("/api/v1/complaints").then().statusCode(201)
                .body("status", equalTo("open")).body("requestIds", equalTo(List.of(requestId)))
                .extract().path("id");
        // a retry creates nothing
        as(SUNRISE_FRONT_DESK).header("Idempotency-Key", key).body(complaint)
                .post("/api/v1/complaints").then().statusCode(201).body("id", equalTo(id));
        as(SUNRISE_FRONT_DESK).get("/api/v1/requests/" + requestId + "/timeline").then()
                .body("kind", hasItem("complaint_linked"));

        String etag = as(SUNRISE_PRIVACY).get("/api/v1/complaints/" + id).then().extract().header("ETag");
        Map<String, Object> resolvedWithoutSaying = new java.util.HashMap<>(complaint);
        resolvedWithoutSaying.put("status", "resolved");
        as(SUNRISE_COMPLIANCE).header("If-Match", etag).body(resolvedWithoutSaying).put("/api/v1/complaints/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("resolution"));
        Map<String, Object> resolved = new java.util.HashMap<>(resolvedWithoutSaying);
        resolved.put("resolution", "Records sent; staff retrained on the fax inbox");
        // the compliance lead and the privacy officer work complaints; a supervisor reads them
        as(SUNRISE_SUPERVISOR).header("If-Match", etag).body(resolved).put("/api/v1/complaints/" + id)
                .then().statusCode(403);
        as(SUNRISE_COMPLIANCE).header("If-Match", etag).body(resolved).put("/api/v1/complaints/" + id)
                .then().statusCode(200).body("status", equalTo("resolved"));
        // the stale version is refused
        as(SUNRISE_COMPLIANCE).header("If-Match", etag).body(resolved).put("/api/v1/complaints/" + id)
                .then().statusCode(409);
        as(SUNRISE_COMPLIANCE).get("/api/v1/complaints/" + id + "/audit").then()
                .body("action", equalTo(List.of("logged", "updated")))
                .body("[1].afterValue", org.hamcrest.Matchers.containsString("\"status\":\"resolved\""));
        as(SUNRISE_COMPLIANCE).queryParam("status", "resolved").get("/api/v1/complaints").then()
                .body("id", hasItem(id));
        // another clinic sees nothing
        as(LAKESIDE_FRONT_DESK).get("/api/v1/complaints/" + id).then().statusCode(404);
        as(LAKESIDE_FRONT_DESK).get("/api/v1/complaints").then().body("id", not(hasItem(id)));
    }

    @Test
    void aComplaintCannotLinkAnotherClinicsRequest() {
        String lakesideRequest = log(LAKESIDE_FRONT_DESK, request(unique("Theirs")));
        as(SUNRISE_FRONT_DESK).body(Map.of("receivedOn", LocalDate.now().toString(), "source", "hhs_ocr",
                "allegation", "x", "requestIds", List.of(lakesideRequest)))
                .post("/api/v1/complaints").then().statusCode(400).body("errors[0].field", equalTo("requestIds"));
        as(SUNRISE_FRONT_DESK).body(Map.of("receivedOn", LocalDate.now().plusDays(3).toString(), "source", "nobody",
                "allegation", " "))
                .post("/api/v1/complaints").then().statusCode(400);
    }
}
