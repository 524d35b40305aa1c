package org.ehiaccess.reporting.policy;

import static io.restassured.RestAssured.given;
import static org.ehiaccess.reporting.support.Calls.as;
import static org.ehiaccess.reporting.support.Events.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.platform.clinic.StaffRole;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.reporting.support.Events;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Versioned policies (the shipped template loaded once per clinic, approved versions immutable, the version in force
 * on boundary days) and training records (who is due across a year boundary and a leap day, and on the version in
 * force); another clinic sees none of it, and only the roles of the permission table act.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PolicyAndTrainingTest {

    static final String LOCKED = "tag:ehiaccess.org,2026:problem:locked";
    static final String TEMPLATE = "/api/v1/policies/right-of-access-and-information-blocking";
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");


    @Test
    void theTemplateIsADraftOnFirstUseWithTheCrosswalkAndLoadsOnce() {
        String clinic = Events.uniqueClinic("template");
        String lead = token(clinic, StaffRole.COMPLIANCE_LEAD);
        as(lead, "GET", "/api/v1/policies", null, null).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].key", equalTo("right-of-access-and-information-blocking"))
                .body("[0].status", equalTo("draft")).body("[0].author", equalTo("template"));
        String body = as(lead, "GET", TEMPLATE + "/versions/1", null, null).then().statusCode(200)
                .header("ETag", "\"1\"").body("title", equalTo("HIPAA right of access and information blocking"))
                .extract().path("body");
        // every 164.524 denial ground and every exception 171.201-171.206 side by side, with the Matrix's boxes
        for (String ground : List.of("(a)(1)(i)", "(a)(1)(ii)", "(a)(2)(ii)", "(a)(2)(iii)", "(a)(2)(iv)",
                "(a)(2)(v)", "(a)(3)(i)", "(a)(3)(ii)", "(a)(3)(iii)")) {
            assertTrue(body.contains("| " + ground + " "), ground);
        }
        for (String exception : List.of("171.201", "171.202", "171.203", "171.204", "171.205", "171.206")) {
            assertTrue(body.contains("| **" + exception + " "), exception);
        }
        for (String box : List.of("**Out of scope**", "**Required by law**", "**Exception**", "**No basis: fulfill.**")) {
            assertTrue(body.contains(box), box);
        }
        assertTrue(body.contains("[Clinic name]"));

        // adapt and approve it: it is not loaded a second time
        Map<String, Object> adapted = Map.of("title", "Right of access and information blocking",
                "body", body.replace("[Clinic name]", "Sunrise Family Medicine"));
        as(lead, "PUT", TEMPLATE + "/versions/1", "1", adapted).then().statusCode(200).header("ETag", "\"2\"")
                .body("updatedBy", equalTo("test-compliance-lead")).body("author", equalTo("template"));
        as(lead, "POST", TEMPLATE + "/versions/1/approve", "2", Map.of()).then().statusCode(200)
                .body("status", equalTo("approved"));
        as(lead, "GET", TEMPLATE + "/versions", null, null).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].title", equalTo("Right of access and information blocking"));
    }

    @Test
    void anApprovedVersionIsImmutableAndTheVersionInForceChangesOnItsFirstDay() {
        String clinic = Events.uniqueClinic("in-force");
        String lead = token(clinic, StaffRole.COMPLIANCE_LEAD);
        String admin = token(clinic, StaffRole.CLINIC_ADMIN);
        String path = "/api/v1/policies/fees";
        as(lead, "POST", path + "/versions", null, Map.of()).then().statusCode(400)
                .body("errors.field", equalTo(List.of("title", "body")));
        as(lead, "POST", path + "/versions", null, Map.of("title", "Fees", "body", "# Fees\nNo fee for portal access."))
                .then().statusCode(201).header("ETag", "\"1\"").body("version", equalTo(1))
                .body("status", equalTo("draft"));
        // a draft: If-Match required, a stale one refused
        Map<String, Object> edit = Map.of("title", "Fees", "body", "# Fees\nNo fee for electronic access (171.302).");
        as(lead, "PUT", path + "/versions/1", null, edit).then().statusCode(428);
        as(lead, "PUT", path + "/versions/1", "1", edit).then().statusCode(200).header("ETag", "\"2\"");
        as(lead, "PUT", path + "/versions/1", "1", edit).then().statusCode(409)
                .body("type", equalTo("tag:ehiaccess.org,2026:problem:stale-version"));
        as(lead, "PUT", path + "/versions/1", "2", Map.of("title", " ", "body", "x")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("title")));

        LocalDate today = LocalDate.now(NEW_YORK);
        LocalDate newYear = LocalDate.of(today.getYear() + 1, 1, 1);
        LocalDate march = LocalDate.of(today.getYear() + 2, 3, 1);
        as(admin, "POST", path + "/versions/1/approve", "2", Map.of("effectiveFrom", today.minusDays(1).toString()))
                .then().statusCode(400).body("errors.field", equalTo(List.of("effectiveFrom")));
        as(admin, "POST", path + "/versions/1/approve", "2", Map.of("effectiveFrom", newYear.toString())).then()
                .statusCode(200).body("status", equalTo("approved")).body("approver", equalTo("test-clinic-admin"))
                .body("author", equalTo("test-compliance-lead")).body("effectiveFrom", equalTo(newYear.toString()));

        // approved: every edit refused with the stable type, whatever version it names
        as(lead, "PUT", path + "/versions/1", "3", edit).then().statusCode(409).body("type", equalTo(LOCKED));
        as(lead, "PUT", path + "/versions/1", "2", edit).then().statusCode(409).body("type", equalTo(LOCKED));
        as(admin, "POST", path + "/versions/1/approve", "3", Map.of()).then().statusCode(409)
                .body("type", equalTo(LOCKED));
        as(lead, "GET", path + "/versions/1", null, null).then().statusCode(200)
                .body("body", equalTo("# Fees\nNo fee for electronic access (171.302)."));

        // version 2 starts from version 1's text; one draft at a time
        as(lead, "POST", path + "/versions", null, Map.of()).then().statusCode(201).body("version", equalTo(2))
                .body("body", equalTo("# Fees\nNo fee for electronic access (171.302)."));
        as(lead, "POST", path + "/versions", null, Map.of()).then().statusCode(409)
                .body("type", equalTo("tag:ehiaccess.org,2026:problem:conflict"));
        as(admin, "POST", path + "/versions/2/approve", "1", Map.of("effectiveFrom", newYear.minusDays(1).toString()))
                .then().statusCode(400).body("errors.field", equalTo(List.of("effectiveFrom")));
        as(admin, "POST", path + "/versions/2/approve", "1", Map.of("effectiveFrom", march.toString())).then()
                .statusCode(200);

        // in force: none before the first day; version 1 from New Year's Day to the day before March; then version 2
        String lookup = path + "/in-force?date=";
        as(lead, "GET", lookup + newYear.minusDays(1), null, null).then().statusCode(404);
        as(lead, "GET", lookup + newYear, null, null).then().statusCode(200).body("version", equalTo(1));
        as(lead, "GET", lookup + march.minusDays(1), null, null).then().statusCode(200).body("version", equalTo(1));
        as(lead, "GET", lookup + march, null, null).then().statusCode(200).body("version", equalTo(2));
        as(lead, "GET", lookup + march.plusYears(5), null, null).then().statusCode(200).body("version", equalTo(2));
        as(lead, "GET", path + "/in-force", null, null).then().statusCode(400).body("errors.field", equalTo(List.of("date")));
        as(lead, "GET", lookup + "2027-13-01", null, null).then().statusCode(400);
        as(lead, "GET", "/api/v1/policies/Not_A_Key/in-force?date=2027-01-01", null, null).then().statusCode(400)
                .body("errors.field", equalTo(List.of("key")));
        as(lead, "GET", "/api/v1/policies", null, null).then().statusCode(200).body("key", hasItem("fees"))
                .body("find { it.key == 'fees' }.version", equalTo(2));
    }

    @Test
    void theAnnualRefresherIsDueMoreThanAYearAfterTheLastTrainingAcrossYearEndsAndLeapDays() {
        String clinic = Events.uniqueClinic("due");
        String lead = token(clinic, StaffRole.COMPLIANCE_LEAD);
        train(lead, "alice", "2024-12-31", true, null, null).then().statusCode(201);
        train(lead, "dave", "2025-12-31", true, null, null).then().statusCode(201);
        train(lead, "erin", "2024-02-29", true, null, null).then().statusCode(201);
        train(lead, "bob", "2025-06-01", false, null, null).then().statusCode(201); // not attested: does not count

        // "no-policy" has no version in force: only the annual refresher and never-trained count
        // dave's training is later than these days: he had none then
        assertEquals(Map.of("bob", List.of("never_trained"), "dave", List.of("never_trained"), "frank",
                List.of("never_trained")), due(lead, "2025-02-28", "frank"));
        // erin's training of 29 February 2024 is a year old on 28 February 2025; due the day after
        assertEquals(Map.of("bob", List.of("never_trained"), "dave", List.of("never_trained"), "erin",
                List.of("annual_refresher")), due(lead, "2025-03-01", null));
        // alice: trained 31 December 2024, not due on 31 December 2025, due on 1 January 2026; dave, trained on
        // 31 December 2025, is not due on 1 January 2026 although the year changed
        Map<String, List<String>> dec31 = due(lead, "2025-12-31", null);
        assertTrue(!dec31.containsKey("alice") && !dec31.containsKey("dave"), dec31.toString());
        Map<String, List<String>> jan1 = due(lead, "2026-01-01", null);
        assertEquals(List.of("annual_refresher"), jan1.get("alice"));
        assertTrue(!jan1.containsKey("dave"), jan1.toString());
        JsonPath answer = given().auth().oauth2(lead).get("/api/v1/training/due?policy=no-policy&asOf=2026-01-01")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("2025-12-31", answer.getString("due.find { it.userId == 'alice' }.refresherDueOn"));
        assertEquals("2024-12-31", answer.getString("due.find { it.userId == 'alice' }.lastTrainedOn"));
        // a record after the day asked about does not count then
        assertEquals(List.of("never_trained"), due(lead, "2024-12-30", null).get("alice"));
    }

    @Test
    void whoeverWasNeverTrainedOnTheVersionInForceIsDue() {
        String clinic = Events.uniqueClinic("version");
        String lead = token(clinic, StaffRole.COMPLIANCE_LEAD);
        String path = "/api/v1/policies/access";
        as(lead, "POST", path + "/versions", null, Map.of("title", "Access", "body", "v1")).then().statusCode(201);
        LocalDate today = LocalDate.now(NEW_YORK);
        // a training may only cover an approved version
        train(lead, "alice", today.toString(), true, "access", 1).then().statusCode(400)
                .body("errors.field", equalTo(List.of("policyVersion")));
        as(lead, "POST", path + "/versions/1/approve", "1", Map.of()).then().statusCode(200)
                .body("effectiveFrom", equalTo(today.toString()));
        train(lead, "alice", today.toString(), true, "access", 1).then().statusCode(201)
                .body("policyVersion", equalTo(1)).body("recordedBy", equalTo("test-compliance-lead"));
        train(lead, "bob", today.minusDays(30).toString(), true, null, null).then().statusCode(201);
        train(lead, "carol", today.toString(), false, "access", 1).then().statusCode(201);

        JsonPath answer = given().auth().oauth2(lead).get("/api/v1/training/due?policy=access").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(today.toString(), answer.getString("asOf"));
        assertEquals(1, answer.getInt("versionInForce"));
        assertEquals(Map.of("bob", List.of("not_trained_on_version_in_force"),
                "carol", List.of("never_trained", "not_trained_on_version_in_force")), reasons(answer));
        // the day before (no version in force, alice not yet trained): bob's training of last month counts
        assertEquals(Map.of("alice", List.of("never_trained"), "carol", List.of("never_trained")),
                due(lead, today.minusDays(1).toString(), null, "access"));
        given().auth().oauth2(lead).get("/api/v1/training?userId=alice").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].course", equalTo("Right of access"));

        // bad records are refused naming each field; nothing is stored
        Map<String, Object> bad = new HashMap<>();
        bad.put("userId", "has space");
        bad.put("course", "");
        bad.put("completedOn", today.plusDays(5).toString());
        bad.put("policyKey", "access");
        as(lead, "POST", "/api/v1/training", null, bad).then().statusCode(400).body("errors.field",
                equalTo(List.of("userId", "course", "completedOn", "attested", "policyVersion")));
        given().auth().oauth2(lead).get("/api/v1/training").then().statusCode(200).body("size()", equalTo(3));
    }

    @Test
    void anotherClinicSeesNothingAndOnlyTheTablesRolesAct() {
        String clinic = Events.uniqueClinic("policy-iso");
        String lead = token(clinic, StaffRole.COMPLIANCE_LEAD);
        String path = "/api/v1/policies/isolation";
        as(lead, "POST", path + "/versions", null, Map.of("title", "Ours", "body", "ours")).then().statusCode(201);
        as(lead, "POST", path + "/versions/1/approve", "1", Map.of()).then().statusCode(200);
        train(lead, "our-alice", LocalDate.now(NEW_YORK).toString(), true, "isolation", 1).then().statusCode(201);

        String otherClinic = Events.uniqueClinic("policy-iso-other");
        String other = token(otherClinic, StaffRole.COMPLIANCE_LEAD);
        String today = LocalDate.now(NEW_YORK).toString();
        as(other, "GET", path + "/versions", null, null).then().statusCode(404);
        as(other, "GET", path + "/versions/1", null, null).then().statusCode(404);
        as(other, "GET", path + "/in-force?date=" + today, null, null).then().statusCode(404);
        as(other, "PUT", path + "/versions/1", "1", Map.of("title", "x", "body", "y")).then().statusCode(404);
        as(token(otherClinic, StaffRole.CLINIC_ADMIN), "POST", path + "/versions/1/approve", "1", Map.of()).then()
                .statusCode(404);
        as(other, "GET", "/api/v1/policies", null, null).then().statusCode(200).body("key", not(hasItem("isolation")));
        as(other, "GET", "/api/v1/training", null, null).then().statusCode(200).body("size()", equalTo(0));
        as(other, "GET", "/api/v1/training/due", null, null).then().statusCode(200)
                .body("due.userId", not(hasItem("our-alice")));
        // another clinic's approved version is not one a training of this clinic can cover
        train(other, "their-bob", today, true, "isolation", 1).then().statusCode(400)
                .body("errors.field", equalTo(List.of("policyVersion")));
        // drafting the same key in the other clinic starts at version 1
        as(other, "POST", path + "/versions", null, Map.of("title", "Theirs", "body", "theirs")).then()
                .statusCode(201).body("version", equalTo(1));
        as(lead, "GET", path + "/versions/1", null, null).then().statusCode(200).body("title", equalTo("Ours"));

        Map<String, Object> draft = Map.of("title", "x", "body", "y");
        Map<String, Object> training = Map.of("userId", "x", "course", "c", "completedOn", today, "attested", true);
        for (String role : List.of(StaffRole.FRONT_DESK, StaffRole.CLINICIAN, StaffRole.PRIVACY_OFFICER,
                StaffRole.SUPERVISOR, StaffRole.CLINIC_ADMIN)) {
            String t = token(clinic, role);
            boolean readsPolicies = !role.equals(StaffRole.FRONT_DESK) && !role.equals(StaffRole.CLINICIAN);
            boolean readsTraining = role.equals(StaffRole.SUPERVISOR) || role.equals(StaffRole.CLINIC_ADMIN);
            as(t, "GET", "/api/v1/policies", null, null).then().statusCode(readsPolicies ? 200 : 403);
            as(t, "GET", path + "/versions/1", null, null).then().statusCode(readsPolicies ? 200 : 403);
            as(t, "GET", path + "/in-force?date=" + today, null, null).then().statusCode(readsPolicies ? 200 : 403);
            as(t, "POST", "/api/v1/policies/other/versions", null, draft).then().statusCode(403);
            as(t, "PUT", path + "/versions/1", "2", draft).then().statusCode(403);
            as(t, "POST", path + "/versions/1/approve", "2", Map.of()).then()
                    .statusCode(role.equals(StaffRole.CLINIC_ADMIN) ? 409 : 403);
            as(t, "POST", "/api/v1/training", null, training).then().statusCode(403);
            as(t, "GET", "/api/v1/training", null, null).then().statusCode(readsTraining ? 200 : 403);
            as(t, "GET", "/api/v1/training/due", null, null).then().statusCode(readsTraining ? 200 : 403);
        }
        given().get("/api/v1/policies").then().statusCode(401);
        given().get("/api/v1/training/due").then().statusCode(401);
    }

    static Response train(String token, String user, String on, boolean attested, String policy, Integer version) {
        Map<String, Object> body = new HashMap<>();
        body.put("userId", user);
        body.put("course", "Right of access");
        body.put("completedOn", on);
        body.put("attested", attested);
        if (policy != null) {
            body.put("policyKey", policy);
            body.put("policyVersion", version);
        }
        return as(token, "POST", "/api/v1/training", null, body);
    }

    static Map<String, List<String>> due(String token, String asOf, String userId) {
        return due(token, asOf, userId, "no-policy");
    }

    static Map<String, List<String>> due(String token, String asOf, String userId, String policy) {
        String query = "/api/v1/training/due?policy=" + policy + "&asOf=" + asOf + (userId == null ? "" : "&userId="
                + userId);
        return reasons(given().auth().oauth2(token).get(query).then().statusCode(200).extract().jsonPath());
    }

    static Map<String, List<String>> reasons(JsonPath answer) {
        Map<String, List<String>> out = new HashMap<>();
        for (int i = 0; i < answer.getList("due").size(); i++) {
            out.put(answer.getString("due[" + i + "].userId"), answer.getList("due[" + i + "].reasons", String.class));
        }
        return out;
    }
}
