package org.ehiaccess.decision.bench;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.ehiaccess.platform.testing.ClinicTokens;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * REST latency of POST /api/v1/evaluations at a steady request rate (open loop: each request is timed from the
 * moment it was due, so a slow response cannot hide the queue behind it). Starts the packaged service against an
 * embedded PostgreSQL and the Quarkus OIDC test server, with a real signed bearer token on every request.
 * Usage: RestLatencyBenchmark path/to/quarkus-run.jar [requests per second] [seconds per round] [rounds]
 */
public final class RestLatencyBenchmark {

    private RestLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        var executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "bench-client");
            thread.setDaemon(true); // the JVM ends when main does
            return thread;
        });
        EmbeddedPostgresResource postgres = new EmbeddedPostgresResource();
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        Process app = null;
        try {
            Map<String, String> db = postgres.start();
            Map<String, String> idp = oidc.start();
            int port = freePort();
            int managementPort = freePort();
            File log = new File(new File(jar).getParentFile().getParentFile(), "bench-app.log");
            app = new ProcessBuilder("java", "-Xmx512m",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.management.port=" + managementPort,
                    "-Dquarkus.datasource.jdbc.url=" + db.get("quarkus.datasource.jdbc.url"),
                    "-Dquarkus.datasource.username=" + db.get("quarkus.datasource.username"),
                    "-Dquarkus.datasource.password=" + db.get("quarkus.datasource.password"),
                    "-Dquarkus.oidc.auth-server-url=" + idp.get("keycloak.url") + "/realms/quarkus/",
                    "-Dquarkus.log.level=WARN", "-jar", jar)
                    .redirectErrorStream(true).redirectOutput(log).start();
            String base = "http://localhost:" + port;
            HttpClient client = HttpClient.newBuilder().executor(executor)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            awaitReady(client, "http://localhost:" + managementPort, app);

            String token = ClinicTokens.demoUser("sunrise", "privacy-officer");
            ObjectMapper json = new ObjectMapper();
            List<HttpRequest> requests = new ArrayList<>();
            for (Map<String, Object> body : BenchCases.bodies()) {
                requests.add(HttpRequest.newBuilder(URI.create(base + "/api/v1/evaluations"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
            }
            System.out.printf("POST /api/v1/evaluations at %d requests/s, %d s per round, %d public scenarios in turn%n",
                    rate, seconds, requests.size());
            measure(client, requests, rate, 10, "warm-up");
            double[][] results = new double[rounds][];
            for (int round = 0; round < rounds; round++) {
                results[round] = measure(client, requests, rate, seconds, "round " + (round + 1));
            }
            double[] p50 = column(results, 0);
            double[] p95 = column(results, 1);
            double[] p99 = column(results, 2);
            System.out.printf("MEDIAN p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                    BenchCases.median(p50), BenchCases.median(p95), BenchCases.median(p99));
        } finally {
            if (app != null) {
                app.destroy();
                app.waitFor();
            }
            oidc.stop();
            postgres.stop();
            executor.shutdownNow();
        }
        System.exit(0); // WireMock and the HTTP client may leave non-daemon threads behind
    }

    /** Sends {@code rate} requests per second for {@code seconds}; returns p50, p95, p99, max in ms. */
    private static double[] measure(HttpClient client, List<HttpRequest> requests, int rate, int seconds, String label) {
        int total = rate * seconds;
        long interval = 1_000_000_000L / rate;
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<Void>> pending = new ArrayList<>(total);
        long start = System.nanoTime() + 20_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            pending.add(client.sendAsync(requests.get(i % requests.size()), HttpResponse.BodyHandlers.discarding())
                    .thenAccept(response -> {
                        latencies[index] = System.nanoTime() - due;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        Arrays.sort(latencies);
        double[] result = { percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                latencies[total - 1] / 1e6 };
        System.out.printf("  %-8s %6d requests, %d not 200: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                label, total, failures.get(), result[0], result[1], result[2], result[3]);
        return result;
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static double[] column(double[][] rows, int column) {
        return Arrays.stream(rows).mapToDouble(row -> row[column]).toArray();
    }

    private static void awaitReady(HttpClient client, String base, Process app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("decision-service exited; see target/bench-app.log");
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("decision-service did not become ready in 120 s");
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
