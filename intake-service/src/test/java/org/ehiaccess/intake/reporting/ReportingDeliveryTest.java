package org.ehiaccess.intake.reporting;

import static io.restassured.RestAssured.given;
import static org.ehiaccess.intake.support.IntakeApi.as;
import static org.ehiaccess.intake.support.IntakeApi.etag;
import static org.ehiaccess.intake.support.IntakeApi.log;
import static org.ehiaccess.intake.support.IntakeApi.request;
import static org.ehiaccess.intake.support.IntakeApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ehiaccess.intake.support.ReportingServiceProcess;
import org.ehiaccess.platform.outbox.OutboxRelay;
import org.ehiaccess.platform.testing.ClinicTokens;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.platform.testing.ServiceTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * intake-service's events reach the real reporting-service (its packaged jar, its own database) once each: while it is
 * down nothing is lost, a relay that sent but did not mark sends again and nothing counts twice, and requests whose
 * events arrive out of order give the same figures. The relay uses intake-service's own token, got from the OIDC test
 * server by a real client-credentials grant.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ReportingServiceProcess.PortResource.class)
class ReportingDeliveryTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static ReportingServiceProcess reporting;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @BeforeAll
    static void teachTheIdentityProvider() {
        ServiceTokens.answerClientCredentials(ConfigProvider.getConfig().getValue("keycloak.url", String.class),
                "intake-service", "test-service-secret");
    }

    @AfterAll
    static void stopReportingService() {
        if (reporting != null) {
            reporting.close();
        }
    }

    @Test
    void nothingIsLostWhileReportingIsDownNothingCountsTwiceAndArrivalOrderDoesNotMatter() {
        String clinic = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String frontDesk = ClinicTokens.accessToken(clinic + "-frontdesk", clinic, "front-desk");
        String compliance = ClinicTokens.accessToken(clinic + "-compliance", clinic, "compliance-lead");
        Instant receivedAt = Instant.now().minus(2, ChronoUnit.HOURS);

        // reporting-service is down while the clinic works
        String fulfilled = log(frontDesk, request(unique("One"), "patient", receivedAt));
        status(frontDesk, fulfilled, Map.of("status", "triaged"));
        status(frontDesk, fulfilled, Map.of("status", "fulfilled", "mannerUsed", "portal_view_download"));
        Map<String, Object> byPortal = request(unique("Two"), "attorney_or_court", receivedAt);
        byPortal.put("channel", "portal");
        log(frontDesk, byPortal);
        Map<String, Object> byEmail = request(unique("Three"), "patient", receivedAt);
        byEmail.put("channel", "email");
        String open = log(frontDesk, byEmail);
        status(frontDesk, open, Map.of("status", "in_review"));
        as(frontDesk).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("receivedOn", LocalDate.now(NEW_YORK).toString(), "source", "patient",
                        "allegation", "No answer yet", "requestIds", List.of(open)))
                .post("/api/v1/complaints").then().statusCode(201);

        relay.relayNow();
        long waiting = undelivered(clinic);
        assertTrue(waiting >= 10, "received, clocks, status changes, clocks met, complaint: " + waiting);
        assertEquals(0, count(clinic, "delivered_at is not null"));
        // the first event of each request and of the complaint was tried, failed and backs off; the rest wait behind it
        assertEquals(4, count(clinic, "attempts = 1 and last_error = 'reporting-service could not be reached'"
                + " and next_attempt_at > now()"));
        assertEquals(waiting - 4, count(clinic, "attempts = 0"));

        reporting = ReportingServiceProcess.start();
        relay.relayNow();
        assertEquals(0, undelivered(clinic));

        Map<String, Object> figures = metrics(compliance);
        assertEquals(3, figures.get("requestsReceived"));
        assertEquals(1, channel(figures, "fax"));
        assertEquals(1, channel(figures, "portal"));
        assertEquals(1, channel(figures, "email"));
        assertEquals(2, ((Map<?, ?>) figures.get("byRequesterType")).get("patient"));
        assertEquals(1, ((Map<?, ?>) figures.get("byRequesterType")).get("attorney_or_court"));
        assertEquals(0, figures.get("denials"));
        assertEquals(1, figures.get("complaintsLogged"));
        assertEquals(1, figures.get("complaintsLinked"));
        assertEquals(1, ((Map<?, ?>) figures.get("complaintsByOutcome")).get("pending"));
        // one request fulfilled today or yesterday in New York, counted in calendar days
        double days = ChronoUnit.DAYS.between(receivedAt.atZone(NEW_YORK).toLocalDate(), LocalDate.now(NEW_YORK));
        assertEquals(days, ((Number) figures.get("medianDaysToFulfill")).doubleValue());
        Map<?, ?> hipaa = (Map<?, ?>) ((Map<?, ?>) figures.get("clocks")).get("hipaa_access");
        assertEquals(1, hipaa.get("onTime"), figures.toString());
        assertEquals(0, hipaa.get("late"), figures.toString());

        // the relay died after sending and before marking: every event is sent again, and counted once
        long sent = count(clinic, "delivered_at is not null");
        long attempts = attempts(clinic);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update outbox set delivered_at = null where clinic_id = :clinic and destination = 'reporting'")
                .setParameter("clinic", clinic).executeUpdate());
        relay.relayNow();
        assertEquals(0, undelivered(clinic));
        assertEquals(attempts + sent, attempts(clinic), "every event was sent a second time");
        assertEquals(figures, metrics(compliance));

        // two more requests; the later one's events arrive before the earlier one's
        Map<String, Object> byMail = request(unique("Four"), "patient", receivedAt);
        byMail.put("channel", "mail");
        String earlier = log(frontDesk, byMail);
        Map<String, Object> inPerson = request(unique("Five"), "patient", receivedAt);
        inPerson.put("channel", "in_person");
        String later = log(frontDesk, inPerson);
        status(frontDesk, later, Map.of("status", "fulfilled", "mannerUsed", "portal_view_download"));
        status(frontDesk, earlier, Map.of("status", "fulfilled", "mannerUsed", "portal_view_download"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update outbox set next_attempt_at = now() + interval '1 hour'
                where clinic_id = :clinic and destination = 'reporting' and ordering_key = :earlier""")
                .setParameter("clinic", clinic).setParameter("earlier", earlier).executeUpdate());
        relay.relayDue();
        assertTrue(count(clinic, "ordering_key = '" + earlier + "' and delivered_at is null") > 0);
        assertEquals(0, count(clinic, "ordering_key = '" + later + "' and delivered_at is null"));
        assertEquals(4, metrics(compliance).get("requestsReceived"));
        relay.relayNow();
        assertEquals(0, undelivered(clinic));

        Map<String, Object> all = metrics(compliance);
        assertEquals(5, all.get("requestsReceived"));
        assertEquals(1, channel(all, "mail"));
        assertEquals(1, channel(all, "in_person"));
        assertEquals(4, ((Map<?, ?>) all.get("byRequesterType")).get("patient"));
        assertEquals(3, ((Map<?, ?>) ((Map<?, ?>) all.get("clocks")).get("hipaa_access")).get("onTime"));
        assertEquals(days, ((Number) all.get("medianDaysToFulfill")).doubleValue());
        // the same figures as from the stored events in sequence order: a rebuild projects them again
        given().auth().oauth2(ServiceTokens.serviceToken("intake-service")).post(reporting.baseUrl() + "/api/v1/rebuild")
                .then().statusCode(200);
        assertEquals(all, metrics(compliance));
    }

    private static void status(String token, String id, Map<String, Object> change) {
        as(token).header("If-Match", etag(token, id)).body(change).post("/api/v1/requests/" + id + "/status")
                .then().statusCode(200);
    }

    private static Map<String, Object> metrics(String token) {
        LocalDate today = LocalDate.now(NEW_YORK);
        return given().auth().oauth2(token).queryParam("from", today.minusDays(2).toString())
                .queryParam("to", today.plusDays(1).toString()).get(reporting.baseUrl() + "/api/v1/metrics")
                .then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private static Object channel(Map<String, Object> figures, String channel) {
        return ((Map<?, ?>) figures.get("byChannel")).get(channel);
    }

    private long undelivered(String clinic) {
        return count(clinic, "delivered_at is null");
    }

    private long attempts(String clinic) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select sum(attempts) from outbox where clinic_id = :clinic and destination = 'reporting'")
                .setParameter("clinic", clinic).getSingleResult()).longValue());
    }

    private long count(String clinic, String condition) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox where clinic_id = :clinic and destination = 'reporting' and " + condition)
                .setParameter("clinic", clinic).getSingleResult()).longValue());
    }
}
