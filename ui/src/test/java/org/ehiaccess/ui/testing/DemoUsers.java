package org.ehiaccess.ui.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

import org.ehiaccess.platform.testing.ClinicTokens;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;

/**
 * Demo sign-ins on the Quarkus OIDC test server: its login page sends back a code naming the user,
 * and its token endpoint answers that code with tokens carrying the user's clinic and roles, signed
 * like the clinics realm's ({@link ClinicTokens}). Newer WireMock stubs win over the server's own.
 */
public final class DemoUsers {

    /** The web app's client id in tests (application.properties, %test). */
    public static final String CLIENT_ID = "quarkus-web-app";

    /** A person who can sign in: user name, clinic (null for the hosting operator) and roles. */
    public record DemoUser(String username, String clinicId, Set<String> roles, String email) {
        public DemoUser(String username, String clinicId, Set<String> roles) {
            this(username, clinicId, roles, null);
        }

        public String accessToken() {
            if (clinicId == null) {
                return OidcWiremockTestResource.generateJwtToken(username, roles, username, "Bearer",
                        Set.of("https://server.example.com"), Map.of());
            }
            if (email == null) {
                return ClinicTokens.accessToken(username, clinicId, roles.toArray(String[]::new));
            }
            return OidcWiremockTestResource.generateJwtToken(username, roles, username, "Bearer",
                    Set.of("https://server.example.com"), clinicClaims());
        }

        public String idToken() {
            return OidcWiremockTestResource.generateJwtToken(username, roles, username, "ID", Set.of(CLIENT_ID),
                    clinicClaims());
        }

        private Map<String, String> clinicClaims() {
            Map<String, String> claims = new HashMap<>();
            if (clinicId != null) {
                claims.put("clinic_id", clinicId);
                claims.put("clinic_name", ClinicTokens.CLINIC_NAMES.getOrDefault(clinicId, clinicId));
            }
            if (email != null) {
                claims.put("email", email);
            }
            return claims;
        }
    }

    public static final DemoUser SUNRISE_FRONT_DESK = new DemoUser("sunrise-frontdesk", "sunrise", Set.of("front-desk"));
    public static final DemoUser LAKESIDE_FRONT_DESK = new DemoUser("lakeside-frontdesk", "lakeside", Set.of("front-desk"));
    public static final DemoUser SUNRISE_COMPLIANCE = new DemoUser("sunrise-compliance", "sunrise", Set.of("compliance-lead"));
    public static final DemoUser OPERATOR = new DemoUser("hosting-operator", null, Set.of("platform-admin"));

    public static final DemoUser SUNRISE_PRIVACY = new DemoUser("sunrise-privacy", "sunrise", Set.of("privacy-officer"));
    public static final DemoUser SUNRISE_SUPERVISOR = new DemoUser("sunrise-supervisor", "sunrise", Set.of("supervisor"));
    public static final DemoUser SUNRISE_CLINICIAN = new DemoUser("sunrise-clinician", "sunrise", Set.of("clinician"));
    /** Riverside: the alert inbox tests' own clinic, so that no other test's requests raise its alerts. */
    public static final DemoUser RIVERSIDE_SUPERVISOR = new DemoUser("riverside-supervisor", "riverside",
            Set.of("supervisor"), "riverside-supervisor@example.org");
    /** Riverside's front desk: it logs the requests whose alerts the supervisor reads (the permission table). */
    public static final DemoUser RIVERSIDE_FRONT_DESK = new DemoUser("riverside-frontdesk", "riverside",
            Set.of("front-desk"));
    /** Hillside: the settings tests' own clinic, so that a changed time zone moves no other test's times. */
    public static final DemoUser HILLSIDE_ADMIN = new DemoUser("hillside-admin", "hillside", Set.of("clinic-admin"));
    public static final DemoUser HILLSIDE_FRONT_DESK = new DemoUser("hillside-frontdesk", "hillside", Set.of("front-desk"));

    public static final List<DemoUser> ALL = List.of(SUNRISE_FRONT_DESK, LAKESIDE_FRONT_DESK, SUNRISE_COMPLIANCE, OPERATOR,
            SUNRISE_PRIVACY, SUNRISE_SUPERVISOR, SUNRISE_CLINICIAN, RIVERSIDE_SUPERVISOR, RIVERSIDE_FRONT_DESK, HILLSIDE_ADMIN,
            HILLSIDE_FRONT_DESK);

    /**
     * When the sign-ins were last stubbed on each server. Their tokens expire five minutes after they
     * were made, and every test class with the same test resources shares one server: stub them again
     * (the newest stub answers) once they are two minutes old, so a long suite can still sign in.
     */
    private static final Map<WireMockServer, Instant> REGISTERED = new WeakHashMap<>();
    private static final Duration FRESH_FOR = Duration.ofMinutes(2);

    private DemoUsers() {
    }

    /** Adds the demo sign-ins to the OIDC test server (once per server). */
    public static synchronized void register(WireMockServer server) {
        if (server == null) {
            throw new IllegalStateException("The OIDC test server was not injected (@OidcWireMock WireMockServer)");
        }
        if (!stale(REGISTERED.get(server))) {
            return;
        }
        REGISTERED.put(server, Instant.now());
        // the login form sends back a code that names the user
        server.stubFor(get(urlPathEqualTo("/login"))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location",
                                "{{request.query.redirect_uri}}?state={{request.query.state}}&code={{request.query.username}}")
                        .withTransformers("response-template")));
        for (DemoUser user : ALL) {
            stubTokens(server, user);
        }
    }

    /** Whether the sign-ins stubbed at {@code stubbed} (null: never) must be stubbed again: their tokens get old. */
    static boolean stale(Instant stubbed) {
        return stubbed == null || !stubbed.plus(FRESH_FOR).isAfter(Instant.now());
    }

    /** The token endpoint answers the code naming {@code user} with fresh tokens for that user (the newest stub wins). */
    static void stubTokens(WireMockServer server, DemoUser user) {
        JsonObject tokens = new JsonObject()
                .put("access_token", user.accessToken())
                .put("id_token", user.idToken())
                .put("refresh_token", "refresh-" + user.username())
                .put("token_type", "Bearer")
                .put("expires_in", 300);
        server.stubFor(post(urlPathEqualTo("/auth/realms/quarkus/token"))
                .withRequestBody(matching("(.*&)?code=" + Pattern.quote(user.username()) + "(&.*)?"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(tokens.encode())));
    }
}
