package org.ehiaccess.ui.dashboard;

import org.ehiaccess.ui.testing.DecisionServiceResource;
import org.ehiaccess.ui.testing.IntakeServiceResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.ehiaccess.ui.testing.CodeFlow;
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeService;
import org.ehiaccess.ui.testing.ReportingServiceResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;

/** reporting-service is down (its port reserved, nothing listening): the dashboard says so plainly, never a 500. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceResource.class)
@WithTestResource(DecisionServiceResource.class)
@WithTestResource(ReportingServiceResource.class)
class DashboardUnavailableTest {

    static IntakeService intake;

    @OidcWireMock
    WireMockServer oidcServer;

    @BeforeAll
    static void startIntakeOnly() {
        intake = IntakeService.start();
    }

    @AfterAll
    static void stopIntake() {
        if (intake != null) {
            intake.close();
        }
    }

    @BeforeEach
    void demoUsers() {
        DemoUsers.register(oidcServer);
    }

    @Test
    void theDashboardSaysTheFiguresAreNotAvailable() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_COMPLIANCE, "/dashboard");
        for (int i = 0; i < 3; i++) {
            // also once the circuit breaker has opened
            given().cookies(session).when().get("/dashboard").then().statusCode(503)
                    .body(containsString("The clinic's figures are not available right now."))
                    .body(containsString("<option value=\"quarter\" selected>"))
                    .body(not(containsString("data-cell=")))
                    .body(not(containsString("request log is not available")));
        }
        given().cookies(session).when().get("/dashboard/csv?table=byChannel&from=2026-07-01&to=2026-09-30")
                .then().statusCode(503)
                .body(containsString("not available right now"));
        given().cookies(session).when().get("/dashboard/requests?figure=denied&from=2026-07-01&to=2026-09-30")
                .then().statusCode(503)
                .body(containsString("The clinic's figures are not available right now."));
        // the rest of the ui works on
        given().cookies(session).when().get("/requests").then().statusCode(200);
    }
}
