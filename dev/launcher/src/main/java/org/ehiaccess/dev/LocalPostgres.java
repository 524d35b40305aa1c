package org.ehiaccess.dev;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local PostgreSQL of {@code ./run.sh}: one embedded PostgreSQL 17 (zonky binaries) on port 5433,
 * data kept in {@code .local/postgres} between runs, with one database per service owned by role
 * {@code ehi} (password {@code ehi}), as the services' application.properties expect.
 * <p>
 * Prints {@value #READY} once the databases exist, then stays up until the JVM is told to stop
 * (SIGTERM / SIGINT); the shutdown hook stops PostgreSQL cleanly ({@code pg_ctl stop -m fast}).
 * <p>
 * Usage: {@code java -cp ... org.ehiaccess.dev.LocalPostgres [dataDirectory] [port]}
 */
public final class LocalPostgres {

    /** The line ./run.sh waits for. */
    public static final String READY = "LOCAL POSTGRES READY";

    static final String ROLE = "ehi";
    static final String PASSWORD = "ehi";
    static final List<String> DATABASES = List.of("intake", "decision", "reporting");

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        File dataDirectory = new File(args.length > 0 ? args[0] : ".local/postgres").getAbsoluteFile();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5433;
        // The unpacked binaries live next to the data (not inside it): "rm -rf .local/postgres" resets only the data
        File binaries = new File(dataDirectory.getParentFile(), "postgres-binaries");

        boolean fresh = !new File(dataDirectory, "postgresql.conf").exists();
        System.out.printf("Starting PostgreSQL on port %d, data in %s%s%n", port, dataDirectory,
                fresh ? " (new, running initdb)" : " (existing)");

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setOverrideWorkingDirectory(binaries)
                .setPGStartupWait(Duration.ofSeconds(60))
                // PostgreSQL's own output (and initdb's) goes to this process's log
                .setOutputRedirector(Redirect.INHERIT)
                .setErrorRedirector(Redirect.INHERIT)
                .start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping PostgreSQL...");
            try {
                postgres.close();
                System.out.println("PostgreSQL stopped");
            } catch (IOException e) {
                System.err.println("Could not stop PostgreSQL cleanly: " + e);
            } finally {
                stopped.countDown();
            }
        }, "local-postgres-stop"));

        createRoleAndDatabases(postgres);
        System.out.printf("%s on port %d: databases %s owned by role %s%n", READY, port, DATABASES, ROLE);
        System.out.flush();

        // Stay up until killed; the shutdown hook does the rest
        stopped.await();
    }

    /** Idempotent: creates the role and each database only when missing. */
    static void createRoleAndDatabases(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", ROLE)) {
                s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
                System.out.println("Created role " + ROLE);
            }
            for (String database : DATABASES) {
                if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    s.execute("CREATE DATABASE " + database + " OWNER " + ROLE + " ENCODING 'UTF8'");
                    System.out.println("Created database " + database);
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
