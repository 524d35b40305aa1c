package org.ehiaccess.ui.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.ui.client.intake.IntakeUnavailableException;
import org.ehiaccess.ui.client.intake.PermissionsClient;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The operations each signed-in person may do, as intake-service answers from the services' one permission table,
 * kept for a minute per access token so that a page does not ask on every render. A new token (new sign-in, refreshed
 * roles) asks again.
 */
@ApplicationScoped
public class OwnOperations {

    static final Duration KEEP = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Set<String> operations, Instant until) {
    }

    private final Map<String, Entry> byToken = new ConcurrentHashMap<>();

    @Inject
    PermissionsClient client;

    /** The operations for this access token; none when the services cannot be asked (offer nothing rather than guess). */
    public Set<String> of(String accessToken) {
        Instant now = Instant.now();
        Entry entry = byToken.get(accessToken);
        if (entry != null && entry.until().isAfter(now)) {
            return entry.operations();
        }
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            // an error page rendered on the I/O thread (a 404 for an unknown path) may not block on intake-service:
            // it offers what was last known, or nothing beyond the pages every role has
            return entry != null ? entry.operations() : Set.of();
        }
        Set<String> operations;
        try {
            operations = client.mine();
        } catch (IntakeUnavailableException | FaultToleranceException e) {
            return Set.of();
        }
        if (byToken.size() >= MAX_ENTRIES) {
            byToken.values().removeIf(e -> !e.until().isAfter(now));
            if (byToken.size() >= MAX_ENTRIES) {
                byToken.clear();
            }
        }
        byToken.put(accessToken, new Entry(operations, now.plus(KEEP)));
        return operations;
    }
}
