package org.ehiaccess.decision.summary;

import static org.ehiaccess.decision.support.TestClinic.assessments;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.ehiaccess.decision.support.DecisionApi;
import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SummaryResourceTest {

    @Test
    void aCoveredDecisionShowsItsFactsConditionsSignatureAndRules() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        String id = clinic.signed(request, TestClinic.preventingHarmCase());
        clinic.as(clinic.frontDesk()).get(assessments(request) + "/" + id + "/summary").then().statusCode(200)
                .body("requestId", equalTo(request)).body("assessmentId", equalTo(id)).body("version", equalTo(1))
                .body("verdict", equalTo("covered")).body("verdictText", equalTo("covered by an exception"))
                .body("exceptions[0].id", equalTo("171.201")).body("exceptions[0].name", equalTo("Preventing Harm"))
                // facts in plain words, with the question the worksheet asked
                .body("facts.find { it.id == 'harm.harm_type' }.question", equalTo("What harm is the practice meant to prevent?"))
                .body("facts.find { it.id == 'harm.harm_type' }.answer", equalTo("Life or physical safety"))
                .body("facts.find { it.id == 'harm.reasonable_belief' }.answer", equalTo("Yes"))
                .body("facts.find { it.id == 'harm.reasonable_belief' }.cfr", equalTo("171.201(a)"))
                .body("facts.find { it.id == 'practice.type' }.answer", equalTo("Limit scope"))
                // each condition with its paragraph and state
                .body("conditions.find { it.id == 'PH-a' }.status", equalTo("met"))
                .body("conditions.find { it.id == 'PH-a' }.cfr", equalTo("171.201(a)"))
                .body("conditions.find { it.id == 'PH-d' }.mark", equalTo("U"))
                .body("conditions.find { it.id == 'PH-d' }.requirement", notNullValue())
                .body("obligations.find { it.id == 'hipaa_action' }.dueDate", equalTo("2026-04-01"))
                .body("obligations.find { it.id == 'hipaa_action' }.cfr", containsString("164.524(b)(2)"))
                .body("signature.signed", equalTo(true)).body("signature.signedBy", equalTo(clinic.id + "-privacy"))
                .body("signature.signedRole", equalTo("privacy-officer")).body("signature.signedAt", notNullValue())
                .body("ruleset.id", equalTo("CURRENT_2024_12")).body("ruleset.effectiveDate", equalTo("2024-12-17"))
                .body("ruleset.catalogVersion", equalTo("2026-12-04"))
                .body("documentationRequired", hasItem(containsString("determination record")))
                .body("review", nullValue());
    }

    @Test
    void noExceptionCoversThisPracticeAndTheUnmetConditionsSayWhy() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        String id = clinic.assess(clinic.privacy(), request, DecisionApi.unpaidBalanceCase());
        clinic.as(clinic.privacy()).get(assessments(request) + "/" + id + "/summary").then().statusCode(200)
                .body("verdict", equalTo("not_covered"))
                .body("verdictText", equalTo("no exception covers this practice"))
                .body("conditions.find { it.id == 'DISQUALIFYING_MOTIVE' }.status", equalTo("unmet"))
                .body("signature.signed", equalTo(false));

        String needsFacts = clinic.assess(clinic.privacy(), request, DecisionApi.body(
                java.util.Map.of("type", "deny", "claimed_basis", "preventing_harm"),
                java.util.Map.of("request.requester_type", "patient")));
        clinic.as(clinic.privacy()).get(assessments(request) + "/" + needsFacts + "/summary").then().statusCode(200)
                .body("verdict", equalTo("needs_more_facts"))
                .body("missingFacts.id", hasItems("harm.reasonable_belief", "harm.harm_type"))
                .body("missingFacts.find { it.id == 'harm.harm_type' }.question", equalTo("What harm is the practice meant to prevent?"))
                .body("conditions.find { it.id == 'PH-a' }.status", equalTo("open"));
    }

    @Test
    void aMinorsOwnCareWithheldFromAParentIsNeverCalledAFailureOfTheRightOfAccess() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("request.requester_type", "parent_or_guardian_of_minor");
        facts.put("request.ehi_classes", java.util.List.of("full_record", "minor_confidential_service"));
        facts.put("law.mandates_practice", true);
        facts.put("law.kind", "mandatory");
        facts.put("law.citation", "State Health Code §X (minor consent; disclosure prohibited)");
        facts.put("law.practice_limited_to_mandate", true);
        // a denial resting on no HIPAA ground would be noncompliant if 164.524 applied to the parent
        facts.put("hipaa.denial_ground", "none");
        facts.put("hipaa.minor_controls_withheld_phi", true);
        String id = clinic.signed(request, DecisionApi.body(java.util.Map.of("type", "limit_scope",
                "claimed_basis", "required_by_law", "motive", java.util.List.of("legal_mandate")), facts));
        String json = clinic.as(clinic.privacy()).get(assessments(request) + "/" + id + "/summary").then()
                .statusCode(200).body("verdict", equalTo("required_by_law"))
                .body("hipaa.status", equalTo("not_applicable")).body("hipaa.issues.size()", equalTo(0))
                .body("warnings", hasItem(containsString("164.502(g)(3)")))
                .body("summary", containsString("not applicable to the withheld portion"))
                .body("facts.find { it.id == 'hipaa.minor_controls_withheld_phi' }.question",
                        containsString("the teen consented to this care alone under state law"))
                .extract().asString();
        String html = clinic.as(clinic.privacy()).get(assessments(request) + "/" + id + "/summary.html").then()
                .statusCode(200).extract().asString();
        for (String text : java.util.List.of(json, html)) {
            assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("does not meet the right of access"), text);
            assertFalse(text.contains("noncompliant"), text);
            assertFalse(text.contains("no ground HIPAA allows"), text);
        }
        assertTrue(html.contains("state law governs"), html);
    }

    @Test
    void theSummaryPrintsAsHtmlAndAnotherClinicSeesNothing() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        String id = clinic.signed(request, DecisionApi.unpaidBalanceCase());
        String html = clinic.as(clinic.compliance()).get(assessments(request) + "/" + id + "/summary.html").then()
                .statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("Exception analysis summary"), html);
        assertTrue(html.contains("Verdict: no exception covers this practice"), html);
        assertTrue(html.contains("@media print"), html);
        assertTrue(html.contains(clinic.id + "-privacy (privacy-officer)"), html);
        assertFalse(html.contains("information blocking"), html);

        TestClinic other = TestClinic.fresh();
        other.as(other.privacy()).get(assessments(request) + "/" + id + "/summary").then().statusCode(404);
        other.as(other.privacy()).get(assessments(request) + "/" + id + "/summary.html").then().statusCode(404);
        clinic.as(clinic.privacy()).get(assessments(request) + "/not-a-uuid/summary").then().statusCode(404);
    }
}
