package org.ehiaccess.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real service the ui calls, run by the test from its packaged jar: a free port reserved for it, its own embedded
 * PostgreSQL (it owns its tables; no service reads another's), and the ui's REST client {@code clientKey} pointed at
 * it. The process itself is started by the test class once the OIDC test server's address is known.
 */
abstract class ServiceDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private final String service;
    private final String clientKey;
    private final String portProperty;
    private final String jdbcProperty;
    private EmbeddedPostgres postgres;

    ServiceDatabaseResource(String service, String clientKey, String portProperty, String jdbcProperty) {
        this.service = service;
        this.clientKey = clientKey;
        this.portProperty = portProperty;
        this.jdbcProperty = jdbcProperty;
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service + "'s embedded PostgreSQL", e);
        }
        int port = IntakeServiceResource.freePort();
        return Map.of(
                "quarkus.rest-client." + clientKey + ".url", "http://localhost:" + port,
                portProperty, String.valueOf(port),
                jdbcProperty, postgres.getJdbcUrl("postgres", "postgres"));
    }

    @Override
    public void stop() {
        // the process belongs to the test class, which stops it in @AfterAll
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
