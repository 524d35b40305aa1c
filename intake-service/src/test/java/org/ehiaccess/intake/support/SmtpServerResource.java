package org.ehiaccess.intake.support;

import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) for the mail tests, on a free port. Tests reach it through
 * {@link #server()} and can stop and restart it to simulate an outage.
 */
public class SmtpServerResource implements QuarkusTestResourceLifecycleManager {

    private static ServerSetup setup;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        startServer();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.mock", "false", "quarkus.mailer.start-tls", "DISABLED");
    }

    public static synchronized GreenMail server() {
        return server;
    }

    /** Simulates an SMTP outage. */
    public static synchronized void stopServer() {
        server.stop();
    }

    public static synchronized void startServer() {
        server = new GreenMail(setup);
        server.start();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
