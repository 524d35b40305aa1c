package org.ehiaccess.decision.matrix;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DenialReasonResourceTest {

    static final String PATH = "/api/v1/denial-reasons";

    @Test
    void theShippedDefaultsCoverTheCommonSituationsOnTheirLegalPaths() {
        TestClinic clinic = TestClinic.fresh();
        JsonPath matrix = clinic.as(clinic.frontDesk()).get(PATH).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("version", equalTo(0)).body("customised", equalTo(false))
                .body("defaultsVersion", notNullValue())
                .body("rows.legalPath", hasItems("out_of_scope", "required_by_law", "hipaa_unreviewable",
                        "part171_exception", "hipaa_reviewable_preventing_harm", "no_basis_fulfil"))
                .body("rows.situation", everyItem(notNullValue()))
                .body("rows.citation", everyItem(notNullValue()))
                .extract().jsonPath();
        // the situations of the issue, each on the path the law gives it (164.524 against Part 171; 171.200/171.300)
        assertRow(matrix, "unpaid_balance", "no_basis_fulfil", null, null);
        assertRow(matrix, "blanket_result_hold", "no_basis_fulfil", null, null);
        assertRow(matrix, "emotional_distress_only", "no_basis_fulfil", null, null);
        assertRow(matrix, "psychotherapy_notes_or_litigation", "out_of_scope", null, "partial_fulfilment");
        assertRow(matrix, "state_law_minor_consent", "required_by_law", null, "partial_fulfilment");
        assertRow(matrix, "danger_to_life_or_safety", "hipaa_reviewable_preventing_harm", "171.201", "partial_fulfilment");
        assertRow(matrix, "references_other_person", "hipaa_reviewable_preventing_harm", "171.201", "partial_fulfilment");
        assertRow(matrix, "personal_representative_harm", "hipaa_reviewable_preventing_harm", "171.201", "denial");
        assertRow(matrix, "confidential_source", "hipaa_unreviewable", "171.202", "partial_fulfilment");
        assertRow(matrix, "authorization_missing", "part171_exception", "171.202", "denial");
        assertRow(matrix, "patient_asked_not_to_share", "part171_exception", "171.202", "denial");
        assertRow(matrix, "identity_not_verified", "part171_exception", "171.202", null);
        assertRow(matrix, "outage", "part171_exception", "171.204", "infeasibility");
        assertRow(matrix, "cannot_segment", "part171_exception", "171.204", "infeasibility");
        assertRow(matrix, "we_only_fax", "no_basis_fulfil", null, null);
        assertRow(matrix, "portal_fee", "no_basis_fulfil", null, null);
        assertRow(matrix, "app_security_without_policy", "no_basis_fulfil", null, null);
        assertRow(matrix, "reproductive_care_legal_risk", "part171_exception", "171.206", "denial");
        assertRow(matrix, "no_records_held", "out_of_scope", null, "no_records");
        assertEquals("U", row(matrix, "reproductive_care_legal_risk").get("mark"));
        assertEquals("164.524(a)(3)(i); 171.201(a), (b), (c)(1), (d)(3), (e), (f)",
                row(matrix, "danger_to_life_or_safety").get("citation"));
        assertEquals("171.102 (EHI excludes them); 164.524(a)(1)(i)-(ii)",
                row(matrix, "psychotherapy_notes_or_litigation").get("citation"));
    }

    @Test
    void theClinicAdministratorSavesResetsAndEveryChangeIsAudited() {
        TestClinic clinic = TestClinic.fresh();
        List<Map<String, Object>> rows = defaults(clinic);
        rows.remove(0);
        Map<String, Object> own = new LinkedHashMap<>(rows.get(0));
        own.put("key", "our_own_row");
        own.put("situation", "A situation in our own words");
        rows.add(own);

        // If-Match is required, and must be the version the administrator edited
        clinic.as(clinic.admin()).body(Map.of("rows", rows)).put(PATH).then().statusCode(428);
        clinic.as(clinic.admin()).header("If-Match", "\"7\"").body(Map.of("rows", rows)).put(PATH).then().statusCode(409);
        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(Map.of("rows", rows)).put(PATH).then().statusCode(200)
                .header("ETag", "\"1\"").body("version", equalTo(1)).body("customised", equalTo(true))
                .body("rows", hasSize(rows.size())).body("rows.key", hasItem("our_own_row"))
                .body("rows.key", not(hasItem("unpaid_balance")));
        clinic.as(clinic.privacy()).get(PATH).then().statusCode(200).header("ETag", "\"1\"")
                .body("rows.key", hasItem("our_own_row"));
        // a stale edit loses nothing
        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(Map.of("rows", rows)).put(PATH).then().statusCode(409);

        clinic.as(clinic.admin()).post(PATH + "/reset").then().statusCode(200).header("ETag", "\"2\"")
                .body("customised", equalTo(false)).body("rows.key", hasItem("unpaid_balance"))
                .body("rows.key", not(hasItem("our_own_row")));

        clinic.as(clinic.admin()).get(PATH + "/history").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].action", equalTo("saved")).body("[0].actor", equalTo(clinic.id + "-admin"))
                .body("[0].before.version", equalTo(0)).body("[0].before.customised", equalTo(false))
                .body("[0].after.version", equalTo(1)).body("[0].after.rows.key", hasItem("our_own_row"))
                .body("[1].action", equalTo("reset_to_defaults")).body("[1].after.customised", equalTo(false))
                .body("[0].at", notNullValue());
    }

    @Test
    void badRowsAreRefusedNamingEachFieldAndNothingIsSaved() {
        TestClinic clinic = TestClinic.fresh();
        List<Map<String, Object>> rows = defaults(clinic);
        int harmIndex = indexOf(rows, "danger_to_life_or_safety");
        int feeIndex = indexOf(rows, "portal_fee");
        rows.get(1).put("legalPath", "hipaa_permitted");
        rows.get(2).put("claimedBasis", "gut_feeling");
        rows.get(3).put("practiceType", "ignore");
        rows.get(4).put("situation", " ");
        rows.get(8).put("key", rows.get(0).get("key"));
        rows.get(6).put("motives", List.of("unpaid_balance", "bad_mood"));
        rows.get(7).put("letterKind", "postcard");
        // a reviewable HIPAA ground routes only to 171.201 (164.524(a)(3) -> 171.201)
        rows.get(harmIndex).put("exceptionId", "171.202");
        // no basis -> fulfil: nothing is denied, so there is no letter
        rows.get(feeIndex).put("letterKind", "denial");

        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(Map.of("rows", rows)).put(PATH).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("rows[1].legalPath", "rows[2].claimedBasis",
                        "rows[3].practiceType", "rows[4].situation", "rows[8].key", "rows[6].motives[1]",
                        "rows[7].letterKind", "rows[" + harmIndex + "].exceptionId", "rows[" + feeIndex + "].letterKind"));
        clinic.as(clinic.admin()).get(PATH).then().body("version", equalTo(0)).body("customised", equalTo(false));
        clinic.as(clinic.admin()).get(PATH + "/history").then().body("", hasSize(0));

        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(Map.of("rows", List.of(Map.of("key", "x",
                "situation", "s", "legalPath", "out_of_scope", "citation", "171.102", "surprise", 1)))).put(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("rows[0].surprise"));
        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(Map.of()).put(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("rows"));
    }

    @Test
    void suggestionsOfferTheMatchingRowsBestFirst() {
        TestClinic clinic = TestClinic.fresh();
        clinic.as(clinic.clinician()).queryParam("practiceType", "deny").queryParam("motive", "unpaid_balance")
                .get(PATH + "/suggestions").then().statusCode(200)
                .body("rows[0].key", equalTo("unpaid_balance")).body("rows[0].legalPath", equalTo("no_basis_fulfil"));
        // claiming preventing harm out of worry about upset: the pitfall comes first, the harm rows after it
        clinic.as(clinic.clinician()).queryParam("practiceType", "deny").queryParam("claimedBasis", "preventing_harm")
                .queryParam("motive", "emotional_distress_concern").get(PATH + "/suggestions").then().statusCode(200)
                .body("rows[0].key", equalTo("emotional_distress_only"))
                .body("rows.key", hasItems("danger_to_life_or_safety", "personal_representative_harm"))
                .body("rows.key", not(hasItem("unpaid_balance")));
        clinic.as(clinic.clinician()).queryParam("claimedBasis", "infeasibility").get(PATH + "/suggestions").then()
                .statusCode(200).body("rows.key", containsInAnyOrder("outage", "cannot_segment"));
        clinic.as(clinic.clinician()).queryParam("claimedBasis", "whatever").queryParam("motive", "nope")
                .get(PATH + "/suggestions").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("claimedBasis", "motive"));
    }

    @Test
    void onlyTheClinicAdministratorChangesItAndAnotherClinicSeesNothingOfIt() {
        TestClinic clinic = TestClinic.fresh();
        List<Map<String, Object>> rows = defaults(clinic).subList(0, 3);
        for (String token : List.of(clinic.frontDesk(), clinic.privacy(), clinic.clinician(), clinic.supervisor(),
                clinic.compliance())) {
            clinic.as(token).header("If-Match", "\"0\"").body(Map.of("rows", rows)).put(PATH).then().statusCode(403);
            clinic.as(token).post(PATH + "/reset").then().statusCode(403);
            clinic.as(token).get(PATH).then().statusCode(200);
        }
        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(Map.of("rows", rows)).put(PATH).then().statusCode(200);

        TestClinic other = TestClinic.fresh();
        other.as(other.admin()).get(PATH).then().statusCode(200).body("version", equalTo(0))
                .body("customised", equalTo(false)).body("rows.size()", equalTo(defaults(other).size()));
        other.as(other.admin()).get(PATH + "/history").then().statusCode(200).body("", hasSize(0));
        other.as(other.clinician()).queryParam("motive", "unpaid_balance").get(PATH + "/suggestions").then()
                .body("rows[0].key", equalTo("unpaid_balance"));
        // its own save does not touch the first clinic's matrix
        other.as(other.admin()).header("If-Match", "\"0\"").body(Map.of("rows", defaults(other).subList(5, 6)))
                .put(PATH).then().statusCode(200);
        clinic.as(clinic.admin()).get(PATH).then().body("rows", hasSize(3)).body("version", equalTo(1));
        io.restassured.RestAssured.given().get(PATH).then().statusCode(401);
        clinic.as(org.ehiaccess.decision.support.DecisionApi.PLATFORM_ADMIN).get(PATH).then().statusCode(403);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> defaults(TestClinic clinic) {
        List<Map<String, Object>> rows = clinic.as(clinic.admin()).get(PATH).then().statusCode(200).extract()
                .jsonPath().getList("rows");
        List<Map<String, Object>> copy = new ArrayList<>();
        rows.forEach(r -> copy.add(new LinkedHashMap<>(r)));
        return copy;
    }

    private static Map<String, Object> row(JsonPath matrix, String key) {
        List<Map<String, Object>> rows = matrix.getList("rows");
        return rows.stream().filter(r -> key.equals(r.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no default row " + key));
    }

    private static void assertRow(JsonPath matrix, String key, String legalPath, String exceptionId, String letterKind) {
        Map<String, Object> row = row(matrix, key);
        assertEquals(legalPath, row.get("legalPath"), key);
        assertEquals(exceptionId, row.get("exceptionId"), key);
        assertEquals(letterKind, row.get("letterKind"), key);
    }

    private static int indexOf(List<Map<String, Object>> rows, String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (key.equals(rows.get(i).get("key"))) {
                return i;
            }
        }
        throw new AssertionError("no default row " + key);
    }
}
