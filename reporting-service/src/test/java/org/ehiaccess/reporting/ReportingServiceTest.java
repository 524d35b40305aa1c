package org.ehiaccess.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The service starts on its own database, reports ready and publishes its metrics on the management
 * interface, with its API description (none of them on the public port).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ReportingServiceTest {

    @TestHTTPResource(value = "/health/ready", management = true) // under the management root, /q
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true) // under the management root, /q
    URL metrics;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Test
    void isReadyWithItsDatabase() {
        given().get(ready).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    @Test
    void publishesPrometheusMetricsAndOpenApi() {
        given().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get(openApi).then().statusCode(200);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }
}
