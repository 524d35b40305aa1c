package org.ehiaccess.ui.testing;


import org.ehiaccess.platform.testing.ServiceProcess;
import org.ehiaccess.platform.testing.ServiceTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The real decision-service, run from its packaged jar as a separate process, on its own embedded PostgreSQL (it
 * migrates its schema with Flyway), trusting the same OIDC test server as the UI, and knowing where intake-service
 * is. Its output goes to {@code target/decision-e2e.log}. Its outbox relay is off: the request log's updates are sent
 * right after each change only, so a test that stops intake-service sees them wait.
 */
public final class DecisionService implements AutoCloseable {

    static final Path JAR = Path.of("..", "decision-service", "target", "quarkus-app", "quarkus-run.jar");
    static final Path LOG = Path.of("target", "decision-e2e.log");
    static final Path COPY = Path.of("target", "decision-service-app");
    static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);


    private final ServiceProcess process;
    private final int port;

    private DecisionService(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service on the port the UI was configured with; {@code intakeUrl}: the running intake-service. */
    public static DecisionService start(String intakeUrl) {
        Path jar = privateCopy();
        Config config = ConfigProvider.getConfig();
        int port = config.getValue(DecisionServiceResource.PORT_PROPERTY, Integer.class);
        String keycloakUrl = config.getValue("keycloak.url", String.class);
        // decision-service sends the request log's updates with its own token (client credentials, role service)
        ServiceTokens.answerClientCredentials(keycloakUrl, "decision-service", "decision-service-secret");
        List<String> command = new ArrayList<>(List.of("-Xmx320m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.datasource.jdbc.url=" + config.getValue(DecisionServiceResource.JDBC_PROPERTY, String.class),
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.oidc.auth-server-url=" + keycloakUrl + "/realms/quarkus/",
                "-Dquarkus.rest-client.intake.url=" + intakeUrl,
                // updates are tried right after each change; a test that stops intake-service sees them wait
                "-Doutbox.relay-every=off"));
        return new DecisionService(ServiceProcess.start("decision-service", jar, port, command, LOG, STARTUP_LIMIT), port);
    }

    /** A copy of the packaged app, so that a rebuild of decision-service meanwhile cannot pull jars from under it. */
    private static synchronized Path privateCopy() {
        return ServiceProcess.privateCopy(JAR, COPY, "run ./mvnw package -pl decision-service -am -DskipTests first (the full build does it before ui)");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }


    @Override
    public void close() {
        process.close();
    }
}
