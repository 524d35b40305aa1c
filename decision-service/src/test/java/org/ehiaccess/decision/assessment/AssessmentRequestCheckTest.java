package org.ehiaccess.decision.assessment;

import static org.ehiaccess.decision.support.TestClinic.assessments;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.ehiaccess.decision.support.IntakeServiceProcess;
import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

/**
 * An assessment is made only on a request intake-service holds in the caller's clinic: asked with the caller's token
 * of the real intake-service (its own process and database). First with intake-service not yet started (503), then
 * with it running.
 */
@QuarkusTest
@TestProfile(IntakeServiceProcess.RequestsVerified.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceProcess.PortResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssessmentRequestCheckTest {

    static IntakeServiceProcess intake;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void closeTheCircuitBreakers() {
        breakers.resetAll();
    }

    @AfterAll
    static void stopIntakeService() {
        if (intake != null) {
            intake.close();
        }
    }

    @Test
    @Order(1)
    void whenIntakeServiceCannotBeReachedNoAssessmentIsCreated() {
        // intake-service's port is reserved, but the process is not started yet: nothing answers there
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        clinic.as(clinic.privacy()).body(TestClinic.preventingHarmCase()).post(assessments(request)).then()
                .statusCode(503).body("type", equalTo(ProblemType.SERVICE_UNAVAILABLE.uri()))
                .body("detail", containsString("No assessment was created"));
        clinic.as(clinic.privacy()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(TestClinic.preventingHarmCase()).post(assessments(request)).then().statusCode(503);
        clinic.as(clinic.privacy()).get(assessments(request)).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    @Order(2)
    void anotherClinicsRequestIsNotFoundAndNoAssessmentIsStored() {
        intake = IntakeServiceProcess.start();
        TestClinic sunrise = TestClinic.fresh();
        TestClinic lakeside = TestClinic.fresh();
        String theirs = intake.logRequest(sunrise.frontDesk());

        lakeside.as(lakeside.privacy()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(TestClinic.preventingHarmCase()).post(assessments(theirs)).then().statusCode(404)
                .body("type", equalTo(ProblemType.NOT_FOUND.uri()));
        // an id intake-service never issued is not found either
        String unknown = UUID.randomUUID().toString();
        lakeside.as(lakeside.privacy()).body(TestClinic.preventingHarmCase()).post(assessments(unknown)).then()
                .statusCode(404).body("type", equalTo(ProblemType.NOT_FOUND.uri()));
        lakeside.as(lakeside.privacy()).get(assessments(theirs)).then().statusCode(200).body("", hasSize(0));
        sunrise.as(sunrise.privacy()).get(assessments(theirs)).then().statusCode(200).body("", hasSize(0));

        // the request's own clinic assesses it as before
        String assessment = sunrise.assess(sunrise.privacy(), theirs, TestClinic.preventingHarmCase());
        sunrise.as(sunrise.privacy()).get(assessments(theirs)).then().body("", hasSize(1))
                .body("[0].id", equalTo(assessment)).body("[0].version", equalTo(1));
        lakeside.as(lakeside.privacy()).get(assessments(theirs)).then().body("", hasSize(0));
    }
}
