package org.ehiaccess.intake.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ehiaccess.intake.support.IntakeApi.LAKESIDE_FRONT_DESK;
import static org.ehiaccess.intake.support.IntakeApi.LAKESIDE_PRIVACY;
import static org.ehiaccess.intake.support.IntakeApi.LAKESIDE_SUPERVISOR;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_COMPLIANCE;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_FRONT_DESK;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_PRIVACY;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_SUPERVISOR;
import static org.ehiaccess.intake.support.IntakeApi.as;
import static org.ehiaccess.intake.support.IntakeApi.etag;
import static org.ehiaccess.intake.support.IntakeApi.get;
import static org.ehiaccess.intake.support.IntakeApi.log;
import static org.ehiaccess.intake.support.IntakeApi.request;
import static org.ehiaccess.intake.support.IntakeApi.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RequestLifecycleTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    String status(String token, String id, Map<String, Object> change) {
        return as(token).header("If-Match", etag(token, id)).body(change)
                .post("/api/v1/requests/" + id + "/status")
                .then().statusCode(200).extract().path("status");
    }

    @ParameterizedTest
    @ValueSource(strings = { "triaged", "in_review", "withdrawn" })
    void eachStatusChangeLandsOnTheTimeline(String to) {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Status")));
        status(SUNRISE_FRONT_DESK, id, Map.of("status", to));
        as(SUNRISE_FRONT_DESK).get("/api/v1/requests/" + id + "/timeline").then().statusCode(200)
                .body("kind", hasItems("received", "changed"))
                .body("find { it.detail == 'status' }.before", equalTo("received"))
                .body("find { it.detail == 'status' }.after", equalTo(to))
                .body("find { it.detail == 'status' }.actor", equalTo("sunrise-frontdesk"));
    }

    @Test
    void waitingOnTheRequesterSaysWhatForAndSinceWhen() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Waiting")));
        as(SUNRISE_FRONT_DESK).header("If-Match", etag(SUNRISE_FRONT_DESK, id))
                .body(Map.of("status", "waiting_on_requester"))
                .post("/api/v1/requests/" + id + "/status")
                .then().statusCode(400).body("errors[0].field", equalTo("waitingFor"));
        status(SUNRISE_FRONT_DESK, id, Map.of("status", "waiting_on_requester", "waitingFor", "signed authorization"));
        get(SUNRISE_FRONT_DESK, id).then().body("waitingFor", equalTo("signed authorization"))
                .body("waitingSince", notNullValue());
        as(SUNRISE_FRONT_DESK).get("/api/v1/requests/" + id + "/timeline").then()
                .body("find { it.detail == 'waitingFor' }.after", equalTo("signed authorization"));
        status(SUNRISE_FRONT_DESK, id, Map.of("status", "in_review"));
        get(SUNRISE_FRONT_DESK, id).then().body("waitingFor", nullValue());
    }

    @Test
    void fulfillingRecordsTheMannerUsedAndMeetsTheClocks() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Fulfil")));
        as(SUNRISE_FRONT_DESK).header("If-Match", etag(SUNRISE_FRONT_DESK, id)).body(Map.of("status", "fulfilled"))
                .post("/api/v1/requests/" + id + "/status")
                .then().statusCode(400).body("errors[0].field", equalTo("mannerUsed"));
        status(SUNRISE_FRONT_DESK, id, Map.of("status", "fulfilled", "mannerUsed", "portal_view_download"));
        get(SUNRISE_FRONT_DESK, id).then()
                .body("status", equalTo("fulfilled"))
                .body("mannerUsed", equalTo("portal_view_download"))
                .body("fulfilledAt", notNullValue())
                .body("nextDueAt", nullValue())
                .body("clocks.state", hasItems("met"))
                .body("clocks.findAll { it.state != 'met' }.size()", equalTo(0));
        as(SUNRISE_FRONT_DESK).get("/api/v1/requests/" + id + "/timeline").then()
                .body("find { it.detail == 'mannerUsed' }.after", equalTo("portal_view_download"))
                .body("find { it.detail == 'fulfilledAt' }.after", notNullValue());
        // a closed request keeps its status
        as(SUNRISE_FRONT_DESK).header("If-Match", etag(SUNRISE_FRONT_DESK, id)).body(Map.of("status", "in_review"))
                .post("/api/v1/requests/" + id + "/status").then().statusCode(409);
    }

    /**
     * A denial needs decision-service's word that a signed decision supports it; here nothing listens where
     * decision-service should be, so the change is refused with 503 and nothing changes. (With decision-service
     * running: decision-service's DenialNeedsASignedDecisionTest.)
     */
    @ParameterizedTest
    @ValueSource(strings = { "denied", "partially_fulfilled" })
    void aDenialWithoutDecisionServiceChangesNothing(String to) {
        String id = log(SUNRISE_FRONT_DESK, request(unique("NoDecision")));
        String seen = etag(SUNRISE_FRONT_DESK, id);
        as(SUNRISE_FRONT_DESK).header("If-Match", seen)
                .body(Map.of("status", to, "mannerUsed", "paper_mail", "note", "withheld one note"))
                .post("/api/v1/requests/" + id + "/status")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("tag:ehiaccess.org,2026:problem:service-unavailable"));
        get(SUNRISE_FRONT_DESK, id).then().body("status", equalTo("received"))
                .body("clocks.find { it.kind == 'hipaa_access' }.state", not(equalTo("met")));
        assertEquals(seen, etag(SUNRISE_FRONT_DESK, id));
        as(SUNRISE_FRONT_DESK).get("/api/v1/requests/" + id + "/timeline").then()
                .body("detail", not(hasItem("withheld one note")));
    }

    @Test
    void aStaleEditGetsAConflictNotALostUpdate() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Stale")));
        String seen = etag(SUNRISE_FRONT_DESK, id);
        status(SUNRISE_FRONT_DESK, id, Map.of("status", "triaged"));
        as(SUNRISE_PRIVACY).header("If-Match", seen).body(Map.of("status", "in_review"))
                .post("/api/v1/requests/" + id + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("changed by someone else"));
        Map<String, Object> edit = request("Stale edit");
        as(SUNRISE_FRONT_DESK).header("If-Match", seen).body(edit).put("/api/v1/requests/" + id)
                .then().statusCode(409);
        get(SUNRISE_FRONT_DESK, id).then().body("status", equalTo("triaged"));
    }

    @Test
    void aChangeWithoutAVersionIsRefused() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("NoVersion")));
        as(SUNRISE_FRONT_DESK).body(Map.of("status", "triaged")).post("/api/v1/requests/" + id + "/status")
                .then().statusCode(428);
    }

    @Test
    void editsRecordBeforeAndAfterAndRecomputeClocks() {
        Instant received = Instant.now().minus(2, ChronoUnit.DAYS);
        Map<String, Object> body = request(unique("Edit"), "payer", received);
        String id = log(SUNRISE_FRONT_DESK, body);
        get(SUNRISE_FRONT_DESK, id).then().body("clocks.kind", equalTo(java.util.List.of("internal_target")));
        body.put("requesterType", "patient");
        body.put("assignee", "sunrise-privacy");
        as(SUNRISE_FRONT_DESK).header("If-Match", etag(SUNRISE_FRONT_DESK, id)).body(body)
                .put("/api/v1/requests/" + id).then().statusCode(200)
                .body("assignee", equalTo("sunrise-privacy"))
                .body("clocks.kind", hasItems("internal_target", "hipaa_access"))
                .body("clocks.find { it.kind == 'hipaa_access' }.dueOn",
                        equalTo(LocalDate.ofInstant(received, NEW_YORK).plusDays(30).toString()));
        as(SUNRISE_FRONT_DESK).get("/api/v1/requests/" + id + "/timeline").then()
                .body("find { it.detail == 'requesterType' }.before", equalTo("payer"))
                .body("find { it.detail == 'requesterType' }.after", equalTo("patient"))
                .body("find { it.detail == 'assignee' }.after", equalTo("sunrise-privacy"));
    }

    @Test
    void verificationRecordsMethodWhoAndWhen() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Verify"), "personal_representative",
                Instant.now().minus(1, ChronoUnit.HOURS)));
        as(SUNRISE_FRONT_DESK).header("If-Match", etag(SUNRISE_FRONT_DESK, id))
                .body(Map.of("subject", "authority", "method", "legal_document_on_file"))
                .post("/api/v1/requests/" + id + "/verification").then().statusCode(200)
                .body("authorityVerification.method", equalTo("legal_document_on_file"))
                .body("authorityVerification.by", equalTo("sunrise-frontdesk"))
                .body("authorityVerification.at", notNullValue())
                .body("identityVerification", nullValue());
    }

    @Test
    void hipaaExtensionOnceOnlyWithANoticeWithinThirtyDays() {
        Instant received = Instant.now().minus(10, ChronoUnit.DAYS);
        LocalDate receivedOn = LocalDate.ofInstant(received, NEW_YORK);
        String id = log(SUNRISE_FRONT_DESK, request(unique("Extend"), "patient", received));
        // the front desk cannot extend
        as(SUNRISE_FRONT_DESK).header("If-Match", etag(SUNRISE_FRONT_DESK, id))
                .body(Map.of("noticeSentOn", receivedOn.plusDays(2).toString(), "reasons", "records off site",
                        "expectedActionDate", receivedOn.plusDays(50).toString()))
                .post("/api/v1/requests/" + id + "/extension").then().statusCode(403);
        // an action date past day 60 is refused
        as(SUNRISE_SUPERVISOR).header("If-Match", etag(SUNRISE_SUPERVISOR, id))
                .body(Map.of("noticeSentOn", receivedOn.plusDays(2).toString(), "reasons", "records off site",
                        "expectedActionDate", receivedOn.plusDays(61).toString()))
                .post("/api/v1/requests/" + id + "/extension").then().statusCode(400)
                .body("errors[0].field", equalTo("expectedActionDate"));
        as(SUNRISE_SUPERVISOR).header("If-Match", etag(SUNRISE_SUPERVISOR, id))
                .body(Map.of("noticeSentOn", receivedOn.plusDays(2).toString(), "reasons", "records off site",
                        "expectedActionDate", receivedOn.plusDays(50).toString()))
                .post("/api/v1/requests/" + id + "/extension").then().statusCode(200)
                .body("status", equalTo("extended"))
                .body("clocks.find { it.kind == 'hipaa_access' }.dueOn", equalTo(receivedOn.plusDays(60).toString()));
        // only once
        as(SUNRISE_SUPERVISOR).header("If-Match", etag(SUNRISE_SUPERVISOR, id))
                .body(Map.of("noticeSentOn", receivedOn.plusDays(3).toString(), "reasons", "again",
                        "expectedActionDate", receivedOn.plusDays(55).toString()))
                .post("/api/v1/requests/" + id + "/extension").then().statusCode(409);
    }

    @Test
    void aLateExtensionNoticeCannotExtend() {
        Instant received = Instant.now().minus(40, ChronoUnit.DAYS);
        LocalDate receivedOn = LocalDate.ofInstant(received, NEW_YORK);
        String id = log(SUNRISE_FRONT_DESK, request(unique("LateExtend"), "patient", received));
        as(SUNRISE_SUPERVISOR).header("If-Match", etag(SUNRISE_SUPERVISOR, id))
                .body(Map.of("noticeSentOn", receivedOn.plusDays(35).toString(), "reasons", "late",
                        "expectedActionDate", receivedOn.plusDays(59).toString()))
                .post("/api/v1/requests/" + id + "/extension").then().statusCode(400)
                .body("errors[0].field", equalTo("noticeSentOn"));
    }

    @Test
    void theInfeasibilityNoticeClockIsDueTenBusinessDaysAfterReceiptAndCanBeMet() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Infeasible"), "other_provider_treatment",
                Instant.parse("2026-03-02T15:00:00Z")));
        as(SUNRISE_PRIVACY).body(Map.of("kind", "infeasibility_notice"))
                .post("/api/v1/requests/" + id + "/clocks").then().statusCode(200)
                .body("dueOn", equalTo("2026-03-16"))
                .body("cfr", equalTo("45 CFR 171.204(b)"))
                .body("state", equalTo("overdue"));
        as(SUNRISE_PRIVACY).post("/api/v1/requests/" + id + "/clocks/infeasibility_notice/met")
                .then().statusCode(200).body("state", equalTo("met"));
        // the front desk does not run decision clocks
        as(SUNRISE_FRONT_DESK).body(Map.of("kind", "infeasibility_notice"))
                .post("/api/v1/requests/" + id + "/clocks").then().statusCode(403);
    }

    @Test
    void aDenialReviewClockStartsAtTheDeskAndStartsAgainAfterItWasMet() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Review")));
        // the patient asks for a review at the front desk (164.524(a)(4))
        as(SUNRISE_FRONT_DESK).body(Map.of("kind", "denial_review")).post("/api/v1/requests/" + id + "/clocks")
                .then().statusCode(200).body("kind", equalTo("denial_review"))
                .body("cfr", equalTo("45 CFR 164.524(a)(4), (d)(4)"))
                .body("dueOn", equalTo(LocalDate.now(NEW_YORK).plusDays(30).toString()))
                .body("state", equalTo("on_track"));
        as(SUNRISE_PRIVACY).post("/api/v1/requests/" + id + "/clocks/denial_review/met").then().statusCode(200)
                .body("state", equalTo("met"));
        // a new review of a later decision version reopens the clock rather than failing
        as(SUNRISE_FRONT_DESK).body(Map.of("kind", "denial_review")).post("/api/v1/requests/" + id + "/clocks")
                .then().statusCode(200).body("state", equalTo("on_track"));
        get(SUNRISE_FRONT_DESK, id).then().body("clocks.findAll { it.kind == 'denial_review' }.size()", equalTo(1));
    }

    @Test
    void theComplianceLeadReadsButDoesNotChangeRequests() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("ReadOnly")));
        get(SUNRISE_COMPLIANCE, id).then().statusCode(200);
        as(SUNRISE_COMPLIANCE).header("If-Match", "\"0\"").body(Map.of("status", "triaged"))
                .post("/api/v1/requests/" + id + "/status").then().statusCode(403);
    }

    @Test
    void anotherClinicCannotTouchTheRequestThroughAnyEndpoint() {
        String id = log(SUNRISE_FRONT_DESK, request(unique("Isolated")));
        int version = get(SUNRISE_FRONT_DESK, id).then().extract().path("version");
        String path = "/api/v1/requests/" + id;
        get(LAKESIDE_FRONT_DESK, id).then().statusCode(404);
        as(LAKESIDE_FRONT_DESK).header("If-Match", "\"0\"").body(request("Hijack")).put(path).then().statusCode(404);
        as(LAKESIDE_FRONT_DESK).header("If-Match", "\"0\"").body(Map.of("status", "denied"))
                .post(path + "/status").then().statusCode(404);
        as(LAKESIDE_FRONT_DESK).header("If-Match", "\"0\"").body(Map.of("subject", "identity", "method", "other"))
                .post(path + "/verification").then().statusCode(404);
        as(LAKESIDE_SUPERVISOR).header("If-Match", "\"0\"").body(Map.of("noticeSentOn", LocalDate.now().toString(),
                "reasons", "x", "expectedActionDate", LocalDate.now().plusDays(5).toString()))
                .post(path + "/extension").then().statusCode(404);
        as(LAKESIDE_PRIVACY).body(Map.of("kind", "infeasibility_notice")).post(path + "/clocks").then().statusCode(404);
        as(LAKESIDE_FRONT_DESK).get(path + "/timeline").then().statusCode(404);
        as(LAKESIDE_FRONT_DESK).body(Map.of("decision", "confirmed"))
                .post(path + "/duplicates/" + java.util.UUID.randomUUID()).then().statusCode(404);
        // and sunrise's request is unchanged
        get(SUNRISE_FRONT_DESK, id).then().statusCode(200).body("status", equalTo("received"))
                .body("version", equalTo(version));
    }
}
