package org.ehiaccess.ui.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ehiaccess.platform.testing.ServiceProcess;

/**
 * The real reporting-service, run from its packaged jar as a separate process, on its own embedded PostgreSQL and
 * trusting the same OIDC test server as the ui. Each start empties its database (Flyway clean, then migrate), so a
 * test class counts only the events it delivers. Its output goes to {@code target/reporting-e2e.log}.
 */
public final class ReportingService implements AutoCloseable {

    static final Path JAR = Path.of("..", "reporting-service", "target", "quarkus-app", "quarkus-run.jar");
    static final Path LOG = Path.of("target", "reporting-e2e.log");
    static final Path COPY = Path.of("target", "reporting-service-app");
    static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    private final ServiceProcess process;
    private final int port;

    private ReportingService(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service on the port the ui was configured with and waits until it is ready. */
    public static ReportingService start() {
        Path jar = ServiceProcess.privateCopy(JAR, COPY,
                "run ./mvnw package -pl reporting-service -am -DskipTests first (the full build does it before ui)");
        Config config = ConfigProvider.getConfig();
        int port = config.getValue(ReportingServiceResource.PORT_PROPERTY, Integer.class);
        String keycloakUrl = config.getValue("keycloak.url", String.class);
        List<String> command = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.datasource.jdbc.url=" + config.getValue(ReportingServiceResource.JDBC_PROPERTY, String.class),
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.flyway.clean-disabled=false",
                "-Dquarkus.flyway.clean-at-start=true",
                "-Dquarkus.oidc.auth-server-url=" + keycloakUrl + "/realms/quarkus/");
        return new ReportingService(ServiceProcess.start("reporting-service", jar, port, command, LOG, STARTUP_LIMIT),
                port);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
