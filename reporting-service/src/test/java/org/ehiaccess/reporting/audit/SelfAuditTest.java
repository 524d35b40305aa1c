package org.ehiaccess.reporting.audit;

import static io.restassured.RestAssured.given;
import static org.ehiaccess.reporting.support.Calls.as;
import static org.ehiaccess.reporting.support.Events.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
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
 * The self-audit checklist: the shipped tasks per clinic, due dates from the frequency, the clinic admin's changes with
 * their history, completions with evidence (a link or a file of at most 20 MiB), the overdue list, roles and isolation.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SelfAuditTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));
    static final String TASKS = "/api/v1/self-audit/tasks";

    static JsonPath tasks(String token, String query) {
        return as(token, "GET", TASKS + query, null, null).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theShippedChecklistIsLoadedOnceAndScheduledFromItsFrequency() {
        String clinic = Events.uniqueClinic("checklist");
        String lead = token(clinic, StaffRole.COMPLIANCE_LEAD);
        JsonPath all = tasks(lead, "");
        assertEquals(14, all.getList("$").size());
        for (int i = 0; i < 14; i++) {
            assertTrue(!all.getString("[" + i + "].task").isBlank() && !all.getString("[" + i + "].cfr").isBlank()
                    && all.getString("[" + i + "].responsibleRole") != null, "task " + i);
        }
        assertEquals("annual", all.getString("find { it.seedKey == 'denial-reason-matrix' }.frequency"));
        assertTrue(all.getString("find { it.seedKey == 'denial-reason-matrix' }.cfr").contains("45 CFR 171.200"));
        assertEquals("privacy-officer", all.getString("find { it.seedKey == 'worksheet-per-denial' }.responsibleRole"));
        assertEquals(TODAY.plusMonths(3).toString(),
                all.getString("find { it.seedKey == 'worksheet-per-denial' }.dueOn"));
        assertEquals(14, tasks(lead, "").getList("$").size());

        // quarterly tasks are overdue the day after their due date, not on it; everything a year and a day later
        LocalDate quarter = TODAY.plusMonths(3);
        given().auth().oauth2(lead).get("/api/v1/self-audit/overdue?asOf=" + quarter).then().statusCode(200)
                .body("size()", equalTo(0));
        JsonPath overdue = given().auth().oauth2(lead).get("/api/v1/self-audit/overdue?asOf=" + quarter.plusDays(1))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(6, overdue.getList("$").size());
        assertEquals(List.of("quarterly"), overdue.getList("frequency", String.class).stream().distinct().toList());
        given().auth().oauth2(lead).get("/api/v1/self-audit/overdue?asOf=" + TODAY.plusYears(1).plusDays(1)).then()
                .statusCode(200).body("size()", equalTo(14));
        given().auth().oauth2(lead).get("/api/v1/self-audit/overdue?asOf=someday").then().statusCode(400)
                .body("errors.field", equalTo(List.of("asOf")));
    }

    @Test
    void theClinicAdminAddsChangesAndRetiresTasksWithHistoryAndCompletionsMoveTheDueDate() {
        String clinic = Events.uniqueClinic("admin");
        String admin = token(clinic, StaffRole.CLINIC_ADMIN);
        String lead = token(clinic, StaffRole.COMPLIANCE_LEAD);
        as(admin, "POST", TASKS, null, Map.of("task", "", "responsibleRole", "janitor")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("task", "responsibleRole", "frequency")));
        as(admin, "POST", TASKS, null, Map.of()).then().statusCode(400)
                .body("errors.field", equalTo(List.of("task", "responsibleRole", "frequency")));
        String id = as(admin, "POST", TASKS, null, Map.of("task", "Check the fax inbox is logged",
                "responsibleRole", "front-desk", "frequency", "monthly", "cfr", "45 CFR 171.103")).then()
                .statusCode(201).header("ETag", "\"1\"").body("dueOn", equalTo(TODAY.plusMonths(1).toString()))
                .extract().path("id");
        as(lead, "POST", TASKS, null, Map.of("task", "x", "responsibleRole", "front-desk", "frequency", "monthly"))
                .then().statusCode(403);

        // a completion ten days ago: due a month after it
        LocalDate done = TODAY.minusDays(10);
        as(lead, "POST", TASKS + "/" + id + "/completions", null, Map.of("completedOn", done.toString(), "note",
                "All faxes of the month are in the log", "evidenceLink", "/requests?channel=fax")).then()
                .statusCode(201).body("completedBy", equalTo("test-compliance-lead"));
        JsonPath task = tasks(lead, "").setRootPath("find { it.id == '" + id + "' }");
        assertEquals(done.toString(), task.getString("lastCompletedOn"));
        assertEquals(done.plusMonths(1).toString(), task.getString("dueOn"));
        as(lead, "POST", TASKS + "/" + id + "/completions", null, Map.of("completedOn", TODAY.plusDays(2).toString(),
                "note", " ", "evidenceLink", "javascript:alert(1)")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("completedOn", "note", "evidenceLink")));

        // the frequency changes on the task's version; the history keeps the old one
        as(admin, "PUT", TASKS + "/" + id, null, Map.of("frequency", "annual")).then().statusCode(428);
        as(admin, "PUT", TASKS + "/" + id, "1", Map.of("frequency", "annual")).then().statusCode(200)
                .header("ETag", "\"2\"").body("dueOn", equalTo(done.plusYears(1).toString()));
        as(admin, "PUT", TASKS + "/" + id, "1", Map.of("frequency", "quarterly")).then().statusCode(409)
                .body("type", equalTo("tag:ehiaccess.org,2026:problem:stale-version"));
        as(lead, "PUT", TASKS + "/" + id, "2", Map.of("frequency", "quarterly")).then().statusCode(403);

        // retired: no longer scheduled, kept with its history and completions
        as(lead, "POST", TASKS + "/" + id + "/retire", "2", null).then().statusCode(403);
        as(admin, "POST", TASKS + "/" + id + "/retire", "2", null).then().statusCode(200)
                .body("retiredOn", equalTo(TODAY.toString())).body("dueOn", equalTo(null));
        assertTrue(!tasks(admin, "").getList("id").contains(id));
        assertTrue(tasks(admin, "?retired=true").getList("id").contains(id));
        as(admin, "PUT", TASKS + "/" + id, "3", Map.of("frequency", "monthly")).then().statusCode(409);
        as(lead, "POST", TASKS + "/" + id + "/completions", null, Map.of("completedOn", TODAY.toString(), "note",
                "late")).then().statusCode(409);
        JsonPath history = as(lead, "GET", TASKS + "/" + id + "/history", null, null).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("added", "frequency_changed", "retired"), history.getList("change", String.class));
        assertEquals("monthly", history.getString("[1].before"));
        assertEquals("annual", history.getString("[1].after"));
        assertEquals("test-clinic-admin", history.getString("[1].actor"));
        as(lead, "GET", TASKS + "/" + id + "/completions", null, null).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].evidenceLink", equalTo("/requests?channel=fax"));
    }

    @Test
    void evidenceFilesAreKeptAsUploadedOnceAndLargerThanTwentyMebibytesAreRefusedNamingTheFile() throws Exception {
        String clinic = Events.uniqueClinic("evidence");
        String lead = token(clinic, StaffRole.COMPLIANCE_LEAD);
        String id = tasks(lead, "").getString("find { it.seedKey == 'policies-current' }.id");
        String completion = as(lead, "POST", TASKS + "/" + id + "/completions", null, Map.of("completedOn",
                TODAY.toString(), "note", "Policy v3 approved; minutes attached")).then().statusCode(201).extract()
                .path("id");
        byte[] pdf = "%PDF-1.4\nminutes of the policy review\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String evidence = "/api/v1/self-audit/completions/" + completion + "/evidence";
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        upload(lead, evidence + "?name=minutes.pdf", pdf).then().statusCode(200).body("fileName", equalTo("minutes.pdf"))
                .body("fileSize", equalTo(pdf.length)).body("fileSha256", equalTo(sha))
                .body("fileType", equalTo("application/pdf"));
        Response back = given().auth().oauth2(lead).get(evidence);
        assertEquals(200, back.statusCode());
        assertArrayEquals(pdf, back.asByteArray());
        assertEquals("application/pdf", back.contentType());
        upload(lead, evidence + "?name=other.pdf", pdf).then().statusCode(409)
                .body("type", equalTo("tag:ehiaccess.org,2026:problem:locked"));

        String second = as(lead, "POST", TASKS + "/" + id + "/completions", null, Map.of("completedOn",
                TODAY.toString(), "note", "again")).then().statusCode(201).extract().path("id");
        String secondEvidence = "/api/v1/self-audit/completions/" + second + "/evidence";
        upload(lead, secondEvidence + "?name=big.pdf", new byte[SelfAuditResource.MAX_FILE + 1]).then().statusCode(413)
                .body("type", equalTo("tag:ehiaccess.org,2026:problem:payload-too-large"))
                .body("errors.field", equalTo(List.of("file")));
        upload(lead, secondEvidence + "?name=../x", pdf).then().statusCode(400)
                .body("errors.field", equalTo(List.of("name")));
        given().auth().oauth2(lead).get(secondEvidence).then().statusCode(404);
        // a file of exactly 20 MiB is kept
        upload(lead, secondEvidence + "?name=scan.pdf", new byte[SelfAuditResource.MAX_FILE]).then().statusCode(200)
                .body("fileSize", equalTo(SelfAuditResource.MAX_FILE));
    }

    @Test
    void anotherClinicFindsNothingAndTheFrontDeskNothingAtAll() {
        String clinic = Events.uniqueClinic("audit-iso");
        String lead = token(clinic, StaffRole.COMPLIANCE_LEAD);
        String id = tasks(lead, "").getString("[0].id");
        String completion = as(lead, "POST", TASKS + "/" + id + "/completions", null, Map.of("completedOn",
                TODAY.toString(), "note", "done")).then().statusCode(201).extract().path("id");
        upload(lead, "/api/v1/self-audit/completions/" + completion + "/evidence?name=a.txt", new byte[] { 1 }).then()
                .statusCode(200);

        String otherClinic = Events.uniqueClinic("audit-iso-other");
        String otherAdmin = token(otherClinic, StaffRole.CLINIC_ADMIN);
        assertTrue(!tasks(otherAdmin, "").getList("id").contains(id));
        as(otherAdmin, "GET", TASKS + "/" + id + "/history", null, null).then().statusCode(404);
        as(otherAdmin, "GET", TASKS + "/" + id + "/completions", null, null).then().statusCode(404);
        as(otherAdmin, "PUT", TASKS + "/" + id, "1", Map.of("frequency", "annual")).then().statusCode(404);
        as(otherAdmin, "POST", TASKS + "/" + id + "/retire", "1", null).then().statusCode(404);
        as(otherAdmin, "POST", TASKS + "/" + id + "/completions", null, Map.of("completedOn", TODAY.toString(),
                "note", "x")).then().statusCode(404);
        given().auth().oauth2(otherAdmin).get("/api/v1/self-audit/completions/" + completion + "/evidence").then()
                .statusCode(404);
        upload(otherAdmin, "/api/v1/self-audit/completions/" + completion + "/evidence?name=b.txt", new byte[] { 2 })
                .then().statusCode(404);

        for (String role : List.of(StaffRole.FRONT_DESK, StaffRole.CLINICIAN, StaffRole.PRIVACY_OFFICER)) {
            String t = token(clinic, role);
            as(t, "GET", TASKS, null, null).then().statusCode(403);
            as(t, "GET", "/api/v1/self-audit/overdue", null, null).then().statusCode(403);
            as(t, "GET", TASKS + "/" + id + "/history", null, null).then().statusCode(403);
            as(t, "POST", TASKS + "/" + id + "/completions", null, Map.of("completedOn", TODAY.toString(), "note",
                    "x")).then().statusCode(403);
            as(t, "POST", TASKS, null, Map.of("task", "x", "responsibleRole", "front-desk", "frequency", "monthly"))
                    .then().statusCode(403);
            given().auth().oauth2(t).get("/api/v1/self-audit/completions/" + completion + "/evidence").then()
                    .statusCode(403);
        }
        as(token(clinic, StaffRole.SUPERVISOR), "GET", "/api/v1/self-audit/overdue", null, null).then().statusCode(200);
        given().get(TASKS).then().statusCode(401);
        as(lead, "GET", TASKS + "/" + id + "/completions", null, null).then().statusCode(200)
                .body("id", hasItem(completion)).body("id", not(hasItem("x")));
    }

    static Response upload(String token, String path, byte[] content) {
        // the type exactly as a browser sends a file's (no charset added)
        return given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))).auth().oauth2(token)
                .contentType("application/pdf").body(content).put(path);
    }
}
