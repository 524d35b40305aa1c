package org.ehiaccess.ui.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.vertx.core.json.JsonObject;

/**
 * The sign-ins the worksheet tests need beyond {@link DemoUsers}: a second clinician (the independent reviewer of a
 * reviewable denial) and Sunrise's clinic administrator (the Denial Reason Matrix and letter settings).
 */
public final class WorksheetUsers {

    public static final DemoUsers.DemoUser SUNRISE_CLINICIAN_2 = new DemoUsers.DemoUser("sunrise-clinician2", "sunrise",
            Set.of("clinician"));
    public static final DemoUsers.DemoUser SUNRISE_ADMIN = new DemoUsers.DemoUser("sunrise-admin", "sunrise",
            Set.of("clinic-admin"));
    public static final DemoUsers.DemoUser LAKESIDE_PRIVACY = new DemoUsers.DemoUser("lakeside-privacy", "lakeside",
            Set.of("privacy-officer"));

    public static final List<DemoUsers.DemoUser> ALL = List.of(SUNRISE_CLINICIAN_2, SUNRISE_ADMIN, LAKESIDE_PRIVACY);

    private static final Set<WireMockServer> REGISTERED = Collections.newSetFromMap(new WeakHashMap<>());

    private WorksheetUsers() {
    }

    /** Adds the demo sign-ins and these to the OIDC test server (once per server). */
    public static synchronized void register(WireMockServer server) {
        DemoUsers.register(server);
        if (!REGISTERED.add(server)) {
            return;
        }
        for (DemoUsers.DemoUser user : ALL) {
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
}
