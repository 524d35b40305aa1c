package org.ehiaccess.ui.testing;


import org.ehiaccess.platform.testing.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The real intake-service, run from its packaged jar as a separate process: against the test's
 * embedded PostgreSQL (it migrates its own schema with Flyway) and trusting the same OIDC test
 * server as the UI. Its output goes to {@code target/intake-e2e.log}.
 */
public final class IntakeService implements AutoCloseable {

    static final Path JAR = Path.of("..", "intake-service", "target", "quarkus-app", "quarkus-run.jar");
    static final Path LOG = Path.of("target", "intake-e2e.log");
    /** A guard against a service that never comes up, not a measurement. */
    static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    private final ServiceProcess process;
    private final int port;

    private IntakeService(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service on the port the UI was configured with and waits until it is ready. */
    public static IntakeService start() {
        return start(List.of());
    }

    /**
     * As {@link #start()}, with more system properties for the service, e.g.
     * {@code -Dintake.alerts.scan-every=2s} to raise deadline alerts within the test.
     */
    public static IntakeService start(List<String> systemProperties) {
        Path jar = privateCopy();
        Config config = ConfigProvider.getConfig();
        int port = config.getValue(IntakeServiceResource.PORT_PROPERTY, Integer.class);
        String keycloakUrl = config.getValue("keycloak.url", String.class);
        List<String> command = new ArrayList<>(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.datasource.jdbc.url=" + config.getValue("quarkus.datasource.jdbc.url", String.class),
                "-Dquarkus.datasource.username=" + config.getValue("quarkus.datasource.username", String.class),
                "-Dquarkus.datasource.password=" + config.getValue("quarkus.datasource.password", String.class),
                "-Dquarkus.oidc.auth-server-url=" + keycloakUrl + "/realms/quarkus/",
                // no reporting-service runs in these tests: its events wait in the outbox
                "-Doutbox.relay-every=off"));
        // a denial asks decision-service whether a signed decision supports it: the test's own, when it runs one
        config.getOptionalValue(DecisionServiceResource.PORT_PROPERTY, Integer.class).ifPresent(
                decisionPort -> command.add("-Dquarkus.rest-client.decision.url=http://localhost:" + decisionPort));
        command.addAll(systemProperties);
        return new IntakeService(ServiceProcess.start("intake-service", jar, port, command, LOG, STARTUP_LIMIT), port);
    }

    /** Where this test JVM runs the service from, so a rebuild of intake-service meanwhile cannot pull jars from under it. */
    static final Path COPY = Path.of("target", "intake-service-app");

    private static synchronized Path privateCopy() {
        return ServiceProcess.privateCopy(JAR, COPY, "run ./mvnw package -pl intake-service -DskipTests first (the full build does it before ui)");
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Its health and metrics (the management interface). */
    public String managementUrl() {
        return process.managementUrl();
    }


    @Override
    public void close() {
        process.close();
    }
}
