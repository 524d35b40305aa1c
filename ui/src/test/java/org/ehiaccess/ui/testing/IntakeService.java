package org.ehiaccess.ui.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    private final Process process;
    private final int port;

    private IntakeService(Process process, int port) {
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
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + config.getValue("quarkus.datasource.jdbc.url", String.class),
                "-Dquarkus.datasource.username=" + config.getValue("quarkus.datasource.username", String.class),
                "-Dquarkus.datasource.password=" + config.getValue("quarkus.datasource.password", String.class),
                "-Dquarkus.oidc.auth-server-url=" + keycloakUrl + "/realms/quarkus/"));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", jar.toString()));
        Process process;
        try {
            Files.createDirectories(LOG.getParent());
            Files.writeString(LOG, "=== intake-service on port " + port + " at " + Instant.now() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start intake-service from " + jar, e);
        }
        IntakeService service = new IntakeService(process, port);
        service.awaitReady();
        return service;
    }

    /** Where this test JVM runs the service from, so a rebuild of intake-service meanwhile cannot pull jars from under it. */
    static final Path COPY = Path.of("target", "intake-service-app");
    private static Path copied;

    private static synchronized Path privateCopy() {
        Path packaged = JAR.toAbsolutePath().normalize();
        if (!Files.isRegularFile(packaged)) {
            fail("The browser and REST tests need the packaged intake-service at " + packaged
                    + ": run ./mvnw package -pl intake-service -DskipTests first (the full build does it before ui)");
        }
        if (copied == null) {
            Path from = packaged.getParent();
            Path to = COPY.toAbsolutePath().normalize();
            try {
                if (Files.exists(to)) {
                    try (var old = Files.walk(to)) {
                        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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
            copied = to.resolve("quarkus-run.jar");
        }
        return copied;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
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
