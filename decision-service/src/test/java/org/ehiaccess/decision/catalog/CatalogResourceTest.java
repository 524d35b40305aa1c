package org.ehiaccess.decision.catalog;

import static io.restassured.RestAssured.given;
import static org.ehiaccess.decision.support.DecisionApi.SUNRISE_FRONT_DESK;
import static org.ehiaccess.decision.support.DecisionApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CatalogResourceTest {

    @Test
    void theCurrentCatalogHasConditionsWithCitationsMarksDatesAndQuestions() {
        String body = as(SUNRISE_FRONT_DESK).get("/api/v1/catalog").then().statusCode(200)
                .body("ruleset", equalTo("CURRENT_2024_12"))
                .body("enabled", equalTo(true))
                .body("exceptions.id", hasItems("171.201", "171.202", "171.203", "171.204", "171.205", "171.206",
                        "171.301", "171.302", "171.303", "171.403"))
                .body("exceptions.find { it.id == '171.204' }.requires", equalTo("((IN-a1 OR IN-a2 OR IN-a3 OR IN-a4 OR IN-a5) AND IN-b)"))
                .body("conditions.find { it.id == 'PH-a' }.cfr", equalTo("171.201(a)"))
                .body("conditions.find { it.id == 'PH-a' }.mark", equalTo("V"))
                .body("conditions.find { it.id == 'PH-d' }.mark", equalTo("U"))
                .body("conditions.find { it.id == 'PR-e' }.effective_date", equalTo("2024-12-17"))
                .body("conditions.find { it.id == 'RL-1' }.cfr", equalTo("171.103(a)(1)"))
                .body("conditions.find { it.id == 'PH-c' }.questions.fact",
                        hasItems("harm.risk_type", "harm.determiner_is_licensed_hcp"))
                .body("conditions.find { it.id == 'PH-c' }.questions.find { it.fact == 'harm.determiner_is_licensed_hcp' }.asks_when",
                        equalTo("harm.risk_type == individualized_determination"))
                .body("facts.find { it.id == 'harm.harm_type' }.values", hasItem("life_or_physical_safety"))
                .body("facts.find { it.id == 'harm.harm_type' }.type", equalTo("enum"))
                .body("facts.find { it.id == 'scope.only_non_ehi' }.derived", equalTo(true))
                .body("candidates.delay.find { it.exception == '171.202' }.branches", equalTo(java.util.List.of("PR-e")))
                .body("deadlines.find { it.id == 'infeasibility_written_notice' }.business_days", equalTo(10))
                .body("hipaa_checks.cfr", hasItem("164.524(d)(2)(ii)"))
                .body("labels.values.individualized_determination",
                        equalTo("A licensed clinician's individualized determination (c)(1)"))
                .body("labels.by_fact.'practice.claimed_basis=none'", containsString("None chosen yet"))
                .body("labels.verdicts.not_covered", equalTo("No exception covers this practice"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.toLowerCase().contains("information blocking"));
    }

    @Test
    void hti5IsListedAsNotEnabledWithoutTheDroppedParagraphs() {
        as(SUNRISE_FRONT_DESK).queryParam("ruleset", "HTI5_FINAL").get("/api/v1/catalog").then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("warning", containsString("not verified"))
                .body("conditions.id", not(hasItem("IN-a3")))
                .body("conditions.id", not(hasItem("TE")))
                .body("exceptions.id", not(hasItem("171.403")))
                .body("exceptions.find { it.id == '171.204' }.requires", equalTo("((IN-a1 OR IN-a2 OR IN-a4 OR IN-a5) AND IN-b)"));
    }

    @Test
    void anUnknownRulesetIs400AndAnonymousIs401() {
        as(SUNRISE_FRONT_DESK).queryParam("ruleset", "HTI9").get("/api/v1/catalog").then().statusCode(400)
                .body("errors[0].field", equalTo("ruleset"));
        given().get("/api/v1/catalog").then().statusCode(401);
    }

    /** asks_when is read here, once: a question is asked, not asked, or waits for the answer it depends on. */
    @Test
    void theQuestionsToAskFollowTheAnswersSoFar() {
        as(SUNRISE_FRONT_DESK).contentType("application/json")
                .body(java.util.Map.of("facts", java.util.Map.of("practice.type", "deny",
                        "practice.claimed_basis", "preventing_harm", "harm.risk_type", "data_misidentified_or_erroneous",
                        "request.requester_type", "patient")))
                .post("/api/v1/catalog/questions").then().statusCode(200)
                .body("facts.'harm.determiner_is_licensed_hcp'.state", equalTo("not_asked"))
                .body("facts.'harm.determiner_is_licensed_hcp'.dependsOn", equalTo("harm.risk_type"))
                .body("facts.'harm.risk_type'.state", equalTo("asked"))
                .body("facts.'privacy.precondition_type'.state", equalTo("waiting"))
                .body("facts.'privacy.precondition_type'.dependsOn", equalTo("privacy.subexception"))
                .body("facts.'hipaa.minor_controls_withheld_phi'.state", equalTo("not_asked"))
                .body("hipaa", hasItems("hipaa.denial_ground", "hipaa.denial_notice_written"))
                .body("hipaa", not(hasItem("hipaa.extension_notice_sent")));
        // a claimed privacy sub-exception selects its branch: its questions are asked
        as(SUNRISE_FRONT_DESK).contentType("application/json")
                .body(java.util.Map.of("practice", java.util.Map.of("type", "delay", "claimed_basis", "privacy_precondition"),
                        "facts", java.util.Map.of("harm.risk_type", "individualized_determination",
                                "request.requester_type", "parent_or_guardian_of_minor")))
                .post("/api/v1/catalog/questions").then().statusCode(200)
                .body("facts.'privacy.precondition_type'.state", equalTo("asked"))
                .body("facts.'harm.determiner_is_licensed_hcp'.state", equalTo("asked"))
                .body("facts.'hipaa.minor_controls_withheld_phi'.state", equalTo("asked"))
                .body("hipaa", hasItem("hipaa.extension_notice_sent"));
        as(SUNRISE_FRONT_DESK).contentType("application/json").body(java.util.Map.of("facts", java.util.List.of()))
                .post("/api/v1/catalog/questions").then().statusCode(400).body("errors.field", hasItem("facts"));
    }
}
