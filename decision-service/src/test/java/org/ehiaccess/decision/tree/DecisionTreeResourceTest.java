package org.ehiaccess.decision.tree;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
class DecisionTreeResourceTest {

    static final String PATH = "/api/v1/decision-trees/preventing-harm";

    @Test
    void theClinicianWalksTheTreeAndItsAnswersAreAWorksheetTheEngineCovers() {
        TestClinic clinic = TestClinic.fresh();
        JsonPath tree = clinic.as(clinic.clinician()).get(PATH).then().statusCode(200)
                .body("start", equalTo("not_ehi"))
                .body("steps.id", hasItems("not_ehi", "who_asks", "state_law", "harm_to_patient", "breadth", "record"))
                .extract().jsonPath();

        // the suicidal-patient case (PH-01): own access, danger to life, the treating psychiatrist decided it
        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, Object> outcome = walk(tree, facts, List.of("No", "The patient's own access",
                "It would endanger the life or physical safety of the patient or someone else",
                "A licensed health care professional who treats or treated the patient decided it, for this patient",
                "Yes", "Yes", "Yes"));
        assertEquals("covered_if_signed", outcome.get("result"));
        assertEquals("danger_to_life_or_safety", outcome.get("matrixKey"));

        // the answers, completed with what the worksheet asks beside the tree, are covered by 171.201
        facts.put("request.requester_type", "patient");
        facts.put("harm.reasonable_belief", true);
        facts.put("harm.determiner_is_licensed_hcp", true);
        facts.put("harm.determiner_has_clinician_patient_relationship", true);
        clinic.as(clinic.clinician()).body(Map.of("practice", Map.of("type", "limit_scope",
                "claimed_basis", "preventing_harm"), "facts", facts)).post("/api/v1/evaluations").then()
                .statusCode(200).body("verdict", equalTo("covered")).body("exception_ids[0]", equalTo("171.201"));

        // distress is not enough for the patient's own access (pitfall P3)
        outcome = walk(tree, new LinkedHashMap<>(), List.of("No", "The patient's own access",
                "Distress, upset, or the patient may not understand it"));
        assertEquals("no_basis_fulfil", outcome.get("result"));
        assertEquals("emotional_distress_only", outcome.get("matrixKey"));
        // psychotherapy notes are decided before preventing harm is reached
        assertEquals("out_of_scope", walk(tree, new LinkedHashMap<>(), List.of("Yes")).get("result"));
        // a state law that forbids a parent's access is required by law
        assertEquals("required_by_law", walk(tree, new LinkedHashMap<>(),
                List.of("No", "A personal representative (for example a parent or guardian)",
                        "Yes, the law requires us to withhold it")).get("result"));

        clinic.as(clinic.frontDesk()).get("/api/v1/decision-trees/nonsense").then().statusCode(404);
    }

    /** Follows the options with these labels from the start; the answers' facts go into {@code facts}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> walk(JsonPath tree, Map<String, Object> facts, List<String> answers) {
        List<Map<String, Object>> steps = tree.getList("steps");
        String current = tree.getString("start");
        for (String answer : answers) {
            String id = current;
            Map<String, Object> step = steps.stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow();
            Map<String, Object> option = ((List<Map<String, Object>>) step.get("options")).stream()
                    .filter(o -> answer.equals(o.get("label"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no option '" + answer + "' at " + id));
            if (step.get("fact") != null && option.get("value") != null) {
                facts.put((String) step.get("fact"), option.get("value"));
            }
            facts.putAll((Map<String, Object>) option.get("sets"));
            if (option.get("outcome") != null) {
                return (Map<String, Object>) option.get("outcome");
            }
            current = (String) option.get("next");
            assertNotNull(current);
        }
        throw new AssertionError("the answers ended before an outcome");
    }
}
