package org.ehiaccess.decision.review;

import static org.ehiaccess.decision.support.TestClinic.assessments;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ReviewResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    /**
     * PH-01, started by the privacy officer, answered by the clinic's clinician, naming a third clinician as the
     * determiner, signed by the privacy officer.
     */
    private static String signedHarmDenial(TestClinic clinic, String request) {
        Map<String, Object> body = new LinkedHashMap<>(TestClinic.preventingHarmCase());
        body.put("determined_by", clinic.id + "-psychiatrist");
        String id = clinic.as(clinic.privacy()).body(body).post(assessments(request)).then().statusCode(201)
                .extract().path("id");
        clinic.as(clinic.clinician()).body(body).put(assessments(request) + "/" + id).then().statusCode(200)
                .body("determined_by", equalTo(clinic.id + "-psychiatrist"));
        clinic.as(clinic.privacy()).post(assessments(request) + "/" + id + "/signature").then().statusCode(200);
        return id;
    }

    @Test
    void anUninvolvedClinicianReviewsAReviewableDenialOnceAndItIsKeptWithTheDecision() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        String assessment = signedHarmDenial(clinic, request);
        String base = assessments(request) + "/" + assessment;

        clinic.as(clinic.frontDesk()).get(base + "/review").then().statusCode(404);
        clinic.as(clinic.frontDesk()).body(Map.of("requestedOn", TODAY.toString(), "channel", "phone"))
                .post(base + "/review-request").then().statusCode(201)
                .body("status", equalTo("requested")).body("requestedOn", equalTo(TODAY.toString()))
                .body("requestChannel", equalTo("phone")).body("requestedBy", equalTo(clinic.id + "-frontdesk"))
                .body("assessmentVersion", equalTo(1))
                // intake-service is not running in this test: queued, reported, not fatal
                .body("intakeUpdated", equalTo(false)).body("intakeMessage", containsString("could not be reached"))
                .body("intakeMessage", containsString("retried automatically"));
        clinic.as(clinic.privacy()).body(Map.of()).post(base + "/review-request").then().statusCode(409)
                .body("detail", containsString("already requested"));

        Map<String, Object> reversal = Map.of("outcome", "reversed",
                "reasons", "The risk has passed; the patient is stable and in outpatient care.");
        // only a clinician reviews, and not one who took part: the author, the signer, the determiner
        clinic.as(clinic.privacy()).body(reversal).post(base + "/review").then().statusCode(403);
        clinic.as(clinic.supervisor()).body(reversal).post(base + "/review").then().statusCode(403);
        clinic.as(clinic.clinician()).body(reversal).post(base + "/review").then().statusCode(403)
                .body("title", equalTo("Reviewer took part in the decision"))
                .body("detail", containsString("164.524(a)(4)"));
        clinic.as(clinic.token(clinic.id + "-psychiatrist", "clinician")).body(reversal).post(base + "/review").then()
                .statusCode(403);
        clinic.as(clinic.token(clinic.id + "-privacy", "clinician")).body(reversal).post(base + "/review").then()
                .statusCode(403);
        clinic.as(clinic.secondClinician()).body(Map.of("outcome", "maybe", "reasons", " ")).post(base + "/review")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("outcome", "reasons"));

        clinic.as(clinic.secondClinician()).body(reversal).post(base + "/review").then().statusCode(200)
                .body("status", equalTo("reversed")).body("outcome", equalTo("reversed"))
                .body("reviewer", equalTo(clinic.id + "-clinician2")).body("decidedAt", notNullValue())
                .body("reasons", equalTo(reversal.get("reasons"))).body("intakeUpdated", equalTo(false));
        clinic.as(clinic.token(clinic.id + "-clinician3", "clinician"))
                .body(Map.of("outcome", "upheld", "reasons", "Second opinion")).post(base + "/review").then()
                .statusCode(409).body("detail", containsString("already decided"));

        clinic.as(clinic.compliance()).get(base + "/review").then().statusCode(200).body("status", equalTo("reversed"))
                .body("intakeUpdated", nullValue());
        clinic.as(clinic.compliance()).get(base).then().body("review_status", equalTo("reversed"));
        clinic.as(clinic.compliance()).get(base + "/summary").then().statusCode(200)
                .body("review.status", equalTo("reversed")).body("review.reviewer", equalTo(clinic.id + "-clinician2"))
                .body("review.requestedOn", equalTo(TODAY.toString()))
                .body("signature.determinedBy", equalTo(clinic.id + "-psychiatrist"));
    }

    @Test
    void someoneWhoEditedTheDecisionBeforeItWasSignedCannotReviewIt() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        String id = clinic.assess(clinic.privacy(), request, TestClinic.preventingHarmCase());
        clinic.as(clinic.secondClinician()).body(TestClinic.preventingHarmCase()).put(assessments(request) + "/" + id)
                .then().statusCode(200);
        clinic.as(clinic.privacy()).post(assessments(request) + "/" + id + "/signature").then().statusCode(200);
        clinic.as(clinic.privacy()).body(Map.of()).post(assessments(request) + "/" + id + "/review-request").then()
                .statusCode(201);
        clinic.as(clinic.secondClinician()).body(Map.of("outcome", "upheld", "reasons", "Still a risk."))
                .post(assessments(request) + "/" + id + "/review").then().statusCode(403);
        clinic.as(clinic.clinician()).body(Map.of("outcome", "upheld", "reasons", "Still a risk."))
                .post(assessments(request) + "/" + id + "/review").then().statusCode(200).body("status", equalTo("upheld"));
    }

    @Test
    void onlyASignedDecisionOnAReviewableGroundCanBeReviewed() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        String unsigned = clinic.assess(clinic.privacy(), request, TestClinic.preventingHarmCase());
        clinic.as(clinic.privacy()).body(Map.of()).post(assessments(request) + "/" + unsigned + "/review-request")
                .then().statusCode(409).body("detail", containsString("not signed"));
        // required by law (state minor-consent law): not a HIPAA (a)(3) ground, no 171.201 determination
        String byLaw = clinic.signed(request, TestClinic.requiredByLawCase());
        clinic.as(clinic.privacy()).body(Map.of()).post(assessments(request) + "/" + byLaw + "/review-request")
                .then().statusCode(409).body("detail", containsString("reviewable ground"));
        clinic.as(clinic.secondClinician()).body(Map.of("outcome", "upheld", "reasons", "x"))
                .post(assessments(request) + "/" + byLaw + "/review").then().statusCode(409);
        // reviewable, but nobody asked yet
        String harm = clinic.signed(request, TestClinic.preventingHarmCase());
        clinic.as(clinic.secondClinician()).body(Map.of("outcome", "upheld", "reasons", "x"))
                .post(assessments(request) + "/" + harm + "/review").then().statusCode(409)
                .body("detail", containsString("requested"));
        clinic.as(clinic.privacy()).body(Map.of("requestedOn", TODAY.plusDays(2).toString(), "channel", "telepathy"))
                .post(assessments(request) + "/" + harm + "/review-request").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("requestedOn", "channel"));
        for (String token : List.of(clinic.admin(), clinic.compliance())) {
            clinic.as(token).body(Map.of()).post(assessments(request) + "/" + harm + "/review-request").then()
                    .statusCode(403);
        }
    }

    @Test
    void anotherClinicCannotAskForDecideOrSeeTheReview() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        String assessment = signedHarmDenial(clinic, request);
        String base = assessments(request) + "/" + assessment;
        clinic.as(clinic.privacy()).body(Map.of()).post(base + "/review-request").then().statusCode(201);

        TestClinic other = TestClinic.fresh();
        other.as(other.privacy()).body(Map.of()).post(base + "/review-request").then().statusCode(404);
        other.as(other.clinician()).body(Map.of("outcome", "reversed", "reasons", "x")).post(base + "/review").then()
                .statusCode(404);
        other.as(other.clinician()).get(base + "/review").then().statusCode(404);
        clinic.as(clinic.privacy()).get(base + "/review").then().body("status", equalTo("requested"));
    }
}
