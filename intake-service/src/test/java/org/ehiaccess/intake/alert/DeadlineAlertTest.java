package org.ehiaccess.intake.alert;

import static org.ehiaccess.intake.support.IntakeApi.as;
import static org.ehiaccess.intake.support.IntakeApi.etag;
import static org.ehiaccess.intake.support.IntakeApi.log;
import static org.ehiaccess.intake.support.IntakeApi.request;
import static org.ehiaccess.intake.support.IntakeApi.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.ehiaccess.intake.support.SmtpServerResource;
import org.ehiaccess.platform.testing.ClinicTokens;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(SmtpServerResource.class)
class DeadlineAlertTest {

    @Inject
    AlertScan scan;

    @Inject
    AlertMailSender sender;

    @Inject
    AlertDigest digest;

    @Inject
    EntityManager em;

    /** Each test gets its own clinic, so other tests' requests raise no alerts here. */
    record Clinic(String id, String frontDesk, String supervisor, String otherSupervisor) {
        static Clinic fresh() {
            String id = "clinic-" + UUID.randomUUID().toString().substring(0, 8);
            return new Clinic(id, ClinicTokens.accessToken(id + "-frontdesk", id, "front-desk"),
                    ClinicTokens.accessToken(id + "-supervisor", id, "supervisor"),
                    ClinicTokens.accessToken(id + "-supervisor2", id, "supervisor"));
        }
    }

    /** A patient's request received {@code days} ago: its 15-day internal target is past 80 % at 13 days. */
    static String requestReceivedDaysAgo(Clinic clinic, int days) {
        return log(clinic.frontDesk(), request(unique("Alert"), "patient", Instant.now().minus(days, ChronoUnit.DAYS)));
    }

    static void wantsMail(String supervisorToken, String delivery, String email) {
        as(supervisorToken).body(Map.of("delivery", delivery, "email", email)).put("/api/v1/alerts/delivery")
                .then().statusCode(200);
    }

    List<MimeMessage> mailTo(String email) {
        return Arrays.stream(SmtpServerResource.server().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    long alertRows(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from deadline_alert where request_id = :id")
                .setParameter("id", UUID.fromString(requestId)).getSingleResult()).longValue());
    }

    @Test
    void aCrossedThresholdRaisesOneAlertAndOneMailWithoutClinicalDetail() throws Exception {
        Clinic clinic = Clinic.fresh();
        String email = clinic.id() + "-sup@example.org";
        wantsMail(clinic.supervisor(), "each", email);
        String id = requestReceivedDaysAgo(clinic, 13);

        scan.scan();
        sender.sendDue();

        as(clinic.supervisor()).get("/api/v1/alerts").then().statusCode(200)
                .body("requestId", equalTo(List.of(id)))
                .body("[0].clock", equalTo("internal_target"))
                .body("[0].threshold", equalTo(80))
                .body("[0].read", equalTo(false))
                // the in-app line names the request's people (mail never does)
                .body("[0].patientName", org.hamcrest.Matchers.startsWith("Pat Alert"))
                .body("[0].status", equalTo("received"));
        List<MimeMessage> mail = mailTo(email);
        assertEquals(1, mail.size());
        String body = mail.get(0).getContent().toString();
        assertTrue(mail.get(0).getSubject().contains(id.substring(0, 8)), mail.get(0).getSubject());
        assertTrue(body.contains("/requests/" + id), body);
        assertFalse(body.contains("Pat Alert"), "no patient name in mail");
        assertFalse(body.contains("lab_result") || body.contains("clinical_note"), "no clinical detail in mail");

        // the next scans raise nothing new and send nothing new
        scan.scan();
        scan.scan();
        sender.sendDue();
        assertEquals(1, alertRows(id));
        assertEquals(1, mailTo(email).size());
        as(clinic.frontDesk()).get("/api/v1/requests/" + id + "/timeline").then().body("kind", hasItem("alert_raised"));
    }

    @Test
    void twoSchedulersRunningAtOnceRaiseEachAlertExactlyOnce() throws Exception {
        Clinic clinic = Clinic.fresh();
        String email = clinic.id() + "-sup@example.org";
        wantsMail(clinic.supervisor(), "each", email);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(requestReceivedDaysAgo(clinic, 13 + (i % 3) * 10)); // 13, 23 and 33 days: 80 %, overdue, overdue
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Callable<Integer> instance = () -> {
            go.await();
            return scan.scan();
        };
        Future<Integer> a = pool.submit(instance);
        Future<Integer> b = pool.submit(instance);
        go.countDown();
        int raised = a.get() + b.get();
        pool.shutdown();

        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from deadline_alert where clinic_id = :clinic""")
                .setParameter("clinic", clinic.id()).getSingleResult()).longValue());
        long distinct = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(distinct (request_id, clock_kind, threshold)) from deadline_alert where clinic_id = :clinic""")
                .setParameter("clinic", clinic.id()).getSingleResult()).longValue());
        assertEquals(rows, distinct);
        assertEquals(rows, raised);
        // 13 days: internal 80 %; 23 days: internal overdue + HIPAA 50 %; 33 days: internal + HIPAA overdue
        assertEquals(4 * 1 + 4 * 2 + 4 * 2, rows);

        sender.sendDue();
        assertEquals(rows, mailTo(email).size());
    }

    @Test
    void anSmtpOutageDelaysMailButNeverLosesIt() throws Exception {
        Clinic clinic = Clinic.fresh();
        String email = clinic.id() + "-sup@example.org";
        wantsMail(clinic.supervisor(), "each", email);
        requestReceivedDaysAgo(clinic, 13);
        scan.scan();

        SmtpServerResource.stopServer();
        try {
            assertEquals(0, sender.sendDue());
        } finally {
            SmtpServerResource.startServer();
        }
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select status, attempts, last_error, next_attempt_at > now() from alert_mail where email = :email""")
                .setParameter("email", email).getSingleResult());
        assertEquals("pending", row[0]);
        assertEquals(1, ((Number) row[1]).intValue());
        assertTrue(row[2] != null && !row[2].toString().isBlank(), "the failure is recorded");
        assertEquals(Boolean.TRUE, row[3], "retried later, with backoff");

        // the backoff has passed
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update alert_mail set next_attempt_at = now() where email = :email")
                .setParameter("email", email).executeUpdate());
        assertEquals(1, sender.sendDue());
        assertEquals(1, mailTo(email).size());
    }

    @Test
    void digestReadersGetOneMailADay() throws Exception {
        Clinic clinic = Clinic.fresh();
        String each = clinic.id() + "-each@example.org";
        String daily = clinic.id() + "-daily@example.org";
        wantsMail(clinic.supervisor(), "each", each);
        wantsMail(clinic.otherSupervisor(), "daily_digest", daily);
        String first = requestReceivedDaysAgo(clinic, 13);
        String second = requestReceivedDaysAgo(clinic, 14);
        scan.scan();
        sender.sendDue();
        assertEquals(2, mailTo(each).size());
        assertEquals(0, mailTo(daily).size());

        digest.compose();
        sender.sendDue();
        List<MimeMessage> digests = mailTo(daily);
        assertEquals(1, digests.size());
        String body = digests.get(0).getContent().toString();
        assertTrue(digests.get(0).getSubject().contains("2 alerts"), digests.get(0).getSubject());
        assertTrue(body.contains(first.substring(0, 8)) && body.contains(second.substring(0, 8)), body);
        // nothing left to digest
        assertEquals(0, digest.compose());
    }

    @Test
    void theInboxCountsUnreadAlertsPerSupervisor() {
        Clinic clinic = Clinic.fresh();
        requestReceivedDaysAgo(clinic, 13);
        requestReceivedDaysAgo(clinic, 40);
        scan.scan();
        as(clinic.supervisor()).get("/api/v1/alerts/unread-count").then().body("unread", equalTo(3));
        String alertId = as(clinic.supervisor()).get("/api/v1/alerts").then().extract().path("[0].id");
        as(clinic.supervisor()).post("/api/v1/alerts/" + alertId + "/read").then().statusCode(200)
                .body("unread", equalTo(2));
        as(clinic.supervisor()).queryParam("unread", true).get("/api/v1/alerts").then().body("size()", equalTo(2));
        // pages: one alert a page, the rest behind the Link header
        io.restassured.response.Response first = as(clinic.supervisor()).queryParam("limit", 1).get("/api/v1/alerts");
        first.then().body("size()", equalTo(1));
        String next = first.getHeader("Link");
        assertTrue(next != null && next.contains("rel=\"next\""), String.valueOf(next));
        String url = next.substring(next.indexOf("/api/"), next.indexOf('>'));
        as(clinic.supervisor()).urlEncodingEnabled(false).get(url).then().body("size()", equalTo(1))
                .body("[0].id", org.hamcrest.Matchers.not(equalTo(first.jsonPath().getString("[0].id"))));
        // another supervisor has their own read marks
        as(clinic.otherSupervisor()).get("/api/v1/alerts/unread-count").then().body("unread", equalTo(3));
        // the front desk has no inbox; another clinic sees nothing
        as(clinic.frontDesk()).get("/api/v1/alerts").then().statusCode(403);
        Clinic other = Clinic.fresh();
        as(other.supervisor()).get("/api/v1/alerts/unread-count").then().body("unread", equalTo(0));
        as(other.supervisor()).post("/api/v1/alerts/" + alertId + "/read").then().statusCode(404);
    }

    @Test
    void fromAnAlertASupervisorReassignsAndAddsANote() {
        Clinic clinic = Clinic.fresh();
        String id = requestReceivedDaysAgo(clinic, 13);
        scan.scan();
        as(clinic.supervisor()).header("If-Match", etag(clinic.supervisor(), id))
                .body(Map.of("assignee", clinic.id() + "-privacy")).post("/api/v1/requests/" + id + "/assignment")
                .then().statusCode(200).body("assignee", equalTo(clinic.id() + "-privacy"));
        as(clinic.supervisor()).body(Map.of("text", "Please answer today"))
                .post("/api/v1/requests/" + id + "/notes").then().statusCode(200)
                .body("actor", equalTo(clinic.id() + "-supervisor"));
        as(clinic.supervisor()).get("/api/v1/requests/" + id + "/timeline").then()
                .body("kind", hasItems("alert_raised", "changed", "note"))
                .body("detail", hasItem("Please answer today"));
    }

    @Test
    void aClosedRequestRaisesNoMoreAlerts() {
        Clinic clinic = Clinic.fresh();
        String id = requestReceivedDaysAgo(clinic, 40);
        as(clinic.frontDesk()).header("If-Match", etag(clinic.frontDesk(), id))
                .body(Map.of("status", "fulfilled", "mannerUsed", "paper_mail"))
                .post("/api/v1/requests/" + id + "/status").then().statusCode(200);
        scan.scan();
        assertEquals(0, alertRows(id));
    }
}
