import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fault run (issue 11, "Faults and load"): PostgreSQL is stopped for a while and started again (same
 * data directory, same port) under a steady create load on the packaged intake-service. Run by
 * bench/faults/run.sh. Everything is on localhost; the load and the run are bounded in count and time.
 * <p>
 * Each client creates requests at a steady pace, each with its own Idempotency-Key, and retries a
 * failed create with the same key and body (0.5 s apart, for at most RETRY_SECONDS). Afterwards the
 * database is checked directly:
 * <ul>
 * <li>every key a client saw succeed names a request that exists exactly once (by its unique requester name);</li>
 * <li>no key made two requests (requester names are unique per key; idempotency rows one per key);</li>
 * <li>nothing is half-written: every request of the run has its clocks and its "created" timeline event;</li>
 * <li>intake-service answered ready again without a restart (same process).</li>
 * </ul>
 * Prints the outage, the time to recover, the counts, and every status the clients saw during the outage.
 * Exits 1 when a check fails.
 */
public class PgRestartFault {

    static final int PORT = Integer.parseInt(env("FAULT_HTTP_PORT", "18181"));
    static final int MANAGEMENT_PORT = Integer.parseInt(env("FAULT_MANAGEMENT_PORT", "19181"));
    static final int PG_PORT = Integer.parseInt(env("FAULT_PG_PORT", "5498"));
    static final String JDBC = "jdbc:postgresql://localhost:" + PG_PORT + "/intake";
    static final String BASE = "http://localhost:" + PORT;
    static final String CLINIC = "fault-clinic";

    static final int CLIENTS = Integer.parseInt(env("FAULT_CLIENTS", "4"));
    static final double RATE = Double.parseDouble(env("FAULT_RATE", "20")); // creates per second, all clients
    static final int BEFORE_SECONDS = Integer.parseInt(env("FAULT_BEFORE_SECONDS", "30"));
    static final int OUTAGE_SECONDS = Integer.parseInt(env("FAULT_OUTAGE_SECONDS", "10"));
    static final int AFTER_SECONDS = Integer.parseInt(env("FAULT_AFTER_SECONDS", "40"));
    static final int RETRY_SECONDS = Integer.parseInt(env("FAULT_RETRY_SECONDS", "60"));

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");
    static KeyPair keys;

    /** One create as the client sees it: its key, its unique requester name, and every answer it got. */
    static final class Key {
        final String key = UUID.randomUUID().toString();
        final String requester = "Fault " + key;
        final String body;
        final List<String> answers = new ArrayList<>();
        volatile String id;
        volatile int finalStatus;

        Key(String body) {
            this.body = body.replace("%REQUESTER%", requester);
        }
    }

    /** One answer, with when it came (ms since the load started). */
    record Answer(long atMillis, String what) {
    }

    static final ConcurrentLinkedQueue<Key> KEYS = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Answer> ANSWERS = new ConcurrentLinkedQueue<>();
    static volatile long loadStart;

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        String launcherClasspath = args[1];
        Path work = Path.of(args[2]);
        Path pgData = work.resolve("postgres");
        Path serviceLog = work.resolve("intake.log");
        Path pgLog = work.resolve("postgres.log");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());

        Process postgres = startPostgres(launcherClasspath, pgData, pgLog);
        Process service = null;
        try {
            service = startIntake(jar, serviceLog, publicKey);
            waitReady(Duration.ofSeconds(180));
            long servicePid = service.pid();
            System.out.printf("intake-service ready (pid %d); load: %d clients, %.0f creates/s; PostgreSQL down for %d s%n",
                    servicePid, CLIENTS, RATE, OUTAGE_SECONDS);

            String token = token(CLINIC, "fault-frontdesk", "front-desk");
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            loadStart = System.nanoTime();
            long loadEnd = loadStart + TimeUnit.SECONDS.toNanos(BEFORE_SECONDS + OUTAGE_SECONDS + AFTER_SECONDS);
            for (int c = 0; c < CLIENTS; c++) {
                pool.submit(() -> client(token, loadEnd));
            }

            Thread.sleep(BEFORE_SECONDS * 1000L);
            long stopAsked = sinceStart();
            System.out.printf("[%6.1f s] stopping PostgreSQL (fast shutdown)%n", stopAsked / 1000.0);
            postgres.destroy(); // SIGTERM: the launcher's shutdown hook runs pg_ctl stop -m fast
            postgres.waitFor(60, TimeUnit.SECONDS);
            long stopped = sinceStart();
            System.out.printf("[%6.1f s] PostgreSQL stopped%n", stopped / 1000.0);
            Thread.sleep(Math.max(0, OUTAGE_SECONDS * 1000L - (stopped - stopAsked)));
            long startAsked = sinceStart();
            System.out.printf("[%6.1f s] starting PostgreSQL again (same data directory)%n", startAsked / 1000.0);
            postgres = startPostgres(launcherClasspath, pgData, pgLog);
            long pgUp = sinceStart();
            System.out.printf("[%6.1f s] PostgreSQL accepting connections%n", pgUp / 1000.0);
            long ready = waitReady(Duration.ofSeconds(120));
            System.out.printf("[%6.1f s] intake-service ready again (same process: %s)%n", ready / 1000.0,
                    service.isAlive() && service.pid() == servicePid);

            pool.shutdown();
            if (!pool.awaitTermination(AFTER_SECONDS + RETRY_SECONDS + 60L, TimeUnit.SECONDS)) {
                System.out.println("clients did not finish in time");
                pool.shutdownNow();
            }
            boolean ok = report(stopAsked, startAsked, pgUp, ready, service.isAlive() && service.pid() == servicePid);
            System.out.println(ok ? "FAULT RUN PASSED" : "FAULT RUN FAILED");
            if (!ok) {
                System.exit(1);
            }
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
            }
            postgres.destroy();
            postgres.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** A client: a create every CLIENTS/RATE seconds; a failed create is retried with the same key and body. */
    static Void client(String token, long loadEnd) throws Exception {
        long pause = (long) (1000 * CLIENTS / RATE);
        long next = System.nanoTime();
        while (System.nanoTime() < loadEnd) {
            Key key = new Key(newRequest(ThreadLocalRandom.current()));
            KEYS.add(key);
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
            while (true) {
                String what;
                int status = 0;
                try {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/requests"))
                            .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .header("Idempotency-Key", key.key).POST(HttpRequest.BodyPublishers.ofString(key.body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    status = r.statusCode();
                    what = describe(r);
                    if (status == 200 || status == 201) {
                        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(r.body());
                        key.id = m.find() ? m.group(1) : null;
                    }
                } catch (IOException e) {
                    what = "no answer (" + e.getClass().getSimpleName() + ")";
                }
                synchronized (key) {
                    key.answers.add(what);
                }
                ANSWERS.add(new Answer(sinceStart(), what));
                key.finalStatus = status;
                // 2xx: done; 400/401/403/404/422: the client's fault, retrying cannot help
                if (status == 200 || status == 201 || (status >= 400 && status < 500 && status != 409 && status != 429)
                        || System.nanoTime() > giveUp) {
                    break;
                }
                Thread.sleep(500);
            }
            next += TimeUnit.MILLISECONDS.toNanos(pause);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            } else {
                next = System.nanoTime(); // behind after a retry: go on from now, no burst
            }
        }
        return null;
    }

    static String describe(HttpResponse<String> r) {
        if (r.statusCode() < 300) {
            return String.valueOf(r.statusCode());
        }
        String contentType = r.headers().firstValue("Content-Type").orElse("-");
        Matcher m = PROBLEM_TYPE.matcher(r.body());
        return r.statusCode() + " " + (contentType.startsWith("application/problem+json") && m.find()
                ? "problem " + m.group(1) : "(" + contentType + ", not a problem)");
    }

    static boolean report(long stopAsked, long startAsked, long pgUp, long ready, boolean sameProcess) throws Exception {
        boolean ok = true;
        int keys = KEYS.size();
        int succeeded = 0;
        int retried = 0;
        int gaveUp = 0;
        for (Key k : KEYS) {
            if (k.id != null) {
                succeeded++;
            } else {
                gaveUp++;
            }
            if (k.answers.size() > 1) {
                retried++;
            }
        }
        // as the clients saw it: from the first failed answer to the first success after the last one
        long firstFailure = ANSWERS.stream().filter(a -> !a.what().startsWith("20")).mapToLong(Answer::atMillis).min().orElse(-1);
        long lastFailure = ANSWERS.stream().filter(a -> !a.what().startsWith("20")).mapToLong(Answer::atMillis).max().orElse(-1);
        long recovered = ANSWERS.stream().filter(a -> a.atMillis() > lastFailure && a.what().startsWith("20"))
                .mapToLong(Answer::atMillis).min().orElse(-1);
        System.out.println();
        System.out.println("== Outage ==");
        System.out.printf("PostgreSQL: stop asked at %.1f s, start asked at %.1f s (down %.1f s), its launcher reported ready at %.1f s%n",
                stopAsked / 1000.0, startAsked / 1000.0, (startAsked - stopAsked) / 1000.0, pgUp / 1000.0);
        System.out.printf("intake-service: ready again at %.1f s, without a restart: %s%n", ready / 1000.0, sameProcess);
        if (firstFailure < 0) {
            System.out.println("clients: no failed answer (the outage fell between requests)");
        } else {
            System.out.printf("clients: failed answers from %.1f s to %.1f s; first success after them at %.1f s,"
                    + " %.1f s after PostgreSQL was started again%n", firstFailure / 1000.0, lastFailure / 1000.0,
                    recovered / 1000.0, (recovered - startAsked) / 1000.0);
        }
        long firstSuccessAfter = Math.max(recovered, pgUp);
        Map<String, Integer> during = new TreeMap<>();
        Map<String, Integer> outside = new TreeMap<>();
        for (Answer a : ANSWERS) {
            boolean inOutage = a.atMillis() >= stopAsked && a.atMillis() <= firstSuccessAfter;
            (inOutage ? during : outside).merge(a.what(), 1, Integer::sum);
        }
        System.out.println("answers from the stop until PostgreSQL and the clients were back: " + during);
        System.out.println("answers before and after:                                       " + outside);
        if (!sameProcess) {
            System.out.println("CHECK FAILED: intake-service was not the same process");
            ok = false;
        }
        for (String what : during.keySet()) {
            if (what.startsWith("5") && !what.startsWith("503 problem")) {
                System.out.println("CHECK FAILED: a client saw " + what + " (expected 503 problems only)");
                ok = false;
            }
        }
        for (String what : outside.keySet()) {
            if (!what.startsWith("20")) {
                System.out.println("CHECK FAILED: outside the outage a client saw " + what);
                ok = false;
            }
        }

        System.out.println();
        System.out.println("== Creates ==");
        System.out.printf("keys: %d; succeeded: %d; retried at least once: %d; given up: %d%n", keys, succeeded, retried, gaveUp);
        try (Connection c = DriverManager.getConnection(JDBC, "ehi", "ehi")) {
            int missing = 0;
            int duplicated = 0;
            int wrongId = 0;
            int failedButStored = 0;
            try (PreparedStatement s = c.prepareStatement(
                    "select count(*), min(id::text), max(id::text) from ehi_request where clinic_id = ? and requester_name = ?")) {
                for (Key k : KEYS) {
                    s.setString(1, CLINIC);
                    s.setString(2, k.requester);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        int n = rs.getInt(1);
                        if (n > 1) {
                            duplicated++;
                        }
                        if (k.id != null && n == 0) {
                            missing++;
                        }
                        if (k.id != null && n == 1 && !k.id.equals(rs.getString(2))) {
                            wrongId++;
                        }
                        if (k.id == null && n > 0) {
                            failedButStored++;
                        }
                    }
                }
            }
            int keyRows = count(c, "select count(*) from (select idem_key from idempotency_key where clinic_id = '" + CLINIC
                    + "' group by idem_key having count(*) > 1) d");
            int requests = count(c, "select count(*) from ehi_request where clinic_id = '" + CLINIC + "'");
            int withoutClocks = count(c, "select count(*) from ehi_request r where clinic_id = '" + CLINIC
                    + "' and not exists (select 1 from request_clock k where k.request_id = r.id)");
            int withoutEvents = count(c, "select count(*) from ehi_request r where clinic_id = '" + CLINIC
                    + "' and not exists (select 1 from request_event e where e.request_id = r.id)");
            int keysWithoutRequest = count(c, "select count(*) from idempotency_key i where clinic_id = '" + CLINIC
                    + "' and (resource_id is null or not exists (select 1 from ehi_request r where r.id = i.resource_id))");
            System.out.printf("requests stored: %d (keys that succeeded: %d)%n", requests, succeeded);
            System.out.printf("succeeded but missing: %d; stored twice for one key: %d; another id than the client got: %d;"
                    + " client gave up but stored: %d%n", missing, duplicated, wrongId, failedButStored);
            System.out.printf("half-written: requests without clocks %d, without timeline events %d; idempotency keys"
                    + " without their request %d; keys recorded twice %d%n", withoutClocks, withoutEvents,
                    keysWithoutRequest, keyRows);
            if (missing + duplicated + wrongId + withoutClocks + withoutEvents + keysWithoutRequest + keyRows > 0) {
                System.out.println("CHECK FAILED: see the counts above");
                ok = false;
            }
            if (requests != succeeded + failedButStored) {
                System.out.println("CHECK FAILED: stored requests do not match the keys");
                ok = false;
            }
            if (gaveUp > 0) {
                System.out.println("CHECK FAILED: some clients gave up after " + RETRY_SECONDS + " s of retries");
                ok = false;
            }
        }
        return ok;
    }

    static int count(Connection c, String sql) throws Exception {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static long sinceStart() {
        return (System.nanoTime() - loadStart) / 1_000_000;
    }

    static Process startPostgres(String classpath, Path data, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        long before = Files.exists(log) ? Files.size(log) : 0;
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", classpath, "org.ehiaccess.dev.LocalPostgres",
                data.toString(), String.valueOf(PG_PORT)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.length() > before && text.substring((int) before).contains("LOCAL POSTGRES READY")) {
                return p;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("PostgreSQL did not start; see " + log);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("PostgreSQL not ready after 120 s; see " + log);
    }

    static Process startIntake(String jar, Path log, String publicKey) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx512m",
                "-Dquarkus.http.port=" + PORT,
                "-Dquarkus.management.port=" + MANAGEMENT_PORT,
                "-Dquarkus.datasource.jdbc.url=" + JDBC,
                "-Dquarkus.oidc.auth-server-url=",
                "-Dquarkus.oidc.discovery-enabled=false",
                "-Dquarkus.oidc.public-key=" + publicKey,
                "-Dquarkus.scheduler.enabled=false",
                "-Dquarkus.mailer.mock=true",
                "-jar", jar).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    }

    /** Waits for /q/health/ready on the management port; returns when it answered 200 (ms since the load started). */
    static long waitReady(Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + MANAGEMENT_PORT + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return sinceStart();
                }
            } catch (IOException e) {
                // not up (yet)
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("intake-service not ready; see its log");
    }

    /** A request as the front desk logs it, with a requester name unique to this key. */
    static String newRequest(java.util.Random random) {
        String[] types = { "patient", "payer", "other_provider_treatment", "attorney_or_court", "personal_representative" };
        String[] channels = { "portal", "fax", "mail", "email", "phone" };
        return """
                {"receivedAt":"%s","channel":"%s","requesterType":"%s","requesterName":"%s",
                 "patientName":"Patient %s","patientBirthDate":"%s","ehiClasses":["lab_result","clinical_note"]}"""
                .formatted(Instant.now().minusSeconds(60), channels[random.nextInt(channels.length)],
                        types[random.nextInt(types.length)], "%REQUESTER%", random.nextInt(1_000_000),
                        LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000)));
    }

    /** An RS256 token with the claims the clinics realm issues. */
    static String token(String clinic, String user, String role) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        String payload = b64.encodeToString(("{\"sub\":\"%s\",\"preferred_username\":\"%s\",\"groups\":[\"%s\"],"
                + "\"clinic_id\":\"%s\",\"iat\":%d,\"exp\":%d,\"iss\":\"bench\"}")
                .formatted(user, user, role, clinic, now, now + 3600).getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(rsa.sign());
    }

    static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
