package org.ehiaccess.platform.testing;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of our real services, run from its packaged jar as a separate process for tests that cross
 * services: started from a private copy of the app (so a rebuild meanwhile cannot pull jars from
 * under it), output appended to a log file, ready when {@code /q/health/ready} answers 200 on its
 * management interface (a free port of its own).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Map<Path, Path> COPIES = new HashMap<>();

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;

    private ServiceProcess(String name, Process process, int port, int managementPort) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Copies the app of {@code packagedJar} ({@code <module>/target/quarkus-app/quarkus-run.jar}) to
     * {@code copyDir} once per test JVM and returns the copied jar; fails with {@code howToBuild} when
     * it has not been packaged.
     */
    public static synchronized Path privateCopy(Path packagedJar, Path copyDir, String howToBuild) {
        Path packaged = packagedJar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(packaged)) {
            fail("These tests need the packaged service at " + packaged + ": " + howToBuild);
        }
        Path to = copyDir.toAbsolutePath().normalize();
        Path cached = COPIES.get(to);
        if (cached != null) {
            return cached;
        }
        Path from = packaged.getParent();
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
            throw new UncheckedIOException("Could not copy " + from + " (is it being rebuilt right now?)", e);
        }
        Path jar = to.resolve("quarkus-run.jar");
        COPIES.put(to, jar);
        return jar;
    }

    /**
     * Creates {@code database} (once) in the test's embedded PostgreSQL on {@code postgresPort}: the service's own
     * database beside the test's, as no service reads another's tables.
     */
    public static void createDatabase(int postgresPort, String user, String password, String database) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:"
                + postgresPort + "/postgres", user, password); java.sql.Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("select 1 from pg_database where datname = '" + database + "'").next()) {
                statement.execute("create database " + database);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the test database " + database, e);
        }
    }

    /** Starts {@code jar} with {@code jvmArguments} on {@code port} and waits up to {@code limit} until it is ready. */
    public static ServiceProcess start(String name, Path jar, int port, List<String> jvmArguments, Path log,
            Duration limit) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmArguments);
        command.add("-Dquarkus.http.port=" + port);
        int managementPort = freePort();
        command.add("-Dquarkus.management.port=" + managementPort);
        command.addAll(List.of("-jar", jar.toString()));
        Process process;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "=== " + name + " on port " + port + " at " + Instant.now() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " from " + jar, e);
        }
        ServiceProcess service = new ServiceProcess(name, process, port, managementPort);
        service.awaitReady(log, limit);
        return service;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Health and metrics: the service's management interface. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for a management interface", e);
        }
    }

    private void awaitReady(Path log, Duration limit) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant giveUp = Instant.now().plus(limit);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                fail(name + " exited with " + process.exitValue() + " while starting; see " + log.toAbsolutePath());
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
                fail("interrupted while waiting for " + name);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
        fail(name + " did not become ready within " + limit + "; see " + log.toAbsolutePath());
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
