package org.ehiaccess.ui.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;

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

    /** When these sign-ins were last stubbed on each server: stubbed again as the demo users' are, before their tokens expire. */
    private static final Map<WireMockServer, Instant> REGISTERED = new WeakHashMap<>();

    private WorksheetUsers() {
    }

    /** Adds the demo sign-ins and these to the OIDC test server (again once their tokens get old). */
    public static synchronized void register(WireMockServer server) {
        DemoUsers.register(server);
        if (!DemoUsers.stale(REGISTERED.get(server))) {
            return;
        }
        REGISTERED.put(server, Instant.now());
        for (DemoUsers.DemoUser user : ALL) {
            DemoUsers.stubTokens(server, user);
        }
    }
}
