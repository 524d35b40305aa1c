package org.ehiaccess.decision.support;


import org.ehiaccess.platform.testing.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.RestAssured;

/**
 * The real intake-service, run from its packaged jar as a separate process, with a database of its own in the test's
 * embedded PostgreSQL (it migrates its schema with Flyway) and trusting the same OIDC test server as decision-service.
 * Its output goes to {@code target/intake-e2e.log}. The reactor builds intake-service before decision-service; when
 * only decision-service is built, package intake-service first.
 */
public final class IntakeServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("..", "intake-service", "target", "quarkus-app", "quarkus-run.jar");
    static final Path COPY = Path.of("target", "intake-service-app");
    static final Path LOG = Path.of("target", "intake-e2e.log");
    static final String DATABASE = "intake_e2e";
    /** A guard against a service that never comes up, not a measurement. */
    static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

    private final ServiceProcess process;
    private final int port;

    private IntakeServiceProcess(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Reserves the port and points decision-service's REST client at it; the process starts in the test class. */
    public static class PortResource implements QuarkusTestResourceLifecycleManager {

        public static final String PORT_PROPERTY = "test.intake.port";
        /** decision-service's own port in the test, fixed here so that intake-service can be pointed at it. */
        public static final String DECISION_PORT_PROPERTY = "test.decision.port";

        @Override
        public Map<String, String> start() {
            int port = freePort("intake-service");
            int decisionPort = freePort("decision-service");
            return Map.of("quarkus.rest-client.intake.url", "http://localhost:" + port, PORT_PROPERTY,
                    String.valueOf(port), "quarkus.http.test-port", String.valueOf(decisionPort),
                    DECISION_PORT_PROPERTY, String.valueOf(decisionPort));
        }

        private static int freePort(String service) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port for " + service, e);
            }
        }

        @Override
        public void stop() {
            // the process belongs to the test class, which closes it in @AfterAll
        }
    }

    /**
     * decision-service asking intake-service whether a request is in the caller's clinic before it creates an
     * assessment, as in production (the other tests assess requests intake-service never saw, with the check off).
     */
    public static class RequestsVerified implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("decision.intake.verify-requests", "true");
        }
    }

    public static IntakeServiceProcess start() {
        Path jar = privateCopy();
        Config config = ConfigProvider.getConfig();
        int port = config.getValue(PortResource.PORT_PROPERTY, Integer.class);
        int postgresPort = config.getValue("test.postgres.port", Integer.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        ServiceProcess.createDatabase(postgresPort, user, password, DATABASE);
        List<String> command = new ArrayList<>(List.of("-Xmx320m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE,
                "-Dquarkus.datasource.username=" + user,
                "-Dquarkus.datasource.password=" + password,
                "-Dquarkus.oidc.auth-server-url=" + config.getValue("keycloak.url", String.class) + "/realms/quarkus/",
                "-Dquarkus.scheduler.enabled=false",
                // intake-service asks this decision-service (started before the test class) whether a decision
                // supports a denial
                "-Dquarkus.rest-client.decision.url=http://localhost:"
                        + config.getValue(PortResource.DECISION_PORT_PROPERTY, Integer.class)));
        return new IntakeServiceProcess(ServiceProcess.start("intake-service", jar, port, command, LOG, STARTUP_LIMIT), port);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Logs a request in intake-service as the holder of {@code token} (their clinic); returns its id. */
    public String logRequest(String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("receivedAt", Instant.now().toString());
        body.put("channel", "portal");
        body.put("requesterType", "patient");
        body.put("requesterName", "Alex Rivera");
        body.put("patientName", "Alex Rivera");
        body.put("patientBirthDate", "1970-03-04");
        body.put("ehiClasses", List.of("lab_result"));
        body.put("purpose", "individual_access");
        return RestAssured.given().auth().oauth2(token).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post(baseUrl() + "/api/v1/requests").then().statusCode(201).extract().path("id");
    }

    /** Runs from a copy, so that a rebuild of intake-service meanwhile cannot pull jars from under the process. */
    private static synchronized Path privateCopy() {
        return ServiceProcess.privateCopy(JAR, COPY, "run ./mvnw -pl intake-service -am package -DskipTests first (the full build does it before decision-service)");
    }


    @Override
    public void close() {
        process.close();
    }
}
