package org.ehiaccess.decision;

import static org.ehiaccess.decision.support.DecisionApi.hurricaneCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The platform's strict JSON in this service (issue 11, items 2, 4 and 5): free-form facts, the practice and
 * matrix rows refuse a NUL, deep nesting and null list elements naming the field; nothing is saved.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class StrictInputDecisionTest {

    @Test
    void nulInFactsOrPracticeIsRefusedNamingTheField() {
        TestClinic clinic = TestClinic.fresh();
        Map<String, Object> body = new HashMap<>(hurricaneCase());
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = new LinkedHashMap<>((Map<String, Object>) body.get("facts"));
        facts.put("infeasibility.condition", "uncontrollable\u0000event");
        body.put("facts", facts);
        clinic.as(clinic.frontDesk()).body(body).post("/api/v1/evaluations").then().statusCode(400)
                .body("type", equalTo(ProblemType.INVALID_INPUT.uri()))
                .body("errors[0].field", equalTo("facts.infeasibility.condition"));
        body = new HashMap<>(hurricaneCase());
        body.put("practice", Map.of("type", "delay\u0000", "claimed_basis", "infeasibility"));
        clinic.as(clinic.frontDesk()).body(body).post("/api/v1/evaluations").then().statusCode(400)
                .body("errors[0].field", equalTo("practice.type"));
    }

    @Test
    void deepNestingIsRefusedNamingTheField() {
        TestClinic clinic = TestClinic.fresh();
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        for (String field : List.of("practice", "facts")) {
            String body = "{\"" + field + "\":" + deep + "}";
            clinic.as(clinic.frontDesk()).body(body).post("/api/v1/evaluations").then().statusCode(400)
                    .body("errors[0].field", equalTo(field));
        }
    }

    @Test
    void aNullMotiveInTheMatrixIsRefusedNamingItAndNothingIsSaved() {
        TestClinic clinic = TestClinic.fresh();
        List<Map<String, Object>> rows = new ArrayList<>(clinic.as(clinic.admin()).get("/api/v1/denial-reasons")
                .then().statusCode(200).extract().jsonPath().getList("rows"));
        Map<String, Object> row = new LinkedHashMap<>(rows.get(0));
        row.put("motives", Arrays.asList((Object) null));
        rows.set(0, row);
        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(Map.of("rows", rows))
                .put("/api/v1/denial-reasons").then().statusCode(400)
                .body("errors[0].field", startsWith("rows[0].motives"));
        clinic.as(clinic.admin()).get("/api/v1/denial-reasons").then().body("version", equalTo(0));
    }
}
