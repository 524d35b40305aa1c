package org.ehiaccess.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Reserves a free port for the real reporting-service, gives it its own embedded PostgreSQL (it owns its tables), and
 * points the ui's reporting client at it. The service itself is started by {@link ReportingService} once the OIDC
 * test server's address is known; a test class that never starts it sees reporting-service down.
 */
public class ReportingServiceResource implements QuarkusTestResourceLifecycleManager {

    public static final String PORT_PROPERTY = "test.reporting.port";
    public static final String JDBC_PROPERTY = "test.reporting.jdbc-url";

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start reporting-service's embedded PostgreSQL", e);
        }
        int port = IntakeServiceResource.freePort();
        return Map.of(
                "quarkus.rest-client.reporting.url", "http://localhost:" + port,
                PORT_PROPERTY, String.valueOf(port),
                JDBC_PROPERTY, postgres.getJdbcUrl("postgres", "postgres"));
    }

    @Override
    public void stop() {
        // the process belongs to ReportingService, which each test class stops in @AfterAll
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
