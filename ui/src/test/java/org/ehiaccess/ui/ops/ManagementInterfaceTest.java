package org.ehiaccess.ui.ops;

import org.ehiaccess.ui.testing.ReportingServiceResource;
import org.ehiaccess.ui.testing.DecisionServiceResource;
import io.quarkus.test.common.WithTestResource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.ui.testing.CodeFlow;
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeService;
import org.ehiaccess.ui.testing.IntakeServiceResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Health and metrics are served on the management interface only, never on the public port, and an
 * outsider's requests for made-up record ids leave no series labelled with those ids: for the ui and
 * for the real intake-service (run from its packaged jar).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceResource.class)
@WithTestResource(DecisionServiceResource.class)
@WithTestResource(ReportingServiceResource.class)
class ManagementInterfaceTest {

    static IntakeService intake;

    @OidcWireMock
    WireMockServer oidcServer;

    // relative to the management root, /q
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

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

    @Test
    void intakeServesHealthAndMetricsOnItsManagementPortOnly() {
        given().get(intake.managementUrl() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get(intake.managementUrl() + "/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().redirects().follow(false).get(intake.baseUrl() + "/q/metrics").then().statusCode(404);
        given().redirects().follow(false).get(intake.baseUrl() + "/q/health/ready").then().statusCode(404);
    }

    @Test
    void unauthenticatedDeletesOfMadeUpIdsLeaveNoSeriesNamingThem() {
        // a real call first, so the scrape below does hold http series (templated)
        given().auth().oauth2(DemoUsers.SUNRISE_FRONT_DESK.accessToken())
                .get(intake.baseUrl() + "/api/v1/requests").then().statusCode(200);
        String[] ids = new String[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID().toString();
            int status = given().redirects().follow(false)
                    .delete(intake.baseUrl() + "/api/v1/requests/" + ids[i]).statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status >= 400 && status < 500, "refused, got " + status);
            given().redirects().follow(false).delete("/api/v1/requests/" + ids[i]);
            given().redirects().follow(false).get("/requests/" + ids[i] + "/no-such-page");
        }
        String intakeScrape = given().get(intake.managementUrl() + "/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/requests\""))
                .extract().asString();
        String uiScrape = given().get(metrics).then().statusCode(200).extract().asString();
        for (String id : ids) {
            org.junit.jupiter.api.Assertions.assertFalse(intakeScrape.contains(id), "intake-service metrics name " + id);
            org.junit.jupiter.api.Assertions.assertFalse(uiScrape.contains(id), "ui metrics name " + id);
        }
    }

    @Test
    void uiServesHealthAndMetricsOnItsManagementPortOnly() {
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        given().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        // anonymous: sent to sign in like any other page, nothing served
        given().redirects().follow(false).get("/q/metrics").then().statusCode(302)
                .header("Location", not(startsWith("/q")));
        // signed in: there is no such page on the public port
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests");
        given().cookies(session).redirects().follow(false).get("/q/metrics").then().statusCode(404)
                .body(not(containsString("jvm_memory")));
        given().cookies(session).redirects().follow(false).get("/q/health/ready").then().statusCode(404);
    }
}
