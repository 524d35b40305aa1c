package org.ehiaccess.decision.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

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

    private final Process process;
    private final int port;

    private IntakeServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Reserves the port and points decision-service's REST client at it; the process starts in the test class. */
    public static class PortResource implements QuarkusTestResourceLifecycleManager {

        public static final String PORT_PROPERTY = "test.intake.port";

        @Override
        public Map<String, String> start() {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port for intake-service", e);
            }
            return Map.of("quarkus.rest-client.intake.url", "http://localhost:" + port, PORT_PROPERTY,
                    String.valueOf(port));
        }

        @Override
        public void stop() {
            // the process belongs to the test class, which closes it in @AfterAll
        }
    }

    public static IntakeServiceProcess start() {
        Path jar = privateCopy();
        Config config = ConfigProvider.getConfig();
        int port = config.getValue(PortResource.PORT_PROPERTY, Integer.class);
        int postgresPort = config.getValue("test.postgres.port", Integer.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        createDatabase(postgresPort, user, password);
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx320m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE,
                "-Dquarkus.datasource.username=" + user,
                "-Dquarkus.datasource.password=" + password,
                "-Dquarkus.oidc.auth-server-url=" + config.getValue("keycloak.url", String.class) + "/realms/quarkus/",
                "-Dquarkus.scheduler.enabled=false",
                "-jar", jar.toString()));
        Process process;
        try {
            Files.createDirectories(LOG.getParent());
            Files.writeString(LOG, "=== intake-service on port " + port + " at " + Instant.now() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start intake-service from " + jar, e);
        }
        IntakeServiceProcess service = new IntakeServiceProcess(process, port);
        service.awaitReady();
        return service;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** intake-service's own database, beside decision-service's: no service reads another's tables. */
    private static void createDatabase(int postgresPort, String user, String password) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort
                + "/postgres", user, password); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create intake-service's test database", e);
        }
    }

    /** Runs from a copy, so that a rebuild of intake-service meanwhile cannot pull jars from under the process. */
    private static synchronized Path privateCopy() {
        Path packaged = JAR.toAbsolutePath().normalize();
        if (!Files.isRegularFile(packaged)) {
            fail("The intake-service tests of decision-service need the packaged intake-service at " + packaged
                    + ". The full build packages it before decision-service; otherwise run"
                    + " ./mvnw -pl intake-service -am package -DskipTests first.");
        }
        Path from = packaged.getParent();
        Path to = COPY.toAbsolutePath().normalize();
        try {
            if (Files.exists(to)) {
                try (var old = Files.walk(to)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            try (var files = Files.walk(from)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + from + " (is intake-service being rebuilt right now?)", e);
        }
        return to.resolve("quarkus-run.jar");
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant giveUp = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                fail("intake-service exited with " + process.exitValue() + " while starting; see " + LOG.toAbsolutePath());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                fail("interrupted while waiting for intake-service");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
        fail("intake-service did not become ready within " + STARTUP_LIMIT + "; see " + LOG.toAbsolutePath());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
