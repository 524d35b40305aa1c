package org.ehiaccess.intake.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.ehiaccess.platform.testing.ServiceProcess;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real reporting-service, run from its packaged jar as a separate process (stopped and started again by the test),
 * with a database of its own in the test's embedded PostgreSQL and trusting the same OIDC test server as
 * intake-service. Output in {@code target/reporting-e2e.log}. The reactor builds reporting-service before
 * intake-service; when only intake-service is built, package reporting-service first.
 */
public final class ReportingServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("..", "reporting-service", "target", "quarkus-app", "quarkus-run.jar");
    static final Path COPY = Path.of("target", "reporting-service-app");
    static final Path LOG = Path.of("target", "reporting-e2e.log");
    static final String DATABASE = "reporting_e2e";
    /** A guard against a service that never comes up, not a measurement. */
    static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

    private final ServiceProcess process;

    private ReportingServiceProcess(ServiceProcess process) {
        this.process = process;
    }

    /** Reserves reporting-service's port and points intake-service's reporting client at it (nothing listens yet). */
    public static class PortResource implements QuarkusTestResourceLifecycleManager {

        public static final String PORT_PROPERTY = "test.reporting.port";

        @Override
        public Map<String, String> start() {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port for reporting-service", e);
            }
            return Map.of("quarkus.rest-client.reporting.url", "http://localhost:" + port, PORT_PROPERTY,
                    String.valueOf(port));
        }

        @Override
        public void stop() {
            // the process belongs to the test class, which closes it
        }
    }

    public static ReportingServiceProcess start() {
        Path jar = ServiceProcess.privateCopy(JAR, COPY,
                "run ./mvnw -pl reporting-service -am package -DskipTests first (the full build does it before intake-service)");
        Config config = ConfigProvider.getConfig();
        int port = config.getValue(PortResource.PORT_PROPERTY, Integer.class);
        int postgresPort = config.getValue("test.postgres.port", Integer.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        ServiceProcess.createDatabase(postgresPort, user, password, DATABASE);
        List<String> command = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE,
                "-Dquarkus.datasource.username=" + user, "-Dquarkus.datasource.password=" + password,
                "-Dquarkus.oidc.auth-server-url=" + config.getValue("keycloak.url", String.class) + "/realms/quarkus/");
        return new ReportingServiceProcess(ServiceProcess.start("reporting-service", jar, port, command, LOG,
                STARTUP_LIMIT));
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    @Override
    public void close() {
        process.close();
    }
}
