package org.ehiaccess.reporting.review;

import static io.restassured.RestAssured.given;
import static org.ehiaccess.reporting.support.Events.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.platform.clinic.StaffRole;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.reporting.support.Events;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The quarterly denial review: the quarter's denials and limitations from the request facts, a reproducible stratified
 * sample, tally sheets with versions, totals, notes and follow-ups, and a signature that locks it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DenialReviewTest {

    static final String LOCKED = "tag:ehiaccess.org,2026:problem:locked";
    static final String STALE = "tag:ehiaccess.org,2026:problem:stale-version";
    static final Instant OCT = Instant.parse("2026-10-05T14:00:00Z");

    /**
     * 30 denials and limitations answered in 2026-Q4 (New York): 25 under a Part 171 exception (15 x 171.204, 10 x
     * 171.202; every fifth a partial fulfillment), 4 with no signed decision ("unrecorded"), 1 required by law (the
     * rare basis); plus 3 fulfilled requests, a denial answered at 23:30 on 30 September and one at 00:30 on
     * 1 January (New York), which belong to other quarters.
     */
    static final class Quarter30 {
        final Events e;
        final UUID requiredByLaw;
        final List<UUID> population = new ArrayList<>();
        final UUID lateSeptember;
        final UUID newYear;

        Quarter30(String clinicId) {
            e = new Events(clinicId);
            String[] requesters = { "patient", "attorney_or_court", "payer", "personal_representative" };
            for (int i = 0; i < 25; i++) {
                UUID r = e.received(at(i), "portal", requesters[i % 4]);
                e.signed(r, at(i).plus(Duration.ofDays(1)), "part171_exception", i < 15 ? "171.204" : "171.202");
                e.status(r, at(i).plus(Duration.ofDays(2)), i % 5 == 0 ? "partially_fulfilled" : "denied");
                population.add(r);
            }
            for (int i = 25; i < 29; i++) {
                UUID r = e.received(at(i), "fax", "attorney_or_court");
                e.status(r, at(i).plus(Duration.ofDays(2)), "denied");
                population.add(r);
            }
            requiredByLaw = e.received(at(29), "mail", "law_enforcement");
            e.signed(requiredByLaw, at(29).plus(Duration.ofDays(1)), "required_by_law", null);
            e.status(requiredByLaw, at(29).plus(Duration.ofDays(2)), "denied");
            population.add(requiredByLaw);
            for (int i = 0; i < 3; i++) {
                UUID r = e.received(at(40 + i), "portal", "patient");
                e.status(r, at(40 + i).plus(Duration.ofDays(1)), "fulfilled");
            }
            lateSeptember = e.received(Instant.parse("2026-09-20T14:00:00Z"), "fax", "payer");
            e.status(lateSeptember, Instant.parse("2026-10-01T03:30:00Z"), "denied");
            newYear = e.received(Instant.parse("2026-12-20T14:00:00Z"), "fax", "payer");
            e.status(newYear, Instant.parse("2027-01-01T05:30:00Z"), "denied");
            Events.deliverAll(e.all, 50);
        }

        static Instant at(int i) {
            return OCT.plus(Duration.ofHours(20L * i));
        }
    }

    static Response draw(String clinicId, Map<String, Object> body) {
        return given().auth().oauth2(token(clinicId, StaffRole.COMPLIANCE_LEAD)).contentType(ContentType.JSON)
                .body(body).post("/api/v1/reviews");
    }

    static JsonPath drawn(String clinicId, Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quarter", "2026-Q4");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return draw(clinicId, body).then().statusCode(201).extract().jsonPath();
    }

    static List<String> sample(JsonPath review) {
        return review.getList("items.requestId", String.class);
    }

    @Test
    void theSameSeedDrawsTheSameStratifiedSampleAndARareBasisIsNeverMissed() {
        Quarter30 q = new Quarter30(Events.uniqueClinic("sample"));
        // another clinic's denials of the same quarter are never part of the population
        new Quarter30(Events.uniqueClinic("sample-other"));

        JsonPath first = drawn(q.e.clinicId, "seed", 42);
        assertEquals(30, first.getInt("population"));
        assertEquals(42L, first.getLong("seed"));
        // 30 > 20: max(20, 10 % = 3) = 20; one per basis, the other 17 by largest remainder over 24, 0 and 3
        assertEquals(20, first.getInt("size"));
        assertEquals(List.of(Map.of("stratum", "part171_exception", "population", 25, "drawn", 16),
                Map.of("stratum", "required_by_law", "population", 1, "drawn", 1),
                Map.of("stratum", "unrecorded", "population", 4, "drawn", 3)), first.getList("strata"));
        List<String> ids = sample(first);
        assertEquals(20, ids.size());
        assertEquals(20, ids.stream().distinct().count());
        assertTrue(ids.contains(q.requiredByLaw.toString()));
        List<String> population = q.population.stream().map(UUID::toString).toList();
        assertTrue(population.containsAll(ids), "only the quarter's denials and limitations: " + ids);
        assertTrue(first.getString("selection").contains("2026-10-01T04:00:00Z"), first.getString("selection"));
        assertTrue(first.getString("selection").contains("2027-01-01T05:00:00Z"), first.getString("selection"));

        // the same seed: the same sample in the same order; another seed: another sample
        assertEquals(ids, sample(drawn(q.e.clinicId, "seed", 42)));
        assertNotEquals(ids, sample(drawn(q.e.clinicId, "seed", 43)));

        // no seed given: one is drawn and recorded, and drawing with it again gives the same sample
        JsonPath unseeded = drawn(q.e.clinicId);
        assertEquals(sample(unseeded), sample(drawn(q.e.clinicId, "seed", unseeded.getLong("seed"))));

        // a small sample still holds the single required-by-law denial, whatever the seed
        for (int seed = 1; seed <= 10; seed++) {
            JsonPath small = drawn(q.e.clinicId, "seed", seed, "size", 5);
            assertEquals(5, small.getInt("size"));
            assertTrue(sample(small).contains(q.requiredByLaw.toString()), "seed " + seed);
            assertEquals(List.of(3, 1, 1), small.getList("strata.drawn", Integer.class), "seed " + seed);
        }
        // a size below the number of bases is raised to one per basis; above the population, all of it
        assertEquals(3, drawn(q.e.clinicId, "seed", 7, "size", 1).getInt("size"));
        JsonPath all = drawn(q.e.clinicId, "seed", 7, "size", 500);
        assertEquals(30, all.getInt("size"));
        assertEquals(500, all.getInt("requestedSize"));
        assertEquals(new java.util.HashSet<>(population), new java.util.HashSet<>(sample(all)));
    }

    @Test
    void aQuarterWithTwentyOrFewerDenialsIsReviewedWhole() {
        Events e = new Events(Events.uniqueClinic("whole"));
        List<String> denied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID r = e.received(Quarter30.at(i), "portal", "patient");
            e.signed(r, Quarter30.at(i).plusSeconds(60), "part171_exception", "171.204");
            e.status(r, Quarter30.at(i).plusSeconds(120), "denied");
            denied.add(r.toString());
        }
        Events.deliverAll(e.all, 50);
        JsonPath review = drawn(e.clinicId);
        assertEquals(4, review.getInt("size"));
        assertEquals(new java.util.HashSet<>(denied), new java.util.HashSet<>(sample(review)));
        // and a quarter without any: an empty review, which still records that
        JsonPath empty = drawn(e.clinicId, "quarter", "2026-Q2");
        assertEquals(0, empty.getInt("population"));
        assertEquals(0, empty.getList("items").size());
    }

    @Test
    void badDrawsAreRefusedNamingEachField() {
        String clinic = Events.uniqueClinic("bad-draw");
        draw(clinic, Map.of("quarter", "2026-Q5", "size", 0, "seed", -1, "zone", "Mars/Base")).then().statusCode(400)
                .body("type", equalTo("tag:ehiaccess.org,2026:problem:invalid-input"))
                .body("errors.field", equalTo(List.of("quarter", "zone", "size", "seed")));
        draw(clinic, Map.of()).then().statusCode(400).body("errors.field", equalTo(List.of("quarter")));
        draw(clinic, Map.of("quarter", "2026-Q4", "seed", "abc")).then().statusCode(400)
                .body("errors.field", hasItem("seed"));
        given().auth().oauth2(token(clinic, StaffRole.COMPLIANCE_LEAD)).get("/api/v1/reviews").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void tallySheetsMeetingAndSignatureThenEveryEditIsRefusedAsLocked() {
        Quarter30 q = new Quarter30(Events.uniqueClinic("tally"));
        String lead = token(q.e.clinicId, StaffRole.COMPLIANCE_LEAD);
        JsonPath review = drawn(q.e.clinicId, "seed", 9, "size", 1);
        String id = review.getString("id");
        assertEquals(List.of("part171_exception", "required_by_law", "unrecorded"),
                review.getList("items.stratum", String.class));
        List<String> ids = sample(review);

        Map<String, Object> allYes = tally("yes", "yes", "yes", "yes", "yes", "yes", "yes");
        // the item's version: If-Match required, a stale one refused
        given().auth().oauth2(lead).contentType(ContentType.JSON).body(allYes)
                .put("/api/v1/reviews/" + id + "/items/" + ids.get(0)).then().statusCode(428);
        putItem(lead, id, ids.get(0), "1", allYes).then().statusCode(200).header("ETag", "\"2\"")
                .body("complete", equalTo(true)).body("tally.exceptionCited", equalTo("yes"));
        putItem(lead, id, ids.get(0), "1", allYes).then().statusCode(409).body("type", equalTo(STALE));
        Map<String, Object> bad = new HashMap<>(allYes);
        bad.put("matrixLine", "maybe");
        putItem(lead, id, ids.get(1), "1", bad).then().statusCode(400).body("errors.field", hasItem("matrixLine"));
        putItem(lead, id, UUID.randomUUID().toString(), "1", allYes).then().statusCode(404);

        Map<String, Object> finding = tally("yes", "no", "yes", "no", "yes", "yes", "na");
        finding.put("comment", "Matrix line not named; letter sent before the signature.");
        putItem(lead, id, ids.get(1), "1", finding).then().statusCode(200);
        putItem(lead, id, ids.get(2), "1", tally("na", "na", "yes", null, "yes", "yes", "yes")).then()
                .statusCode(200).body("complete", equalTo(false));

        JsonPath totals = given().auth().oauth2(lead).get("/api/v1/reviews/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Map.of("items", 1, "withFindings", 1), totals.getMap("totals.byBasis.required_by_law"));
        assertEquals(Map.of("items", 1, "withFindings", 0), totals.getMap("totals.byBasis.part171_exception"));
        assertEquals(Map.of("items", 1, "withFindings", 1), totals.getMap("totals.byRequesterType.law_enforcement"));
        assertEquals(Map.of("yes", 1, "no", 1, "na", 1, "open", 0), totals.getMap("totals.byQuestion.matrixLine"));
        assertEquals(Map.of("yes", 1, "no", 1, "na", 0, "open", 1),
                totals.getMap("totals.byQuestion.signedBeforeLetter"));
        assertEquals(2, totals.getInt("totals.itemsComplete"));
        assertEquals(Map.of("items", 2, "withFindings", 1), totals.getMap("totals.byException.none"));

        // meeting notes and follow-up actions, on the review's version
        Map<String, Object> meeting = Map.of("meetingNotes", "Law enforcement denial: the letter went out first.",
                "actions", List.of(Map.of("ownerId", "sunrise-privacy", "dueOn", "2027-01-31", "text",
                        "Retrain on signing before the letter")));
        putReview(lead, id, "1", Map.of("actions", List.of(Map.of("ownerId", "has space", "text", "")))).then()
                .statusCode(400).body("errors.field", equalTo(List.of("actions[0].ownerId", "actions[0].dueOn",
                        "actions[0].text")));
        putReview(lead, id, "1", meeting).then().statusCode(200).header("ETag", "\"2\"")
                .body("actions[0].ownerId", equalTo("sunrise-privacy")).body("actions[0].dueOn", equalTo("2027-01-31"));
        putReview(lead, id, "1", meeting).then().statusCode(409).body("type", equalTo(STALE));

        // not signed while a sheet is incomplete
        sign(lead, id, "2").then().statusCode(409).body("type", equalTo("tag:ehiaccess.org,2026:problem:conflict"));
        putItem(lead, id, ids.get(2), "2", tally("na", "na", "yes", "yes", "yes", "yes", "yes")).then()
                .statusCode(200);
        sign(lead, id, "1").then().statusCode(409).body("type", equalTo(STALE));
        sign(lead, id, "2").then().statusCode(200).header("ETag", "\"3\"").body("locked", equalTo(true))
                .body("signedBy", equalTo("test-compliance-lead"));

        // locked: every edit is refused with the stable type, whatever version it names
        putItem(lead, id, ids.get(0), "2", allYes).then().statusCode(409).body("type", equalTo(LOCKED));
        putItem(lead, id, ids.get(0), "1", allYes).then().statusCode(409).body("type", equalTo(LOCKED));
        putReview(lead, id, "3", meeting).then().statusCode(409).body("type", equalTo(LOCKED));
        sign(lead, id, "3").then().statusCode(409).body("type", equalTo(LOCKED));
        given().auth().oauth2(lead).get("/api/v1/reviews/" + id).then().statusCode(200)
                .body("items[0].tally.exceptionCited", equalTo("yes")).body("version", equalTo(3))
                .body("meetingNotes", equalTo("Law enforcement denial: the letter went out first."));
        given().auth().oauth2(lead).get("/api/v1/reviews").then().statusCode(200)
                .body("id", hasItem(id)).body("find { it.id == '" + id + "' }.signedBy",
                        equalTo("test-compliance-lead"));
    }

    @Test
    void anotherClinicFindsNothingAndOnlyTheComplianceLeadChangesAReview() {
        Quarter30 q = new Quarter30(Events.uniqueClinic("iso"));
        JsonPath review = drawn(q.e.clinicId, "seed", 1, "size", 1);
        String id = review.getString("id");
        String item = sample(review).get(0);
        String other = token(Events.uniqueClinic("iso-other"), StaffRole.COMPLIANCE_LEAD);
        given().auth().oauth2(other).get("/api/v1/reviews/" + id).then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/reviews").then().statusCode(200).body("id", not(hasItem(id)));
        putItem(other, id, item, "1", tally("yes", "yes", "yes", "yes", "yes", "yes", "yes")).then().statusCode(404);
        putReview(other, id, "1", Map.of("meetingNotes", "x")).then().statusCode(404);
        sign(other, id, "1").then().statusCode(404);
        // the other clinic drawing the same quarter sees none of this clinic's denials
        JsonPath theirs = given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Map.of("quarter", "2026-Q4")).post("/api/v1/reviews").then().statusCode(201).extract()
                .jsonPath();
        assertEquals(0, theirs.getInt("population"));

        for (String role : List.of(StaffRole.FRONT_DESK, StaffRole.CLINICIAN, StaffRole.PRIVACY_OFFICER,
                StaffRole.SUPERVISOR, StaffRole.CLINIC_ADMIN)) {
            String t = token(q.e.clinicId, role);
            given().auth().oauth2(t).contentType(ContentType.JSON).body(Map.of("quarter", "2026-Q4"))
                    .post("/api/v1/reviews").then().statusCode(403);
            putItem(t, id, item, "1", tally("yes", "yes", "yes", "yes", "yes", "yes", "yes")).then().statusCode(403);
            putReview(t, id, "1", Map.of("meetingNotes", "x")).then().statusCode(403);
            sign(t, id, "1").then().statusCode(403);
            int read = role.equals(StaffRole.CLINIC_ADMIN) ? 200 : 403;
            given().auth().oauth2(t).get("/api/v1/reviews/" + id).then().statusCode(read);
            given().auth().oauth2(t).get("/api/v1/reviews").then().statusCode(read);
        }
        given().get("/api/v1/reviews/" + id).then().statusCode(401);
    }

    static Map<String, Object> tally(String... answers) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < answers.length; i++) {
            body.put(Review.QUESTIONS.get(i), answers[i]);
        }
        return body;
    }

    static Response putItem(String token, String id, String requestId,
            String version, Object body) {
        return given().auth().oauth2(token).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(body).put("/api/v1/reviews/" + id + "/items/" + requestId);
    }

    static Response putReview(String token, String id, String version,
            Object body) {
        return given().auth().oauth2(token).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(body).put("/api/v1/reviews/" + id);
    }

    static Response sign(String token, String id, String version) {
        return given().auth().oauth2(token).header("If-Match", "\"" + version + "\"")
                .post("/api/v1/reviews/" + id + "/sign");
    }
}
