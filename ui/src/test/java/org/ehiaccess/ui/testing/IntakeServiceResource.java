package org.ehiaccess.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Reserves a free port for the real intake-service and points the UI's REST client at it. The
 * service itself is started by {@link IntakeService} once the OIDC test server's address is known
 * (REST clients connect lazily, so the UI starts without it).
 */
public class IntakeServiceResource implements QuarkusTestResourceLifecycleManager {

    public static final String PORT_PROPERTY = "test.intake.port";

    @Override
    public Map<String, String> start() {
        int port = freePort();
        return Map.of(
                "quarkus.rest-client.intake.url", "http://localhost:" + port,
                PORT_PROPERTY, String.valueOf(port));
    }

    @Override
    public void stop() {
        // the process belongs to IntakeService, which each test class stops in @AfterAll
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for intake-service", e);
        }
    }
}
