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
import org.ehiaccess.ui.testing.IntakeServiceResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Signing in, the layout, the navigation each role gets, and the static assets. No service is called. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(IntakeServiceResource.class)
class SignInAndNavigationTest {

    @OidcWireMock
    WireMockServer oidcServer;

    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;

    @BeforeEach
    void demoUsers() {
        DemoUsers.register(oidcServer);
    }

    @Test
    void anonymousVisitorsAreSentToTheIdentityProvider() {
        for (String path : new String[] { "/", "/requests", "/requests/new" }) {
            given().redirects().follow(false)
                    .when().get(path)
                    .then().statusCode(302)
                    .header("Location", startsWith(keycloakUrl + "/realms/quarkus"))
                    .header("Location", containsString("client_id=" + DemoUsers.CLIENT_ID))
                    .header("Location", containsString("response_type=code"));
        }
    }

    @Test
    void anonymousFormPostIsNotAccepted() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("patientName", "Anyone")
                .when().post("/requests")
                .then().statusCode(302)
                .header("Location", startsWith(keycloakUrl + "/realms/quarkus"));
    }

    @Test
    void htmxIsServedFromTheWebjarNotACdn() {
        given().when().get("/webjars/htmx.org/dist/htmx.min.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("htmx"));
        given().when().get("/css/app.css")
                .then().statusCode(200)
                .contentType(containsString("text/css"));
    }

    @Test
    void whenTheRequestLogServiceIsDownThePagesSaySoAndTheFormKeepsWhatWasTyped() {
        // this class never starts intake-service: nothing listens on its port
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests");
        given().cookies(session)
                .when().get("/requests")
                .then().statusCode(503)
                .body(containsString("The request log is not available right now"))
                .body(not(containsString("Exception")));
        CodeFlow.FormPage page = CodeFlow.openForm(session);
        given().cookies(page.cookies()).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("idempotencyKey", page.idempotencyKey())
                .formParam("receivedAt", "2026-01-12T09:15")
                .formParam("channel", "mail")
                .formParam("requesterType", "patient")
                .formParam("requesterName", "Ida Brooks")
                .formParam("patientName", "Ida Brooks")
                .formParam("patientBirthDate", "1944-04-04")
                .formParam("ehiClasses", "billing")
                .when().post("/requests")
                .then().statusCode(503)
                .body(containsString("Sending the form again is safe"))
                .body(containsString("value=\"Ida Brooks\""))
                .body(containsString("name=\"idempotencyKey\" value=\"" + page.idempotencyKey() + "\""));
    }

    @Test
    void signingOutEndsTheSessionAtTheIdentityProvider() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new");
        CodeFlow.FormPage page = CodeFlow.openForm(session);
        given().cookies(page.cookies()).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .when().post("/logout")
                .then().statusCode(303)
                .header("Location", containsString("/protocol/openid-connect/end-session"))
                .header("Location", containsString("id_token_hint="))
                .header("Location", containsString("signed-out"))
                .cookie("q_session", "");
    }

    @Test
    void aSignOutWithoutTheCsrfTokenIsRefusedAndSignsNobodyOut() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/new");
        CodeFlow.FormPage page = CodeFlow.openForm(session);
        // what a page on another site can send: the browser adds the cookies, but it cannot know the token
        for (Map<String, String> form : List.of(Map.<String, String>of(), Map.of("csrf-token", "forged"))) {
            given().cookies(page.cookies()).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParams(form)
                    .when().post("/logout")
                    .then().statusCode(greaterThanOrEqualTo(400))
                    .header("Location", nullValue())
                    .header("Set-Cookie", anyOf(nullValue(), not(containsString("q_session"))));
        }
        given().cookies(page.cookies()).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .when().post("/logout")
                .then().statusCode(greaterThanOrEqualTo(400));
        // still signed in
        given().cookies(session).redirects().follow(false).when().get("/requests/new").then().statusCode(200);
        // an error page has no token to give: its sign-out link opens a page with the form (a GET signs nobody out)
        given().cookies(session).redirects().follow(false).when().get("/no-such-page").then().statusCode(404)
                .body(containsString("href=\"/logout\""));
        given().cookies(session).redirects().follow(false).when().get("/logout").then().statusCode(200)
                .body(containsString("action=\"/logout\""))
                .body(containsString("name=\"csrf-token\""))
                .header("Set-Cookie", anyOf(nullValue(), not(containsString("q_session"))));
        // the sign-out button carries the token
        org.junit.jupiter.api.Assertions.assertTrue(
                page.html().matches("(?s).*<form class=\"sign-out\" method=\"post\" action=\"/logout\">\\s*"
                        + "<input type=\"hidden\" name=\"csrf-token\" value=\"" + java.util.regex.Pattern.quote(page.csrfToken())
                        + "\">.*"),
                "the sign-out form carries the CSRF token");
    }

    @Test
    void signedOutPageIsPublic() {
        given().redirects().follow(false)
                .when().get("/signed-out")
                .then().statusCode(200)
                .body(containsString("You have signed out"));
    }
}
