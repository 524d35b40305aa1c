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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The real decision-service, run from its packaged jar as a separate process, on its own embedded PostgreSQL (it
 * migrates its schema with Flyway), trusting the same OIDC test server as the UI, and knowing where intake-service
 * is. Its output goes to {@code target/decision-e2e.log}.
 */
public final class DecisionService implements AutoCloseable {

    static final Path JAR = Path.of("..", "decision-service", "target", "quarkus-app", "quarkus-run.jar");
    static final Path LOG = Path.of("target", "decision-e2e.log");
    static final Path COPY = Path.of("target", "decision-service-app");
    static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    private static Path copied;

    private final Process process;
    private final int port;

    private DecisionService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service on the port the UI was configured with; {@code intakeUrl}: the running intake-service. */
    public static DecisionService start(String intakeUrl) {
        Path jar = privateCopy();
        Config config = ConfigProvider.getConfig();
        int port = config.getValue(DecisionServiceResource.PORT_PROPERTY, Integer.class);
        String keycloakUrl = config.getValue("keycloak.url", String.class);
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx320m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + config.getValue(DecisionServiceResource.JDBC_PROPERTY, String.class),
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.oidc.auth-server-url=" + keycloakUrl + "/realms/quarkus/",
                "-Dquarkus.rest-client.intake.url=" + intakeUrl,
                "-jar", jar.toString()));
        Process process;
        try {
            Files.createDirectories(LOG.getParent());
            Files.writeString(LOG, "=== decision-service on port " + port + " at " + Instant.now() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start decision-service from " + jar, e);
        }
        DecisionService service = new DecisionService(process, port);
        service.awaitReady();
        return service;
    }

    /** A copy of the packaged app, so that a rebuild of decision-service meanwhile cannot pull jars from under it. */
    private static synchronized Path privateCopy() {
        Path packaged = JAR.toAbsolutePath().normalize();
        if (!Files.isRegularFile(packaged)) {
            fail("The worksheet tests need the packaged decision-service at " + packaged
                    + ": run ./mvnw package -pl decision-service -am -DskipTests first (the full build does it before ui)");
        }
        if (copied == null) {
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
                throw new UncheckedIOException("Could not copy " + from + " (is decision-service being rebuilt right now?)", e);
            }
            copied = to.resolve("quarkus-run.jar");
        }
        return copied;
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
                fail("decision-service exited with " + process.exitValue() + " while starting; see " + LOG.toAbsolutePath());
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
                fail("interrupted while waiting for decision-service");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
        fail("decision-service did not become ready within " + STARTUP_LIMIT + "; see " + LOG.toAbsolutePath());
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
