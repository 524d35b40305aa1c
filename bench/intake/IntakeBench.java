import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark of the EHI Request Log and the deadline scan (issues 4 and 6), against the packaged
 * intake-service and a real PostgreSQL. Prints figures; asserts nothing. Run by bench/intake/run.sh.
 *
 * 1. Loads one clinic ("bench-one") with 1,000,000 requests (SQL, like a migration would) and
 *    1,000 clinics with 1,000 open requests each (the scan's workload), with their clocks.
 * 2. Starts intake-service on them (tokens verified with a key made here; scheduler scanning every 20 s).
 * 3. Measures creates/s over HTTP (8 clients; 120 s warm-up, then 60 s measured), then first-page
 *    latency of filtered lists.
 * 4. Reads the duration of the real scheduled deadline scans from the service log.
 */
public class IntakeBench {

    static final String JDBC = System.getenv().getOrDefault("BENCH_JDBC", "jdbc:postgresql://localhost:5499/intake");
    static final int PORT = 18081;
    static final String BASE = "http://localhost:" + PORT;
    static final int MANAGEMENT_PORT = 19081;
    // readiness checks only; the load goes through LoadConnection
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static KeyPair keys;

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        String log = args[1];
        int bigClinic = Integer.parseInt(System.getenv().getOrDefault("BENCH_REQUESTS", "1000000"));
        int clinics = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLINICS", "1000"));
        int perClinic = Integer.parseInt(System.getenv().getOrDefault("BENCH_OPEN_PER_CLINIC", "1000"));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());

        // first start creates the schema (Flyway); then stop, load, start again with the scan on
        Process service = start(jar, log, publicKey, "off");
        waitReady();
        service.destroy();
        service.waitFor(30, TimeUnit.SECONDS);

        if (alreadyLoaded()) {
            System.out.println("Reusing the data loaded by an earlier run (BENCH_KEEP_DATA)");
        } else {
            load(bigClinic, clinics, perClinic);
        }
        settle();

        service = start(jar, log, publicKey, "20s");
        try {
            waitReady();
            createThroughput();
            listLatency();
            scanTimes(log);
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static Process start(String jar, String log, String publicKey, String scanEvery) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx1g"));
        String extra = System.getenv("BENCH_JAVA_OPTS");
        if (extra != null && !extra.isBlank() && !"off".equals(scanEvery)) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-Dquarkus.http.port=" + PORT,
                "-Dquarkus.management.port=" + MANAGEMENT_PORT,
                "-Dquarkus.datasource.jdbc.url=" + JDBC,
                "-Dquarkus.datasource.jdbc.max-size=20",
                "-Dquarkus.oidc.auth-server-url=",
                "-Dquarkus.oidc.discovery-enabled=false",
                "-Dquarkus.oidc.public-key=" + publicKey,
                "-Dquarkus.scheduler.enabled=" + (!"off".equals(scanEvery)),
                "-Dintake.alerts.scan-every=" + ("off".equals(scanEvery) ? "1h" : scanEvery),
                "-Dquarkus.mailer.mock=true",
                "-Dquarkus.log.level=INFO",
                "-jar", jar));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new java.io.File(log))).start();
    }

    static void waitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + MANAGEMENT_PORT + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("intake-service did not become ready; see its log");
    }

    static boolean alreadyLoaded() throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC, "ehi", "ehi"); Statement s = c.createStatement();
                var rs = s.executeQuery("select exists (select 1 from ehi_request where clinic_id = 'bench-one')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Loads the data with set-based SQL; the clocks follow the default policy's shape. */
    static void load(int bigClinic, int clinics, int perClinic) throws Exception {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(JDBC, "ehi", "ehi"); Statement s = c.createStatement()) {
            s.execute("set synchronous_commit = off");
            if (System.getenv("BENCH_ASYNC_COMMIT") != null) {
                // only to tell disk-bound from CPU-bound; real figures keep durable commits
                s.execute("alter database intake set synchronous_commit = off");
            }
            System.out.printf("Loading %,d requests into one clinic and %,d x %,d open requests...%n",
                    bigClinic, clinics, perClinic);
            // one clinic, a year of requests, 10 % still open
            s.execute("""
                    insert into ehi_request (id, clinic_id, received_at, channel, requester_type, requester_name,
                        patient_name, patient_birth_date, purpose, ehi_classes, manner_requested, status,
                        created_at, created_by, version, search_text, closed_at)
                    select gen_random_uuid(), 'bench-one', now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second',
                        (array['portal','fax','mail','email','phone','hie','direct'])[1 + g % 7],
                        (array['patient','other_provider_treatment','payer','attorney_or_court','personal_representative'])[1 + g % 5],
                        'Requester ' || (g % 50000), 'Patient ' || g, date '1940-01-01' + (g % 25000),
                        'individual_access', array['lab_result','clinical_note'], 'portal_view_download',
                        case when g % 10 = 0 then (array['received','triaged','in_review'])[1 + g % 3] else 'fulfilled' end,
                        now(), 'bench', 0, lower('requester ' || (g % 50000) || ' patient ' || g),
                        case when g % 10 = 0 then null else now() - (g % 365) * interval '1 day' + interval '5 days' end
                    from generate_series(1, {N}) g""".replace("{N}", String.valueOf(bigClinic)));
            // the scan's workload: 1,000 clinics with open requests received over the last 30 days
            s.execute("""
                    insert into ehi_request (id, clinic_id, received_at, channel, requester_type, requester_name,
                        patient_name, patient_birth_date, ehi_classes, status, created_at, created_by, version, search_text)
                    select gen_random_uuid(), 'bench-' || lpad((g % {CLINICS})::text, 4, '0'),
                        now() - ((g::bigint * 2592000) / {N}) * interval '1 second', 'fax',
                        (array['patient','payer'])[1 + g % 2], 'Requester ' || g, 'Patient ' || g,
                        date '1950-01-01' + (g % 20000), array['full_record'], 'received', now(), 'bench', 0, ''
                    from generate_series(1, {N}) g""".replace("{CLINICS}", String.valueOf(clinics))
                    .replace("{N}", String.valueOf((long) clinics * perClinic)));
            // clocks of open requests: internal target (15 calendar days) and, for patients, HIPAA 30 days
            s.execute("""
                    insert into request_clock (id, clinic_id, request_id, kind, label, cfr, started_at, due_on, due_at, warn_at)
                    select gen_random_uuid(), r.clinic_id, r.id, 'internal_target', 'Internal target (15 calendar days)', null,
                        r.received_at, (r.received_at at time zone 'America/New_York')::date + 15,
                        ((r.received_at at time zone 'America/New_York')::date + 16)::timestamp at time zone 'America/New_York',
                        r.received_at + (((((r.received_at at time zone 'America/New_York')::date + 16)::timestamp
                            at time zone 'America/New_York') - r.received_at) * 0.8)
                    from ehi_request r where r.closed_at is null""");
            s.execute("""
                    insert into request_clock (id, clinic_id, request_id, kind, label, cfr, started_at, due_on, due_at, warn_at)
                    select gen_random_uuid(), r.clinic_id, r.id, 'hipaa_access', 'HIPAA right of access (30 days)',
                        '45 CFR 164.524(b)(2)', r.received_at, (r.received_at at time zone 'America/New_York')::date + 30,
                        ((r.received_at at time zone 'America/New_York')::date + 31)::timestamp at time zone 'America/New_York',
                        r.received_at + (((((r.received_at at time zone 'America/New_York')::date + 31)::timestamp
                            at time zone 'America/New_York') - r.received_at) * 0.8)
                    from ehi_request r where r.closed_at is null and r.requester_type = 'patient'""");
            s.execute("""
                    update ehi_request r set next_due_at = m.due, next_warn_at = m.warn
                    from (select request_id, min(due_at) due, min(warn_at) warn from request_clock group by request_id) m
                    where r.id = m.request_id""");
            // a settled table, as in a clinic's database: visibility map and statistics done now, not by
            // an autovacuum in the middle of the measurement
            s.execute("vacuum analyze");
        }
        System.out.printf("Loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * Steady state as of now: what a scan 5 minutes ago would have alerted is recorded (and its mail
     * sent), so the first scan of this run raises 5 minutes' worth of alerts, not everything that
     * came due since the data was loaded.
     */
    static void settle() throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC, "ehi", "ehi"); Statement s = c.createStatement()) {
            s.execute("update alert_mail set status = 'sent', sent_at = now() where status = 'pending'");
            s.execute("""
                    update request_clock c set alerted_threshold = t.done,
                        next_alert_at = case t.done when 0 then c.started_at + (c.due_at - c.started_at) * 0.5
                                                    when 50 then c.started_at + (c.due_at - c.started_at) * 0.8
                                                    when 80 then c.due_at else null end
                    from (select id, case when due_at <= now() - interval '5 minutes' then 100
                                          when started_at + (due_at - started_at) * 0.8 <= now() - interval '5 minutes' then 80
                                          when started_at + (due_at - started_at) * 0.5 <= now() - interval '5 minutes' then 50
                                          else 0 end as done
                          from request_clock
                          where met_at is null and (next_alert_at <= now() - interval '5 minutes'
                                or (next_alert_at is null and alerted_threshold < 100))) t
                    where c.id = t.id""");
            try (var rs = s.executeQuery("""
                    select count(*) filter (where met_at is null),
                           count(*) filter (where met_at is null and next_alert_at <= now()),
                           count(distinct clinic_id) filter (where met_at is null and next_alert_at <= now())
                    from request_clock""")) {
                rs.next();
                System.out.printf("Open clocks: %,d; due for an alert now: %,d in %,d clinics%n",
                        rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /**
     * Creates over HTTP: a warm-up (the JIT compiles the create path, pools fill), then the measured
     * run. "Sustained" is the whole measured run's rate; the slowest and median seconds show whether
     * it holds (a scan or an index clean-up shows up as a slow second).
     */
    static void createThroughput() throws Exception {
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8"));
        // on two cores the JIT needs about two minutes of load before the rate levels off
        createLoad("WARMUP", clients, Duration.ofSeconds(Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_SECONDS", "120"))));
        createLoad("CREATE", clients, Duration.ofSeconds(Integer.parseInt(System.getenv().getOrDefault("BENCH_CREATE_SECONDS", "60"))));
    }

    static void createLoad(String label, int clients, Duration length) throws Exception {
        String token = token("bench-one", "bench-frontdesk", "front-desk");
        AtomicLong failed = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        int seconds = (int) length.toSeconds();
        java.util.concurrent.atomic.AtomicLongArray perSecond = new java.util.concurrent.atomic.AtomicLongArray(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long begin = System.nanoTime();
        long end = begin + length.toNanos();
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                LoadConnection connection = new LoadConnection();
                while (System.nanoTime() < end) {
                    String body = newRequest(java.util.concurrent.ThreadLocalRandom.current());
                    long t0 = System.nanoTime();
                    try {
                        int status = connection.send("POST", "/api/v1/requests", token, UUID.randomUUID().toString(), body).status();
                        long t1 = System.nanoTime();
                        if (status == 201) {
                            latencies.add(t1 - t0);
                            int second = (int) ((t1 - begin) / 1_000_000_000L);
                            if (second < seconds) {
                                perSecond.incrementAndGet(second);
                            }
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        connection.close();
                    }
                }
                connection.close();
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        List<Long> rates = new ArrayList<>();
        long created = 0;
        for (int i = 0; i < seconds; i++) {
            rates.add(perSecond.get(i));
            created += perSecond.get(i);
        }
        Collections.sort(rates);
        System.out.printf("%-7s %,d requests in %d s by %d clients: %.0f creates/s (slowest second %d, median second %d; failed %d); latency %s%n",
                label, created, seconds, clients, created / (double) seconds, rates.get(0), rates.get(seconds / 2),
                failed.get(), percentiles(latencies));
        if (System.getenv("BENCH_PER_SECOND") != null) {
            StringBuilder trend = new StringBuilder();
            for (int i = 0; i < seconds; i++) {
                trend.append(perSecond.get(i)).append(' ');
            }
            System.out.println("        per second: " + trend.toString().strip());
        }
    }

    static final String[] REQUESTER_TYPES = { "patient", "payer", "other_provider_treatment", "attorney_or_court",
            "personal_representative" };
    static final String[] CHANNELS = { "portal", "fax", "mail", "email", "phone" };

    /**
     * A request as the front desk logs it: a mix of requesters and channels; half name the patient's
     * MRN, drawn from 200,000 patients (so some are already in the patient index and some are added).
     */
    static String newRequest(java.util.Random random) {
        String requesterType = REQUESTER_TYPES[random.nextInt(REQUESTER_TYPES.length)];
        String mrn = "";
        java.time.LocalDate birthDate;
        if (random.nextBoolean()) {
            int patient = random.nextInt(200_000);
            mrn = ",\"patientMrn\":\"B-" + patient + "\"";
            birthDate = java.time.LocalDate.of(1940, 1, 1).plusDays(patient % 30_000); // one birth date per MRN
        } else {
            birthDate = java.time.LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000));
        }
        return """
                {"receivedAt":"%s","channel":"%s","requesterType":"%s","requesterName":"Requester %s",
                 "patientName":"Patient %s","patientBirthDate":"%s"%s,"ehiClasses":["lab_result","clinical_note"]}"""
                .formatted(Instant.now().minusSeconds(60), CHANNELS[random.nextInt(CHANNELS.length)], requesterType,
                        UUID.randomUUID(), UUID.randomUUID(), birthDate, mrn);
    }

    static void listLatency() throws Exception {
        String token = token("bench-one", "bench-frontdesk", "front-desk");
        String[] queries = {
                "", "?sort=due&status=received&status=triaged&status=in_review", "?due=overdue&sort=due",
                "?requesterType=patient&channel=fax", "?q=requester%2012345", "?receivedFrom=2026-06-01&receivedTo=2026-06-30" };
        try (LoadConnection connection = new LoadConnection()) {
            for (String query : queries) {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    long t0 = System.nanoTime();
                    LoadConnection.Reply r = connection.send("GET", "/api/v1/requests" + query, token, null, null);
                    if (r.status() != 200) {
                        throw new IllegalStateException(query + " answered " + r.status() + ": " + r.body());
                    }
                    if (i >= 20) { // the first 20 warm up
                        times.add(System.nanoTime() - t0);
                    }
                }
                System.out.printf("LIST    first page of 50 %-62s %s%n", query.isEmpty() ? "(newest first)" : query,
                        percentiles(times));
            }
        }
    }

    /** Waits for three scheduled scans and prints what the service logged for them. */
    static void scanTimes(String log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(240);
        List<String> scans = List.of();
        while (Instant.now().isBefore(deadline)) {
            scans = java.nio.file.Files.readAllLines(java.nio.file.Path.of(log)).stream()
                    .filter(l -> l.contains("Deadline alert scan:")).toList();
            if (scans.size() >= 3) {
                break;
            }
            Thread.sleep(2000);
        }
        for (String line : scans) {
            System.out.println("SCAN    " + line.substring(line.indexOf("Deadline alert scan:")));
        }
    }

    static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "(no samples)";
        }
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
    }

    static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
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

    /**
     * A minimal HTTP/1.1 keep-alive client, one connection per load thread, like the UI's REST client
     * pool. The load generator shares the two cores with the service and PostgreSQL, so it should take
     * as little of them as it can (the JDK's HttpClient took a tenth of the machine).
     */
    static final class LoadConnection implements AutoCloseable {
        record Reply(int status, String body) {
        }

        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        Reply send(String method, String path, String token, String idempotencyKey, String body) throws IOException {
            if (socket == null) {
                socket = new java.net.Socket("localhost", PORT);
                socket.setTcpNoDelay(true);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16384);
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(512).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(PORT).append("\r\n")
                    .append("Authorization: Bearer ").append(token).append("\r\n")
                    .append("Accept: application/json\r\n");
            if (idempotencyKey != null) {
                head.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return read();
        }

        private Reply read() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(java.util.Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    content.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                content.write(in.readNBytes((int) length));
            }
            if (close) {
                close();
            }
            return new Reply(status, content.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
