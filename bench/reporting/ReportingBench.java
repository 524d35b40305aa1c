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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the clinic dashboard (issue 13), against the packaged reporting-service and a real
 * PostgreSQL. Prints figures; asserts nothing. Run by bench/reporting/run.sh.
 *
 * 1. Starts reporting-service once so Flyway creates its schema (tokens verified with a key made here).
 * 2. Loads one clinic ("bench-one") with BENCH_REQUESTS requests received over the last two years
 *    straight into the query tables (request_fact, request_clock, complaint_fact) with set-based SQL:
 *    the event path is not what is measured. Optionally BENCH_OTHER_REQUESTS more in BENCH_OTHER_CLINICS
 *    other clinics, to measure the same clinic's dashboard on a bigger table.
 * 3. Calls GET /api/v1/metrics as a compliance lead for this quarter and for this calendar year,
 *    BENCH_WARMUP times untimed and BENCH_CALLS times timed, one after the other, and prints the
 *    median, p95 and slowest call; then times the service's two SELECTs alone over JDBC.
 */
public class ReportingBench {

    static final String JDBC = System.getenv().getOrDefault("BENCH_JDBC", "jdbc:postgresql://localhost:5498/reporting");
    static final int PORT = 18083;
    static final int MANAGEMENT_PORT = 19083;
    static final String CLINIC = "bench-one";
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static KeyPair keys;

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        String log = args[1];
        long requests = Long.parseLong(env("BENCH_REQUESTS", "1000000"));
        long otherRequests = Long.parseLong(env("BENCH_OTHER_REQUESTS", "0"));
        int otherClinics = Integer.parseInt(env("BENCH_OTHER_CLINICS", "999"));
        int warmup = Integer.parseInt(env("BENCH_WARMUP", "5"));
        int calls = Integer.parseInt(env("BENCH_CALLS", "30"));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());

        Process service = start(jar, log, publicKey);
        try {
            waitReady();
            if (loaded() > 0) {
                System.out.println("Reusing the data loaded by an earlier run (BENCH_KEEP_DATA)");
            } else {
                load(requests, otherRequests, otherClinics);
            }
            describe();
            String token = token(CLINIC, "bench-compliance", "compliance-lead");
            LocalDate today = LocalDate.now(ZONE);
            measure("this quarter (no from/to)", "/api/v1/metrics", token, warmup, calls);
            measure("this year " + today.getYear(), "/api/v1/metrics?from=" + today.withDayOfYear(1) + "&to="
                    + today.withDayOfYear(today.lengthOfYear()), token, warmup, calls);
            sqlAlone(today, warmup, calls);
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }

    static Process start(String jar, String log, String publicKey) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(env("BENCH_JAVA_OPTS", "-Xmx1g").trim().split("\\s+")));
        command.addAll(List.of(
                "-Dquarkus.http.port=" + PORT,
                "-Dquarkus.management.port=" + MANAGEMENT_PORT,
                "-Dquarkus.datasource.jdbc.url=" + JDBC,
                "-Dquarkus.oidc.auth-server-url=",
                "-Dquarkus.oidc.discovery-enabled=false",
                "-Dquarkus.oidc.public-key=" + publicKey,
                "-Dquarkus.log.level=INFO",
                "-jar", jar));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new java.io.File(log))).start();
    }

    static void waitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + MANAGEMENT_PORT + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("reporting-service did not become ready; see its log");
    }

    static long loaded() throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC, "ehi", "ehi"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from request_fact")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The rows the projector would write for a clinic's two years of requests. Per request (r1..r4 are
     * uniform random numbers, seeded so every run loads the same data):
     * - received: spread evenly over the last 730 days, at any time of day;
     * - channel: portal 40 %, fax 15 %, patient_app 10 %, email 10 %, mail 8 %, phone 5 %, hie 5 %,
     *   direct 3 %, payer_portal 2 %, in_person 1 %, other 1 %;
     * - requester type: patient 45 %, other_provider_treatment 15 %, payer 10 %, attorney_or_court 8 %,
     *   personal_representative 7 %, third_party_app_patient_directed 5 %, parent_or_guardian_of_minor 4 %,
     *   law_enforcement 2 %, hie_hin 2 %, app_developer_business 2 %;
     * - status: received in the last 30 days and r2 < 0.6: open (received, triaged, in_review,
     *   waiting_on_requester, extended); otherwise denied 5 %, partially_fulfilled 3 %, withdrawn 2 %,
     *   fulfilled 90 %, answered 1 to 45 days after receipt;
     * - a denial or limitation has a signed decision 85 % of the time (its legal basis and, for a
     *   Part 171 exception, the section), its letter sent 75 % of the time;
     * - clocks: internal_target (15 days) for every request, hipaa_access (30 days) for patients and
     *   personal representatives, infeasibility_notice (10 business days, here 14 days) for 171.204
     *   denials; met at the answer, missed when answered after the deadline or still open past it.
     * One complaint per 2,000 requests, two thirds linked to a request.
     */
    static void load(long requests, long otherRequests, int otherClinics) throws Exception {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(JDBC, "ehi", "ehi"); Statement s = c.createStatement()) {
            s.execute("set synchronous_commit = off");
            s.execute("set maintenance_work_mem = '256MB'");
            s.execute("select setseed(0.13)");
            System.out.printf("Loading %,d requests into %s%s...%n", requests, CLINIC, otherRequests == 0 ? ""
                    : String.format(" and %,d into %,d other clinics", otherRequests, otherClinics));
            insertRequests(s, "'" + CLINIC + "'", requests);
            if (otherRequests > 0) {
                insertRequests(s, "'bench-' || lpad((g % " + otherClinics + ")::text, 4, '0')", otherRequests);
            }
            System.out.printf("  request_fact done at %.0f s%n", (System.nanoTime() - started) / 1e9);
            s.execute("""
                    insert into request_clock (clinic_id, request_id, clock, due_at, met_at, missed)
                    select clinic_id, request_id, k.clock, received_at + k.days * interval '1 day',
                        case when closed_at <= received_at + k.days * interval '1 day' then closed_at end,
                        coalesce(closed_at, now()) > received_at + k.days * interval '1 day'
                    from request_fact f
                    cross join lateral (values ('internal_target', 15), ('hipaa_access', 30),
                        ('infeasibility_notice', 14)) k(clock, days)
                    where k.clock = 'internal_target'
                        or (k.clock = 'hipaa_access' and f.requester_type in ('patient', 'personal_representative'))
                        or (k.clock = 'infeasibility_notice' and f.exception_code = '171.204')""");
            System.out.printf("  request_clock done at %.0f s%n", (System.nanoTime() - started) / 1e9);
            s.execute("""
                    insert into complaint_fact (clinic_id, complaint_id, logged_at, source, status, outcome,
                        linked_request_id, last_sequence)
                    select f.clinic_id, gen_random_uuid(), f.received_at + interval '20 days',
                        (array['patient','personal_representative','hhs_ocr','other'])[1 + (n % 4)],
                        case when n % 3 = 0 then 'open' else 'resolved' end,
                        case when n % 3 = 0 then null else (array['upheld','not_upheld','resolved_informally'])[1 + (n % 5) % 3] end,
                        case when n % 3 = 2 then null else f.request_id end, 1
                    from (select clinic_id, request_id, received_at, row_number() over () n from request_fact) f
                    where n % 2000 = 0 and f.received_at + interval '20 days' < now()""");
            s.execute("vacuum analyze");
        }
        System.out.printf("Loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    static void insertRequests(Statement s, String clinic, long n) throws Exception {
        s.execute("""
                insert into request_fact (clinic_id, request_id, received_at, channel, requester_type, status,
                    closed_at, legal_basis, exception_code, analysis_signed, letter_sent, last_sequence)
                select clinic, gen_random_uuid(), received, channel, requester_type, status,
                    case when open then null else received + (1 + floor(r3 * 45)) * interval '1 day' end,
                    case when signed then basis end,
                    case when signed and basis = 'part171_exception' then (array['171.201','171.202','171.203',
                        '171.204','171.205','171.206','171.301','171.303'])[1 + floor(r4 * 8)::int] end,
                    signed, denial and r4 < 0.75, 5
                from (
                    select *, status in ('denied', 'partially_fulfilled') denial,
                        status in ('denied', 'partially_fulfilled') and r3 < 0.85 signed
                    from (
                        select *,
                            case when open then (array['received','triaged','in_review','waiting_on_requester',
                                    'extended'])[1 + floor(r2 * 8.3)::int]
                                when r2 < 0.05 then 'denied' when r2 < 0.08 then 'partially_fulfilled'
                                when r2 < 0.10 then 'withdrawn' else 'fulfilled' end status,
                            (array['out_of_scope','required_by_law','hipaa_unreviewable','part171_exception',
                                'part171_exception','hipaa_reviewable_preventing_harm'])[1 + floor(r4 * 6)::int] basis
                        from (
                            select *, received > now() - interval '30 days' and r2 < 0.6 open
                            from (
                                select {CLINIC} clinic,
                                    now() - (g * 730.0 * 86400 / {N}) * interval '1 second' received,
                                    case when r1 < 0.40 then 'portal' when r1 < 0.55 then 'fax'
                                        when r1 < 0.65 then 'patient_app' when r1 < 0.75 then 'email'
                                        when r1 < 0.83 then 'mail' when r1 < 0.88 then 'phone' when r1 < 0.93 then 'hie'
                                        when r1 < 0.96 then 'direct' when r1 < 0.98 then 'payer_portal'
                                        when r1 < 0.99 then 'in_person' else 'other' end channel,
                                    case when r5 < 0.45 then 'patient' when r5 < 0.60 then 'other_provider_treatment'
                                        when r5 < 0.70 then 'payer' when r5 < 0.78 then 'attorney_or_court'
                                        when r5 < 0.85 then 'personal_representative'
                                        when r5 < 0.90 then 'third_party_app_patient_directed'
                                        when r5 < 0.94 then 'parent_or_guardian_of_minor'
                                        when r5 < 0.96 then 'law_enforcement' when r5 < 0.98 then 'hie_hin'
                                        else 'app_developer_business' end requester_type,
                                    r2, r3, r4
                                from (select g, random() r1, random() r2, random() r3, random() r4, random() r5
                                      from generate_series(1, {N}) g) x
                            ) y
                        ) z
                    ) w
                ) v""".replace("{CLINIC}", clinic).replace("{N}", String.valueOf(n)));
    }

    static void describe() throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC, "ehi", "ehi"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select (select count(*) from request_fact), (select count(distinct clinic_id) from request_fact),
                        (select count(*) from request_fact where clinic_id = 'bench-one'),
                        (select count(*) from request_clock), (select count(*) from complaint_fact),
                        (select round(100.0 * count(*) filter (where status = 'denied') / count(*), 1)
                         from request_fact where clinic_id = 'bench-one')""")) {
                rs.next();
                System.out.printf("Data: %,d requests in %,d clinics (%,d in %s, %.1f %% denied), %,d clocks, %,d complaints%n",
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), CLINIC, rs.getDouble(6), rs.getLong(4), rs.getLong(5));
            }
        }
    }

    static void measure(String label, String path, String token, int warmup, int calls) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).build();
        List<Long> times = new ArrayList<>();
        String body = null;
        for (int i = 0; i < warmup + calls; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            body = r.body();
            if (i >= warmup) {
                times.add(t1 - t0);
            }
        }
        System.out.printf("GET %s, %s: %s; requestsReceived %s, trend over %s requests, %,d bytes%n", path, label,
                summary(times), field(body, "requestsReceived"), trendTotal(body), body.getBytes(StandardCharsets.UTF_8).length);
    }

    /** The two SELECTs the service runs for a dashboard, alone: every row fetched, nothing computed. */
    static void sqlAlone(LocalDate today, int warmup, int calls) throws Exception {
        // the trend reads the four quarters ending with this one
        LocalDate quarter = today.withDayOfMonth(1).withMonth(1 + 3 * ((today.getMonthValue() - 1) / 3));
        Instant start = quarter.minusMonths(9).atStartOfDay(ZONE).toInstant();
        Instant end = quarter.plusMonths(3).atStartOfDay(ZONE).toInstant();
        List<Long> times = new ArrayList<>();
        long rows = 0;
        try (Connection c = DriverManager.getConnection(JDBC, "ehi", "ehi")) {
            for (int i = 0; i < warmup + calls; i++) {
                long t0 = System.nanoTime();
                rows = 0;
                for (String sql : List.of("""
                        SELECT k.request_id, k.clock, k.due_at, k.met_at, k.missed FROM request_clock k
                        JOIN request_fact f ON f.clinic_id = k.clinic_id AND f.request_id = k.request_id
                        WHERE f.clinic_id = ? AND f.received_at >= ? AND f.received_at < ?""", """
                        SELECT request_id, received_at, channel, requester_type, status, closed_at, legal_basis,
                            exception_code, analysis_signed, letter_sent FROM request_fact
                        WHERE clinic_id = ? AND received_at >= ? AND received_at < ? ORDER BY received_at, request_id""")) {
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setString(1, CLINIC);
                        s.setObject(2, start.atOffset(java.time.ZoneOffset.UTC));
                        s.setObject(3, end.atOffset(java.time.ZoneOffset.UTC));
                        try (ResultSet r = s.executeQuery()) {
                            while (r.next()) {
                                r.getObject(1);
                                rows++;
                            }
                        }
                    }
                }
                if (i >= warmup) {
                    times.add(System.nanoTime() - t0);
                }
            }
        }
        System.out.printf("The dashboard's two SELECTs alone over JDBC (%s to %s, %,d rows): %s%n",
                quarter.minusMonths(9), quarter.plusMonths(3).minusDays(1), rows, summary(times));
    }

    static String summary(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return String.format("median %.0f ms, p95 %.0f ms, slowest %.0f ms (%d calls)", at(sorted, 0.50),
                at(sorted, 0.95), sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }

    static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static long trendTotal(String json) {
        int at = json.indexOf("\"trendByQuarter\"");
        Matcher m = Pattern.compile("\"requestsReceived\"\\s*:\\s*(\\d+)").matcher(json.substring(Math.max(at, 0)));
        long total = 0;
        while (at >= 0 && m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    /** An RS256 token with the claims the clinics realm issues. */
    static String token(String clinic, String user, String role) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        String payload = b64.encodeToString(("{\"sub\":\"%s\",\"preferred_username\":\"%s\",\"groups\":[\"%s\"],"
                + "\"clinic_id\":\"%s\",\"iat\":%d,\"exp\":%d,\"iss\":\"bench\"}")
                .formatted(user, user, role, clinic, now, now + 3 * 3600).getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(rsa.sign());
    }
}
