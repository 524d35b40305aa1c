package org.ehiaccess.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Reserves a free port for the real decision-service and gives it its own embedded PostgreSQL (it owns its tables;
 * no service reads another's), and points the UI's decision client at it. The service itself is started by
 * {@link DecisionService} once the OIDC test server's address is known.
 */
public class DecisionServiceResource implements QuarkusTestResourceLifecycleManager {

    public static final String PORT_PROPERTY = "test.decision.port";
    public static final String JDBC_PROPERTY = "test.decision.jdbc-url";

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
            throw new UncheckedIOException("Could not start decision-service's embedded PostgreSQL", e);
        }
        int port = IntakeServiceResource.freePort();
        return Map.of(
                "quarkus.rest-client.decision.url", "http://localhost:" + port,
                PORT_PROPERTY, String.valueOf(port),
                JDBC_PROPERTY, postgres.getJdbcUrl("postgres", "postgres"));
    }

    @Override
    public void stop() {
        // the process belongs to DecisionService, which each test class stops in @AfterAll
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
