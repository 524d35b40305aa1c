package org.ehiaccess.ui.home;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.ui.testing.CodeFlow;
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeService;
import org.ehiaccess.ui.testing.IntakeServiceResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * What the navigation offers each role, and what it refuses, follows the services' permission table as intake-service
 * answers it (GET /api/v1/permissions/mine): these pages need intake-service running, unlike {@link
 * SignInAndNavigationTest}'s, which also shows the pages when it is down.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(IntakeServiceResource.class)
class RoleNavigationTest {

    static IntakeService intake;

    @OidcWireMock
    WireMockServer oidcServer;

    @BeforeAll
    static void startIntakeService() {
        intake = IntakeService.start();
    }

    @AfterAll
    static void stopIntakeService() {
        if (intake != null) {
            intake.close();
        }
    }

    @BeforeEach
    void demoUsers() {
        DemoUsers.register(oidcServer);
    }

    /**
     * The navigation and the offered actions follow the services' permission table (asked of intake-service), not a
     * copy in the ui: only the front desk logs requests; the privacy officer and the compliance lead log complaints.
     */
    @Test
    void eachRoleIsOfferedOnlyWhatThePermissionTableAllows() {
        for (DemoUsers.DemoUser user : List.of(DemoUsers.SUNRISE_CLINICIAN, DemoUsers.SUNRISE_SUPERVISOR,
                DemoUsers.SUNRISE_PRIVACY)) {
            Map<String, String> session = CodeFlow.signIn(user, "/requests");
            given().cookies(session).when().get("/requests").then().statusCode(200)
                    .body(containsString("Request log"))
                    .body(not(containsString("href=\"/requests/new\"")));
        }
        Map<String, String> supervisor = CodeFlow.signIn(DemoUsers.SUNRISE_SUPERVISOR, "/complaints");
        given().cookies(supervisor).when().get("/complaints").then().statusCode(200)
                .body(not(containsString("href=\"/complaints/new\"")));
        for (DemoUsers.DemoUser user : List.of(DemoUsers.SUNRISE_PRIVACY, DemoUsers.SUNRISE_COMPLIANCE)) {
            Map<String, String> session = CodeFlow.signIn(user, "/complaints");
            given().cookies(session).when().get("/complaints").then().statusCode(200)
                    .body(containsString("href=\"/complaints/new\""));
        }
    }

    @Test
    void hostingOperatorSeesNoClinicPagesAndIsRefusedTheRequestLog() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.OPERATOR, "/");
        given().cookies(session).redirects().follow(false)
                .when().get("/")
                .then().statusCode(200)
                .body(containsString("Hosting operator"))
                .body(not(containsString("href=\"/requests\"")))
                .body(not(containsString("href=\"/requests/new\"")));
        given().cookies(session)
                .when().get("/requests")
                .then().statusCode(403)
                .body(containsString("This page is not open to your role"))
                .body(not(containsString("href=\"/requests\"")));
        given().cookies(session)
                .when().get("/requests/new")
                .then().statusCode(403);
    }

    @Test
    void complianceLeadReviewsTheLogButIsNotOfferedNorAllowedToLogRequests() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_COMPLIANCE, "/");
        given().cookies(session).redirects().follow(false)
                .when().get("/")
                .then().statusCode(303)
                .header("Location", containsString("/requests"));
        given().cookies(session)
                .when().get("/requests/new")
                .then().statusCode(403)
                .body(containsString("Compliance lead"))
                .body(containsString("<a href=\"/requests\">Request log</a>"))
                .body(not(containsString("href=\"/requests/new\"")));
    }

    @Test
    void frontDeskSeesWhoIsSignedInTheirClinicAndTheirNavigation() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new");
        given().cookies(session)
                .when().get("/requests/new")
                .then().statusCode(200)
                .body(containsString("<script src=\"/webjars/htmx.org/dist/htmx.min.js\""))
                .body(not(containsString("unpkg")))
                .body(containsString("Sunrise Family Medicine"))
                .body(containsString("sunrise-frontdesk"))
                .body(containsString("Front desk"))
                .body(containsString("<a href=\"/requests\">Request log</a>"))
                .body(containsString("<a href=\"/requests/new\" aria-current=\"page\">New request</a>"))
                .body(containsString("hx-headers='{\"X-CSRF-Token\": \""))
                .body(containsString("<label for=\"patientName\">"));
    }
}
