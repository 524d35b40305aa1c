package org.ehiaccess.decision.guidance;

import static org.ehiaccess.decision.support.TestClinic.assessments;
import static org.ehiaccess.decision.support.TestClinic.letter;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.decision.support.DecisionApi;
import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * GET .../assessments/{id}/guidance: what follows from each kind of decision, decided by decision-service once
 * (reviewable or not, the letters that fit, the suggested status and letter, who may review).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class GuidanceResourceTest {

    static String guidance(String request, String id) {
        return assessments(request) + "/" + id + "/guidance";
    }

    /** PH-01 as a denial of the whole request (practice deny), on a 164.524(a)(3) ground. */
    static Map<String, Object> harmDenial() {
        Map<String, Object> body = new LinkedHashMap<>(TestClinic.preventingHarmCase());
        body.put("practice", Map.of("type", "deny", "claimed_basis", "preventing_harm", "motive", List.of("safety_risk")));
        return body;
    }

    @Test
    void aCoveredDenialOnAnA3GroundIsReviewableAndGetsADenialLetter() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        String id = clinic.signed(request, harmDenial());
        clinic.as(clinic.frontDesk()).get(guidance(request, id)).then().statusCode(200)
                .body("signed", equalTo(true)).body("verdict", equalTo("covered")).body("denies", equalTo(true))
                .body("reviewable", equalTo(true)).body("reviewBasis", containsString("164.524(a)(3)"))
                .body("reviewRequestable", equalTo(true)).body("reviewStatus", nullValue())
                .body("letterKinds.kind", contains("denial", "partial_fulfilment", "extension", "no_records"))
                .body("otherLetterKinds.kind", contains("infeasibility", "review_outcome"))
                .body("suggestedLetter", equalTo("denial")).body("suggestedStatus", equalTo("denied"))
                .body("reviewer.whoMayReview", containsString("took no part"))
                .body("reviewer.eligible", equalTo(false))
                .body("reviewer.whyNot", containsString("not asked for a review"));
    }

    @Test
    void aDenialNoExceptionCoversIsNotReviewableGetsNoDenialLetterAndSuggestsFulfilling() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        // an (a)(3) ground is recorded, but no Part 171 exception covers withholding over a bill
        Map<String, Object> body = DecisionApi.body(
                Map.of("type", "deny", "claimed_basis", "none", "motive", List.of("unpaid_balance")),
                Map.of("request.requester_type", "patient", "request.purpose", "individual_access",
                        "hipaa.denial_ground", "a3_life_or_physical_safety"));
        String id = clinic.signed(request, body);
        clinic.as(clinic.secondClinician()).get(guidance(request, id)).then().statusCode(200)
                .body("verdict", equalTo("not_covered")).body("denies", equalTo(false))
                .body("reviewable", equalTo(false)).body("reviewRequestable", equalTo(false))
                .body("reviewBasis", containsString("Not a denial"))
                .body("letterKinds.kind", not(hasItem("denial"))).body("letterKinds.kind", not(hasItem("partial_fulfilment")))
                .body("letterKinds.kind", contains("extension", "no_records"))
                .body("otherLetterKinds.find { it.kind == 'denial' }.reason", containsString("no exception covers"))
                .body("suggestedLetter", nullValue()).body("suggestedStatus", equalTo("fulfilled"))
                .body("reviewer.eligible", equalTo(false))
                .body("reviewer.whyNot", containsString("not a reviewable denial"));
        // the review is refused by the same rule
        clinic.as(clinic.frontDesk()).body(Map.of()).post(assessments(request) + "/" + id + "/review-request").then()
                .statusCode(409);
    }

    @Test
    void aDecisionThatNeedsMoreFactsOffersOnlyAnExtensionOrNoRecordsNotice() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        Map<String, Object> body = DecisionApi.body(
                Map.of("type", "deny", "claimed_basis", "preventing_harm", "motive", List.of("safety_risk")),
                Map.of("request.requester_type", "patient", "request.purpose", "individual_access",
                        "request.received_date", "2026-03-02"));
        String id = clinic.signed(request, body);
        clinic.as(clinic.privacy()).get(guidance(request, id)).then().statusCode(200)
                .body("verdict", equalTo("needs_more_facts")).body("reviewable", equalTo(false))
                .body("letterKinds.kind", contains("extension", "no_records"))
                .body("suggestedLetter", equalTo("extension")).body("suggestedStatus", equalTo("in_review"));
    }

    @Test
    void aLimitedScopeSuggestsPartialFulfillment() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        String id = clinic.signed(request, TestClinic.preventingHarmCase());
        clinic.as(clinic.privacy()).get(guidance(request, id)).then().statusCode(200)
                .body("verdict", equalTo("covered")).body("reviewable", equalTo(true))
                .body("letterKinds.kind[0]", equalTo("partial_fulfilment"))
                .body("suggestedLetter", equalTo("partial_fulfilment"))
                .body("suggestedStatus", equalTo("partially_fulfilled"));
    }

    @Test
    void anUnsignedDecisionOffersNoLetterYet() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        String id = clinic.assess(clinic.privacy(), request, TestClinic.preventingHarmCase());
        clinic.as(clinic.privacy()).get(guidance(request, id)).then().statusCode(200)
                .body("signed", equalTo(false)).body("letterKinds.size()", equalTo(0))
                .body("reviewRequestable", equalTo(false)).body("reviewer.whyNot", containsString("not signed"));
        clinic.as(clinic.privacy()).get(guidance(request, UUID.randomUUID().toString())).then().statusCode(404);
        TestClinic.fresh().as(TestClinic.fresh().privacy()).get(guidance(request, id)).then().statusCode(404);
    }

    @Test
    void afterAReversalTheStatusFollowsItAndTheReviewOutcomeNoticeIsOffered() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = UUID.randomUUID().toString();
        String id = clinic.signed(request, TestClinic.preventingHarmCase());
        String base = assessments(request) + "/" + id;
        clinic.as(clinic.frontDesk()).body(Map.of()).post(base + "/review-request").then().statusCode(201);

        // who may review: not the privacy officer who made and signed it, not a non-clinician; another clinician
        clinic.as(clinic.privacy()).get(base + "/guidance").then().statusCode(200)
                .body("reviewStatus", equalTo("requested")).body("reviewRequestable", equalTo(false))
                .body("reviewer.eligible", equalTo(false)).body("reviewer.whyNot", containsString("clinician"));
        clinic.as(clinic.token(clinic.id + "-privacy", "clinician")).get(base + "/guidance").then()
                .body("reviewer.eligible", equalTo(false)).body("reviewer.whyNot", containsString("took part"));
        clinic.as(clinic.secondClinician()).get(base + "/guidance").then()
                .body("reviewer.eligible", equalTo(true)).body("reviewer.whyNot", nullValue());

        clinic.as(clinic.secondClinician()).body(Map.of("outcome", "reversed", "reasons", "The risk has passed."))
                .post(base + "/review").then().statusCode(200);
        clinic.as(clinic.privacy()).get(base + "/guidance").then().statusCode(200)
                .body("reviewStatus", equalTo("reversed"))
                .body("suggestedStatus", equalTo("fulfilled")).body("statusReason", containsString("reversed"))
                .body("suggestedLetter", equalTo("review_outcome"))
                .body("letterKinds[0].kind", equalTo("review_outcome"))
                .body("letterKinds[0].cfr", containsString("164.524(d)(4)"))
                .body("letterKinds.kind", not(hasItem("denial"))).body("letterKinds.kind", not(hasItem("partial_fulfilment")))
                .body("reviewer.eligible", equalTo(false)).body("reviewer.whyNot", containsString("already decided"));

        // the (d)(4) notice is a letter of its own, stating the reviewer's decision and reasons
        String letterId = clinic.as(clinic.privacy()).body(letter("review_outcome")).post(base + "/letters").then()
                .statusCode(201).body("kind", equalTo("review_outcome")).extract().path("id");
        String html = clinic.as(clinic.privacy()).get(TestClinic.letters(request) + "/" + letterId + "/html").then()
                .statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("reversed the denial"), html);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("The risk has passed."), html);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("164.524(d)(4)"), html);
        // and a denial no longer fits the reversed decision
        clinic.as(clinic.privacy()).body(letter("partial_fulfilment")).post(base + "/letters").then().statusCode(409)
                .body("detail", containsString("reversed"));
    }

    @Test
    void anUpheldReviewKeepsTheDenialsStatusAndOffersTheNotice() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        String id = clinic.signed(request, harmDenial());
        String base = assessments(request) + "/" + id;
        clinic.as(clinic.frontDesk()).body(Map.of()).post(base + "/review-request").then().statusCode(201);
        // a review-outcome notice before the review is decided does not fit
        clinic.saveLetterSettings();
        clinic.as(clinic.privacy()).body(letter("review_outcome")).post(base + "/letters").then().statusCode(409)
                .body("type", containsString("not-allowed-for-decision"));
        clinic.as(clinic.secondClinician()).body(Map.of("outcome", "upheld", "reasons", "Still a risk."))
                .post(base + "/review").then().statusCode(200);
        clinic.as(clinic.privacy()).get(base + "/guidance").then().statusCode(200)
                .body("suggestedStatus", equalTo("denied")).body("suggestedLetter", equalTo("review_outcome"))
                .body("letterKinds.kind", hasItem("denial"));
    }
}
