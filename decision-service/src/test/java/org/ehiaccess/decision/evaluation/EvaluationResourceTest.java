package org.ehiaccess.decision.evaluation;

import static io.restassured.RestAssured.given;
import static org.ehiaccess.decision.support.DecisionApi.PLATFORM_ADMIN;
import static org.ehiaccess.decision.support.DecisionApi.SUNRISE_FRONT_DESK;
import static org.ehiaccess.decision.support.DecisionApi.as;
import static org.ehiaccess.decision.support.DecisionApi.body;
import static org.ehiaccess.decision.support.DecisionApi.hurricaneCase;
import static org.ehiaccess.decision.support.DecisionApi.unpaidBalanceCase;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.decision.support.DecisionApi;
import org.ehiaccess.platform.testing.ClinicTokens;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class EvaluationResourceTest {

    @Test
    void evaluatesACaseIntoTheVerdictObject() {
        as(SUNRISE_FRONT_DESK).body(hurricaneCase()).post("/api/v1/evaluations").then().statusCode(200)
                .body("verdict", equalTo("covered"))
                .body("exception_ids", equalTo(List.of("171.204")))
                .body("satisfied_conditions", containsInAnyOrder("IN-a1", "IN-b"))
                .body("unmet_conditions", hasSize(0))
                .body("other_candidates_unmet", hasSize(0))
                .body("missing_facts", hasSize(0))
                .body("obligations[0].id", equalTo("infeasibility_written_notice"))
                .body("obligations[0].cfr", equalTo("171.204(b)"))
                .body("obligations[0].due_date", equalTo("2026-03-16"))
                .body("obligations[0].status", equalTo("met"))
                .body("hipaa.status", equalTo("needs_more_facts"))
                .body("documentation_required", hasItem(containsString("written notice")))
                .body("ruleset", equalTo("CURRENT_2024_12"))
                .body("summary", startsWith("Covered"));
    }

    @Test
    void notCoveredSaysNoExceptionCoversThisPracticeAndNeverLabelsIt() {
        String response = as(SUNRISE_FRONT_DESK).body(unpaidBalanceCase()).post("/api/v1/evaluations").then()
                .statusCode(200)
                .body("verdict", equalTo("not_covered"))
                .body("unmet_conditions[0].condition", equalTo("DISQUALIFYING_MOTIVE"))
                .body("summary", containsString("no exception covers this practice"))
                .body("hipaa.status", equalTo("noncompliant"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(response.toLowerCase().contains("information blocking"));
    }

    @TestHTTPResource(value = "/metrics", management = true) // under the management root, /q
    URL metrics;

    @Test
    void verdictsAreCountedForPrometheusWithoutAnyFact() {
        as(SUNRISE_FRONT_DESK).body(unpaidBalanceCase()).post("/api/v1/evaluations").then().statusCode(200);
        given().get(metrics).then().statusCode(200)
                .body(containsString("decision_evaluations_total{ruleset=\"CURRENT_2024_12\",verdict=\"not_covered\"}"));
    }

    @Test
    void everyStaffRoleMayEvaluate() {
        for (String role : DecisionApi.STAFF_ROLES) {
            as(ClinicTokens.demoUser("lakeside", role)).body(hurricaneCase()).post("/api/v1/evaluations").then()
                    .statusCode(200);
        }
    }

    @Test
    void withoutATokenItIs401AndTheHostingOperatorIsRefused() {
        given().contentType(ContentType.JSON).body(hurricaneCase()).post("/api/v1/evaluations").then().statusCode(401);
        as(PLATFORM_ADMIN).body(hurricaneCase()).post("/api/v1/evaluations").then().statusCode(403);
    }

    @Test
    void badInputNamesEveryOffendingFact() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("harm.harm_type", "sadness");                  // outside its enum
        facts.put("harm.reasonable_belief", "yes");              // wrong type
        facts.put("request.received_date", "03/02/2026");        // malformed date
        facts.put("harm.no_such_fact", true);                    // unknown fact id
        facts.put("infeasibility.alt_manners_offered_count", 1.5); // not a whole number
        facts.put("request.ehi_classes", List.of("lab_result", "x_ray_film")); // a value outside the set
        Map<String, Object> practice = Map.of("type", "stall", "claimed_basis", "because", "motive", List.of("greed"));
        as(SUNRISE_FRONT_DESK).body(body(practice, facts)).post("/api/v1/evaluations").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("facts.harm.harm_type", "facts.harm.reasonable_belief",
                        "facts.request.received_date", "facts.harm.no_such_fact",
                        "facts.infeasibility.alt_manners_offered_count", "facts.request.ehi_classes",
                        "practice.type", "practice.claimed_basis", "practice.motive"));
    }

    @Test
    void aMissingPracticeTypeAndUnknownBodyFieldsAreRefused() {
        as(SUNRISE_FRONT_DESK).body(Map.of("facts", Map.of(), "notes", "x")).post("/api/v1/evaluations").then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("practice.type", "notes"));
        as(SUNRISE_FRONT_DESK).body("[1, 2]").post("/api/v1/evaluations").then().statusCode(400);
        as(SUNRISE_FRONT_DESK).body("{not json").post("/api/v1/evaluations").then().statusCode(400);
    }

    @Test
    void theUnverifiedHti5RulesetIsRefusedUnlessEnabled() {
        Map<String, Object> facts = new LinkedHashMap<>(castFacts(hurricaneCase()));
        facts.put("ruleset.version", "HTI5_FINAL");
        as(SUNRISE_FRONT_DESK).body(body(Map.of("type", "delay"), facts)).post("/api/v1/evaluations").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("facts.ruleset.version"))
                .body("errors[0].message", containsString("not enabled"));
    }

    @Test
    void nullFactsAreUnknownNotErrors() {
        Map<String, Object> facts = new LinkedHashMap<>(castFacts(hurricaneCase()));
        facts.put("infeasibility.written_notice_sent", null);
        facts.put("infeasibility.written_notice_date", null);
        facts.put("eval.as_of_date", "2026-03-12");
        as(SUNRISE_FRONT_DESK).body(body(Map.of("type", "delay", "claimed_basis", "infeasibility"), facts))
                .post("/api/v1/evaluations").then().statusCode(200)
                .body("verdict", equalTo("needs_more_facts"))
                .body("missing_facts", equalTo(List.of("infeasibility.written_notice_sent")))
                .body("obligations[0].status", equalTo("pending"))
                .body("summary", not(containsString("information blocking")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castFacts(Map<String, Object> body) {
        return (Map<String, Object>) body.get("facts");
    }
}
