import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Steady mixed load (issue 11, "Faults and load") through the APIs and the ui, against the packaged
 * intake-service, decision-service and ui on one embedded PostgreSQL. Run by bench/load/run.sh.
 * <p>
 * Sign-in: the bench starts a small OIDC issuer of its own (discovery, JWKS, an authorization endpoint
 * that signs the named demo user in at once, a token endpoint), and all three applications use it as
 * their identity provider, so the ui's real authorization code flow runs: each ui user is an HTTP
 * client with a cookie jar that follows the redirects once and then keeps the session cookie.
 * <p>
 * Three users work at a shared, steady pace (LOAD_RATE requests per second in all):
 * <ul>
 * <li>front desk: logs a request by API and one through the ui's form, reads it, searches for it (API
 * and ui), opens the request log;</li>
 * <li>privacy officer: by API a decision (assessment, a worksheet step that corrects the facts,
 * signature), a letter (by API or through the ui, in turn), its PDF, marks it sent; through the ui the
 * worksheet of a ui-logged request (step 1 answered), its decision page and signature, the letter page;</li>
 * <li>supervisor: the alert inbox and its unread count (ui and API), the overdue list.</li>
 * </ul>
 * Some requests are logged as received up to 25 days ago, so the deadline scan (every 30 s) raises
 * alerts and the inbox has content. Any answer other than the expected one is an error. Prints latency
 * percentiles per operation after the warm-up, and heap and RSS of each application every 15 s.
 * Exits 1 when there was an error.
 */
public class LoadBench {

    static final String CLINIC = "load-clinic";
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final int ISSUER_PORT = port("LOAD_ISSUER_PORT", 18290);
    static final String ISSUER = "http://localhost:" + ISSUER_PORT + "/realms/bench";
    static final int PG_PORT = port("LOAD_PG_PORT", 5497);
    static final Map<String, Integer> HTTP_PORTS = Map.of("intake-service", 18281, "decision-service", 18282, "ui", 18280);
    static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("intake-service", 19281, "decision-service", 19282, "ui", 19280);
    static final String INTAKE = "http://localhost:18281";
    static final String DECISION = "http://localhost:18282";
    static final String UI = "http://localhost:18280";

    static final int SECONDS = Integer.parseInt(env("LOAD_SECONDS", "600"));
    static final int WARMUP = Integer.parseInt(env("LOAD_WARMUP_SECONDS", String.valueOf(Math.min(120, SECONDS / 4))));
    static final double RATE = Double.parseDouble(env("LOAD_RATE", "8"));
    static final int SAMPLE_EVERY = Integer.parseInt(env("LOAD_SAMPLE_SECONDS", "15"));

    static final Map<String, String> ROLES = Map.of("frontdesk", "front-desk", "privacy", "privacy-officer",
            "supervisor", "supervisor", "admin", "clinic-admin");

    static KeyPair keys;
    static volatile long start;
    static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String launcherClasspath = args[1];
        Map<String, String> jars = Map.of("intake-service", args[2], "decision-service", args[3], "ui", args[4]);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        HttpServer issuer = startIssuer();
        List<Process> started = new ArrayList<>();
        Map<String, Process> apps = new LinkedHashMap<>();
        try {
            Process postgres = startPostgres(launcherClasspath, work.resolve("postgres"), work.resolve("postgres.log"));
            started.add(postgres);
            for (String app : List.of("intake-service", "decision-service", "ui")) {
                Process p = startApp(app, jars.get(app), work.resolve(app + ".log"));
                started.add(0, p); // stopped before PostgreSQL
                apps.put(app, p);
            }
            for (String app : apps.keySet()) {
                waitReady(app, apps.get(app));
            }
            System.out.printf("Applications ready: %s; load %.1f requests/s for %d s (warm-up %d s); load average %s%n",
                    pids(apps), RATE, SECONDS, WARMUP, loadAverage());

            // the letter settings every letter needs, saved once by the clinic administrator
            HttpResponse<String> settings = API.send(HttpRequest.newBuilder(URI.create(DECISION + "/api/v1/letter-settings"))
                    .header("Authorization", "Bearer " + token("admin")).header("Content-Type", "application/json")
                    .header("If-Match", "\"0\"").PUT(HttpRequest.BodyPublishers.ofString("""
                            {"clinicName":"Load Test Clinic","address":"1 Bench Road\\nSpringfield, IL 62702",
                             "privacyContactName":"Jordan Lee","privacyContactTitle":"Privacy Officer",
                             "privacyContactPhone":"(555) 010-2000","privacyContactEmail":"privacy@bench.example"}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (settings.statusCode() != 200) {
                throw new IllegalStateException("letter settings: " + settings.statusCode() + " " + settings.body());
            }

            Session frontDesk = Session.signIn("frontdesk");
            Session privacy = Session.signIn("privacy");
            Session supervisor = Session.signIn("supervisor");
            System.out.println("Signed in to the ui through the code flow: frontdesk, privacy, supervisor");

            start = System.nanoTime();
            Thread sampler = new Thread(() -> sample(apps), "sampler");
            sampler.setDaemon(true);
            sampler.start();
            List<Thread> users = List.of(
                    new Thread(() -> loop("frontdesk", () -> frontDesk(frontDesk))),
                    new Thread(() -> loop("privacy", () -> privacy(privacy))),
                    new Thread(() -> loop("supervisor", () -> supervisor(supervisor))));
            users.forEach(Thread::start);
            Thread.sleep(SECONDS * 1000L);
            running = false;
            for (Thread t : users) {
                t.join(60_000);
            }
            sampler.interrupt();
            boolean ok = report(apps);
            System.out.println(ok ? "LOAD RUN PASSED (no errors)" : "LOAD RUN FAILED (errors above)");
            stopAll(started);
            issuer.stop(0);
            System.exit(ok ? 0 : 1);
        } catch (Exception e) {
            stopAll(started);
            issuer.stop(0);
            throw e;
        }
    }

    interface Step {
        void run() throws Exception;
    }

    static void loop(String user, Step step) {
        while (running) {
            try {
                step.run();
            } catch (Exception e) {
                error(user + ".cycle", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The users' work
    // ------------------------------------------------------------------------------------------------

    static final BlockingQueue<String[]> FOR_DECISION = new ArrayBlockingQueue<>(50); // request id, received date
    static final BlockingQueue<String> FOR_WORKSHEET = new ArrayBlockingQueue<>(50);
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    static void frontDesk(Session ui) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String word = "w" + Long.toString(random.nextLong(1L << 40, 1L << 44), 36);
        // a quarter were received days ago (by fax, mail): their clocks come due and the scan raises alerts
        Instant received = random.nextInt(4) == 0 ? Instant.now().minus(Duration.ofDays(random.nextInt(10, 26)))
                : Instant.now().minusSeconds(60);
        String body = """
                {"receivedAt":"%s","channel":"fax","requesterType":"patient","requesterName":"Load %s %d",
                 "patientName":"Patient %d","patientBirthDate":"%s","ehiClasses":["lab_result","clinical_note"]}"""
                .formatted(received, word, SEQUENCE.incrementAndGet(), random.nextInt(100_000),
                        LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000)));
        HttpResponse<String> created = api("api.request.create", "POST", INTAKE + "/api/v1/requests", "frontdesk", body, 201,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        String id = created == null ? null : field(created.body(), "id");
        if (id != null) {
            api("api.request.get", "GET", INTAKE + "/api/v1/requests/" + id, "frontdesk", null, 200, Map.of());
            FOR_DECISION.offer(new String[] { id, LocalDate.ofInstant(received, ZONE).toString() });
        }
        api("api.request.search", "GET", INTAKE + "/api/v1/requests?q=" + word, "frontdesk", null, 200, Map.of());
        ui.get("ui.log", "/requests");
        ui.get("ui.search", "/requests?q=" + word);
        ui.get("ui.request.form", "/requests/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("receivedAt", LocalDateTime.now(ZONE).minusMinutes(5).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        form.put("channel", "portal");
        form.put("requesterType", "patient");
        form.put("requesterName", "Ui " + word);
        form.put("patientName", "Ui Patient " + random.nextInt(100_000));
        form.put("patientBirthDate", LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000)).toString());
        form.put("purpose", "individual_access");
        form.put("ehiClasses", "lab_result");
        form.put("idempotencyKey", UUID.randomUUID().toString());
        HttpResponse<String> logged = ui.post("ui.request.log", "/requests", form);
        String location = logged == null ? null : logged.headers().firstValue("Location").orElse(null);
        Matcher m = location == null ? null : Pattern.compile("/requests/([0-9a-f-]{36})").matcher(location);
        if (m != null && m.find()) {
            ui.get("ui.request.page", "/requests/" + m.group(1));
            FOR_WORKSHEET.offer(m.group(1));
        } else if (logged != null) {
            error("ui.request.log", "no request in the redirect: " + location);
        }
    }

    static final AtomicLong LETTERS = new AtomicLong();

    static void privacy(Session ui) throws Exception {
        String[] request = FOR_DECISION.poll(5, TimeUnit.SECONDS);
        if (request != null) {
            String id = request[0];
            String assessments = DECISION + "/api/v1/requests/" + id + "/assessments";
            String facts = """
                    "request.received_date":"%s","request.requester_type":"patient",
                    "infeasibility.condition":"uncontrollable_event","infeasibility.event_caused_inability":true"""
                    .formatted(request[1]);
            String practice = "{\"type\":\"delay\",\"claimed_basis\":\"infeasibility\",\"motive\":[\"downtime\"]}";
            HttpResponse<String> created = api("api.decision.create", "POST", assessments, "privacy",
                    "{\"practice\":" + practice + ",\"facts\":{" + facts + "}}", 201,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            String assessment = created == null ? null : field(created.body(), "id");
            if (assessment != null) {
                // a worksheet step: the facts corrected (re-evaluated), guarded by the version seen
                HttpResponse<String> step = api("api.decision.step", "PUT", assessments + "/" + assessment, "privacy",
                        "{\"practice\":" + practice + ",\"facts\":{" + facts + ",\"request.purpose\":\"individual_access\"}}",
                        200, Map.of("If-Match", created.headers().firstValue("ETag").orElse("*")));
                if (step != null) {
                    api("api.decision.sign", "POST", assessments + "/" + assessment + "/signature", "privacy", null, 200,
                            Map.of("If-Match", step.headers().firstValue("ETag").orElse("*")));
                }
                String letter = null;
                if (LETTERS.incrementAndGet() % 2 == 0) {
                    HttpResponse<String> made = api("api.letter.create", "POST", assessments + "/" + assessment + "/letters",
                            "privacy", """
                                    {"kind":"infeasibility","recipientName":"Alex Rivera",
                                     "recipientAddress":"12 Main Street\\nSpringfield, IL 62701"}""", 201,
                            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                    letter = made == null ? null : field(made.body(), "id");
                } else {
                    ui.get("ui.decision.page", "/requests/" + id + "/decisions/" + assessment);
                    HttpResponse<String> made = ui.post("ui.letter.create", "/requests/" + id + "/decisions/" + assessment
                            + "/letters", Map.of("kind", "infeasibility", "recipientName", "Alex Rivera",
                                    "recipientAddress", "12 Main Street\nSpringfield, IL 62701",
                                    "idempotencyKey", UUID.randomUUID().toString()));
                    String location = made == null ? "" : made.headers().firstValue("Location").orElse("");
                    Matcher m = Pattern.compile("/letters/([0-9a-f-]{36})").matcher(location);
                    if (m.find()) {
                        letter = m.group(1);
                    } else if (made != null) {
                        error("ui.letter.create", "no letter in the redirect: " + location);
                    }
                }
                if (letter != null) {
                    ui.get("ui.letter.page", "/requests/" + id + "/letters/" + letter);
                    api("api.letter.pdf", "GET", DECISION + "/api/v1/requests/" + id + "/letters/" + letter + "/pdf",
                            "privacy", null, 200, Map.of());
                    api("api.letter.sent", "POST", DECISION + "/api/v1/requests/" + id + "/letters/" + letter + "/sent",
                            "privacy", "{\"channel\":\"mail\",\"sentOn\":\"" + LocalDate.now(ZONE) + "\"}", 200, Map.of());
                }
            }
        }
        String worked = FOR_WORKSHEET.poll(1, TimeUnit.SECONDS);
        if (worked != null) {
            ui.get("ui.worksheet.page", "/requests/" + worked + "/worksheet");
            HttpResponse<String> step = ui.post("ui.worksheet.step", "/requests/" + worked + "/worksheet",
                    Map.of("step", "fulfil", "fulfil", "yes", "go", "next", "idempotencyKey", UUID.randomUUID().toString()));
            if (step != null) {
                HttpResponse<String> list = api("api.decision.list", "GET", DECISION + "/api/v1/requests/" + worked
                        + "/assessments", "privacy", null, 200, Map.of());
                String assessment = list == null ? null : lastField(list.body(), "id");
                if (assessment == null) {
                    if (list != null) {
                        error("ui.worksheet.step", "the step saved no assessment");
                    }
                } else {
                    HttpResponse<String> page = ui.get("ui.decision.page", "/requests/" + worked + "/decisions/" + assessment);
                    Matcher etag = page == null ? null : Pattern.compile("name=\"etag\" value=\"([^\"]*)\"").matcher(page.body());
                    if (etag != null && etag.find()) {
                        ui.post("ui.decision.sign", "/requests/" + worked + "/decisions/" + assessment + "/signature",
                                Map.of("etag", unescape(etag.group(1)), "confirm", "yes"));
                    } else if (page != null) {
                        error("ui.decision.page", "no etag on the decision page");
                    }
                }
            }
        }
    }

    static void supervisor(Session ui) throws Exception {
        ui.get("ui.alerts", "/alerts");
        ui.get("ui.alerts.unread", "/alerts/unread-count");
        api("api.alerts", "GET", INTAKE + "/api/v1/alerts?unread=true", "supervisor", null, 200, Map.of());
        api("api.request.overdue", "GET", INTAKE + "/api/v1/requests?due=overdue&sort=due", "supervisor", null, 200, Map.of());
        ui.get("ui.log.overdue", "/requests?due=overdue&sort=due");
    }

    // ------------------------------------------------------------------------------------------------
    // Pace, timing, errors
    // ------------------------------------------------------------------------------------------------

    static long nextSlot;

    /** One request every 1/RATE seconds, all users together. */
    static void pace() throws InterruptedException {
        long slot;
        synchronized (LoadBench.class) {
            long now = System.nanoTime();
            nextSlot = Math.max(nextSlot + (long) (1e9 / RATE), now - (long) (1e9 / RATE)); // no burst after a stall
            slot = nextSlot;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    record Sample(long atMillis, long nanos) {
    }

    static final Map<String, List<Sample>> TIMES = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> ERRORS = new ConcurrentHashMap<>();
    static final Map<String, List<String>> ERROR_EXAMPLES = new ConcurrentHashMap<>();

    static void time(String op, long t0) {
        long now = System.nanoTime();
        TIMES.computeIfAbsent(op, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(new Sample((now - start) / 1_000_000, now - t0));
    }

    static void error(String op, String what) {
        ERRORS.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
        List<String> examples = ERROR_EXAMPLES.computeIfAbsent(op, k -> Collections.synchronizedList(new ArrayList<>()));
        if (examples.size() < 3) {
            examples.add(String.format("[%.0f s] %s", (System.nanoTime() - start) / 1e9, what));
        }
    }

    static final HttpClient API = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> api(String op, String method, String url, String user, String body, int expected,
            Map<String, String> headers) throws Exception {
        pace();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user)).header("Accept", "application/json, application/pdf");
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        long t0 = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = API.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            error(op, "no answer: " + e);
            return null;
        }
        time(op, t0);
        if (r.statusCode() != expected) {
            error(op, r.statusCode() + " " + head(r.body()));
            return null;
        }
        return r;
    }

    /** A person in the ui: an HTTP client with a cookie jar, signed in through the code flow. */
    static final class Session {
        final String user;
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http;

        Session(String user) {
            this.user = user;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        }

        /** Opens the ui, follows the redirects to the issuer (naming the user) and back, and lands on the home page. */
        static Session signIn(String user) throws Exception {
            Session s = new Session(user);
            String url = UI + "/";
            for (int hop = 0; hop < 8; hop++) {
                if (url.startsWith(ISSUER)) {
                    url += "&user=" + user;
                }
                HttpResponse<String> r = s.http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && url.startsWith(UI)) {
                    return s;
                }
                if (r.statusCode() / 100 != 3) {
                    throw new IllegalStateException("sign-in of " + user + ": " + url + " answered " + r.statusCode() + " " + head(r.body()));
                }
                url = URI.create(url).resolve(r.headers().firstValue("Location").orElseThrow()).toString();
            }
            throw new IllegalStateException("sign-in of " + user + ": too many redirects");
        }

        HttpResponse<String> get(String op, String path) throws Exception {
            pace();
            long t0 = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(UI + path)).timeout(Duration.ofSeconds(30))
                        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                error(op, "no answer: " + e);
                return null;
            }
            time(op, t0);
            if (r.statusCode() != 200) {
                error(op, r.statusCode() + " " + r.headers().firstValue("Location").orElse("") + " " + head(r.body()));
                return null;
            }
            return r;
        }

        /** A form sent as the browser does, with the CSRF token; the answer is a redirect (303) to the result. */
        HttpResponse<String> post(String op, String path, Map<String, String> fields) throws Exception {
            pace();
            String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("csrf-token"))
                    .map(c -> c.getValue()).findFirst().orElse("");
            StringBuilder form = new StringBuilder("csrf-token=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            fields.forEach((k, v) -> form.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            long t0 = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(UI + path)).timeout(Duration.ofSeconds(30))
                        .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                error(op, "no answer: " + e);
                return null;
            }
            time(op, t0);
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 303 || location.contains("/realms/")) {
                error(op, r.statusCode() + " " + location + " " + head(r.body()));
                return null;
            }
            return r;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Heap and RSS
    // ------------------------------------------------------------------------------------------------

    record Memory(long atSeconds, String app, long rssKb, long heapUsed, long liveAfterGc, double load) {
    }

    static final List<Memory> MEMORY = Collections.synchronizedList(new ArrayList<>());

    static void sample(Map<String, Process> apps) {
        System.out.printf("%-8s %-17s %10s %12s %14s %6s%n", "t (s)", "application", "RSS (MiB)", "heap (MiB)",
                "live after GC", "load");
        while (running) {
            long at = (System.nanoTime() - start) / 1_000_000_000L;
            double load = Double.parseDouble(loadAverage().split(" ")[0]);
            for (var e : apps.entrySet()) {
                try {
                    long rss = Files.readAllLines(Path.of("/proc/" + e.getValue().pid() + "/status")).stream()
                            .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst()
                            .orElse(-1L);
                    String metrics = API.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + MANAGEMENT_PORTS.get(e.getKey()) + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    long heap = sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"");
                    long live = sum(metrics, "jvm_gc_live_data_size_bytes", "");
                    Memory m = new Memory(at, e.getKey(), rss, heap, live, load);
                    MEMORY.add(m);
                    System.out.printf("%-8d %-17s %10.0f %12.0f %14.0f %6.2f%n", at, e.getKey(), rss / 1024.0, heap / 1048576.0,
                            live / 1048576.0, load);
                } catch (Exception ex) {
                    System.out.println("sample of " + e.getKey() + " failed: " + ex);
                }
            }
            try {
                Thread.sleep(SAMPLE_EVERY * 1000L);
            } catch (InterruptedException ex) {
                return;
            }
        }
    }

    static long sum(String metrics, String name, String label) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                if (line.contains(label)) {
                    total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return (long) total;
    }

    // ------------------------------------------------------------------------------------------------
    // Report
    // ------------------------------------------------------------------------------------------------

    static boolean report(Map<String, Process> apps) {
        long warm = WARMUP * 1000L;
        System.out.println();
        System.out.printf("== Latency per operation after the %d s warm-up (%d s measured; load average now %s) ==%n",
                WARMUP, SECONDS - WARMUP, loadAverage());
        System.out.printf("%-22s %7s %9s %9s %9s %9s %7s%n", "operation", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
        long total = 0;
        for (String op : new TreeMap<>(TIMES).keySet()) {
            List<Long> nanos = new ArrayList<>();
            synchronized (TIMES.get(op)) {
                for (Sample s : TIMES.get(op)) {
                    if (s.atMillis() >= warm) {
                        nanos.add(s.nanos());
                    }
                }
            }
            Collections.sort(nanos);
            total += nanos.size();
            int errors = ERRORS.getOrDefault(op, new AtomicInteger()).get();
            if (nanos.isEmpty()) {
                System.out.printf("%-22s %7d %9s %9s %9s %9s %7d%n", op, 0, "-", "-", "-", "-", errors);
            } else {
                System.out.printf("%-22s %7d %9.1f %9.1f %9.1f %9.1f %7d%n", op, nanos.size(), at(nanos, 0.5), at(nanos, 0.95),
                        at(nanos, 0.99), nanos.get(nanos.size() - 1) / 1e6, errors);
            }
        }
        System.out.printf("measured: %d requests in %d s = %.1f requests/s%n", total, SECONDS - WARMUP,
                total / (double) Math.max(1, SECONDS - WARMUP));
        int errors = ERRORS.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.println("errors (whole run, warm-up included): " + errors);
        ERROR_EXAMPLES.forEach((op, examples) -> examples.forEach(e -> System.out.println("  " + op + " " + e)));

        System.out.println();
        System.out.println("== Memory after the warm-up: first vs last third of the samples (MiB; heap used is a saw-tooth, so its range) ==");
        System.out.printf("%-17s %18s %18s %22s %22s%n", "application", "RSS first→last", "live after GC", "heap used (min–max)",
                "heap used, last third");
        for (String app : apps.keySet()) {
            List<Memory> after;
            synchronized (MEMORY) {
                after = MEMORY.stream().filter(m -> m.app().equals(app) && m.atSeconds() >= WARMUP).toList();
            }
            if (after.size() < 3) {
                System.out.printf("%-17s (too few samples)%n", app);
                continue;
            }
            int third = after.size() / 3;
            List<Memory> first = after.subList(0, third);
            List<Memory> last = after.subList(after.size() - third, after.size());
            System.out.printf("%-17s %8.0f → %-7.0f %8.0f → %-7.0f %10.0f–%-10.0f %10.0f–%-10.0f%n", app,
                    mean(first, Memory::rssKb) / 1024, mean(last, Memory::rssKb) / 1024,
                    mean(first, Memory::liveAfterGc) / 1048576, mean(last, Memory::liveAfterGc) / 1048576,
                    first.stream().mapToLong(Memory::heapUsed).min().orElse(0) / 1048576.0,
                    first.stream().mapToLong(Memory::heapUsed).max().orElse(0) / 1048576.0,
                    last.stream().mapToLong(Memory::heapUsed).min().orElse(0) / 1048576.0,
                    last.stream().mapToLong(Memory::heapUsed).max().orElse(0) / 1048576.0);
        }
        return errors == 0;
    }

    static double mean(List<Memory> samples, java.util.function.ToLongFunction<Memory> f) {
        return samples.stream().mapToLong(f).average().orElse(0);
    }

    static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    // ------------------------------------------------------------------------------------------------
    // The identity provider: discovery, keys, authorize (signs the named user in at once), token
    // ------------------------------------------------------------------------------------------------

    static final Map<String, String[]> CODES = new ConcurrentHashMap<>(); // code -> user, nonce

    static HttpServer startIssuer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", ISSUER_PORT), 50);
        String base = "/realms/bench";
        server.createContext(base + "/.well-known/openid-configuration", x -> reply(x, 200, "application/json", """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"grant_types_supported":["authorization_code","refresh_token"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}""".formatted(ISSUER)));
        server.createContext(base + "/jwks", x -> {
            RSAPublicKey key = (RSAPublicKey) keys.getPublic();
            reply(x, 200, "application/json", "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                    + b64(unsigned(key.getModulus())) + "\",\"e\":\"" + b64(unsigned(key.getPublicExponent())) + "\"}]}");
        });
        server.createContext(base + "/authorize", x -> {
            Map<String, String> q = params(x.getRequestURI().getRawQuery());
            String user = q.getOrDefault("user", "frontdesk");
            String code = UUID.randomUUID().toString();
            CODES.put(code, new String[] { user, q.get("nonce") });
            String redirect = q.get("redirect_uri");
            x.getResponseHeaders().add("Location", redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                    + (q.containsKey("state") ? "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8) : ""));
            reply(x, 302, "text/plain", "");
        });
        server.createContext(base + "/token", x -> {
            Map<String, String> form = params(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String user;
            String nonce = null;
            if ("refresh_token".equals(form.get("grant_type"))) {
                user = form.getOrDefault("refresh_token", "").replace("refresh-", "");
            } else {
                String[] granted = CODES.remove(form.getOrDefault("code", ""));
                if (granted == null) {
                    reply(x, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                    return;
                }
                user = granted[0];
                nonce = granted[1];
            }
            if (!ROLES.containsKey(user)) {
                reply(x, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                return;
            }
            try {
                reply(x, 200, "application/json", "{\"access_token\":\"" + token(user) + "\",\"id_token\":\""
                        + idToken(user, nonce) + "\",\"refresh_token\":\"refresh-" + user
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            } catch (Exception e) {
                reply(x, 500, "text/plain", e.toString());
            }
        });
        server.start();
        return server;
    }

    static void reply(HttpExchange x, int status, String type, String body) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            in.readAllBytes();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    static Map<String, String> params(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return map;
    }

    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** An access token of the demo user, as the clinics realm issues it (valid for an hour; cached for 30 minutes). */
    static String token(String user) throws Exception {
        String cached = TOKENS.get(user);
        long now = Instant.now().getEpochSecond();
        if (cached != null && Long.parseLong(cached.substring(0, cached.indexOf(' '))) > now) {
            return cached.substring(cached.indexOf(' ') + 1);
        }
        String jwt = sign("""
                {"iss":"%s","sub":"%s","preferred_username":"%s","groups":["%s"],"clinic_id":"%s",
                 "clinic_name":"Load Test Clinic","aud":["ui"],"azp":"ui","typ":"Bearer","iat":%d,"exp":%d}"""
                .formatted(ISSUER, CLINIC + "-" + user, CLINIC + "-" + user, ROLES.get(user), CLINIC, now, now + 3600));
        TOKENS.put(user, (now + 1800) + " " + jwt);
        return jwt;
    }

    static String idToken(String user, String nonce) throws Exception {
        long now = Instant.now().getEpochSecond();
        return sign("""
                {"iss":"%s","sub":"%s","preferred_username":"%s","groups":["%s"],"clinic_id":"%s",
                 "clinic_name":"Load Test Clinic","aud":"ui","azp":"ui","typ":"ID","iat":%d,"exp":%d%s}"""
                .formatted(ISSUER, CLINIC + "-" + user, CLINIC + "-" + user, ROLES.get(user), CLINIC, now, now + 3600,
                        nonce == null ? "" : ",\"nonce\":\"" + nonce + "\""));
    }

    static String sign(String claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(claims.replace("\n", "").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(rsa.sign());
    }

    static byte[] unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ------------------------------------------------------------------------------------------------
    // Processes
    // ------------------------------------------------------------------------------------------------

    static Process startPostgres(String classpath, Path data, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", classpath, "org.ehiaccess.dev.LocalPostgres",
                data.toString(), String.valueOf(PG_PORT)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains("LOCAL POSTGRES READY")) {
                return p;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("PostgreSQL did not start; see " + log);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("PostgreSQL not ready after 120 s; see " + log);
    }

    static Process startApp(String app, String jar, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(env("LOAD_JAVA_OPTS", "-Xmx512m").trim().split("\\s+")));
        command.add("-Dquarkus.http.port=" + HTTP_PORTS.get(app));
        command.add("-Dquarkus.management.port=" + MANAGEMENT_PORTS.get(app));
        command.add("-Dquarkus.oidc.auth-server-url=" + ISSUER);
        switch (app) {
            case "intake-service" -> {
                command.add("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:" + PG_PORT + "/intake");
                command.add("-Dquarkus.mailer.mock=true");
                command.add("-Dintake.alerts.scan-every=30s");
                command.add("-Dintake.alerts.link-base-url=" + UI);
            }
            case "decision-service" -> {
                command.add("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:" + PG_PORT + "/decision");
                command.add("-Dquarkus.rest-client.intake.url=" + INTAKE);
            }
            case "ui" -> {
                command.add("-Dquarkus.profile=local"); // plain HTTP on localhost, as ./run.sh
                command.add("-Dquarkus.rest-client.intake.url=" + INTAKE);
                command.add("-Dquarkus.rest-client.decision.url=" + DECISION);
                command.add("-Dquarkus.rest-client.reporting.url=http://localhost:1");
                command.add("-Dquarkus.oidc.client-id=ui");
                command.add("-Dquarkus.oidc.credentials.secret=bench-secret-long-enough-for-session-cookie-encryption");
            }
            default -> throw new IllegalArgumentException(app);
        }
        command.addAll(List.of("-jar", jar));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    }

    static void waitReady(String app, Process p) throws Exception {
        Instant deadline = Instant.now().plusSeconds(240);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException(app + " stopped during startup; see its log");
            }
            try {
                HttpResponse<String> r = API.send(HttpRequest.newBuilder(URI.create("http://localhost:" + MANAGEMENT_PORTS.get(app)
                        + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(app + " not ready after 240 s; see its log");
    }

    static void stopAll(List<Process> processes) {
        for (Process p : processes) { // applications first, PostgreSQL last
            p.destroy();
            try {
                p.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String pids(Map<String, Process> apps) {
        StringBuilder s = new StringBuilder();
        apps.forEach((app, p) -> s.append(s.isEmpty() ? "" : ", ").append(app).append(" pid ").append(p.pid()));
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------------

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** The last top-level-looking occurrence: the newest assessment of a list ordered oldest first. */
    static String lastField(String json, String name) {
        Matcher m = Pattern.compile("\\{\"" + name + "\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#34;", "\"").replace("&#x22;", "\"").replace("&amp;", "&");
    }

    static String head(String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return b.length() > 160 ? b.substring(0, 160) + "…" : b;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static int port(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }

    static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
