package org.ehiaccess.intake.settings;

import static org.ehiaccess.intake.support.IntakeApi.LAKESIDE_ADMIN;
import static org.ehiaccess.intake.support.IntakeApi.LAKESIDE_FRONT_DESK;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_FRONT_DESK;
import static org.ehiaccess.intake.support.IntakeApi.as;
import static org.ehiaccess.intake.support.IntakeApi.get;
import static org.ehiaccess.intake.support.IntakeApi.log;
import static org.ehiaccess.intake.support.IntakeApi.request;
import static org.ehiaccess.intake.support.IntakeApi.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ehiaccess.intake.retention.RetentionJob;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
public class SettingsAndRetentionTest {

    @Inject
    EntityManager em;

    @Inject
    RetentionJob retention;

    public static Map<String, Object> policy(int payerDays) {
        return Map.of(
                "defaultInternalTarget", Map.of("amount", 10, "unit", "business_days"),
                "internalTargets", List.of(Map.of("requesterType", "payer",
                        "target", Map.of("amount", payerDays, "unit", "calendar_days"))),
                "alertThresholds", List.of(50, 80));
    }

    @Test
    void aPolicyChangeRecomputesTheDueDatesOfOpenRequests() {
        // lakeside's settings, so that other tests' sunrise clocks keep the defaults
        Instant received = Instant.now().minus(1, ChronoUnit.HOURS);
        String id = log(LAKESIDE_FRONT_DESK, request(unique("Policy"), "payer", received));
        String etag = as(LAKESIDE_ADMIN).get("/api/v1/settings").then().statusCode(200)
                .body("timeZone", equalTo("America/New_York")).extract().header("ETag");

        as(LAKESIDE_FRONT_DESK).header("If-Match", etag)
                .body(Map.of("timeZone", "America/Chicago", "closures", List.of(), "responsePolicy", policy(3)))
                .put("/api/v1/settings").then().statusCode(403);
        as(LAKESIDE_ADMIN).header("If-Match", etag)
                .body(Map.of("timeZone", "Mars/Olympus", "closures", List.of(), "responsePolicy", policy(3)))
                .put("/api/v1/settings").then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        as(LAKESIDE_ADMIN).header("If-Match", etag)
                .body(Map.of("timeZone", "America/Chicago", "closures", List.of(), "responsePolicy", policy(3)))
                .put("/api/v1/settings").then().statusCode(200).body("timeZone", equalTo("America/Chicago"));

        LocalDate receivedOn = LocalDate.ofInstant(received, ZoneId.of("America/Chicago"));
        get(LAKESIDE_FRONT_DESK, id).then()
                .body("clocks.find { it.kind == 'internal_target' }.dueOn", equalTo(receivedOn.plusDays(3).toString()));
        as(LAKESIDE_ADMIN).get("/api/v1/settings/audit").then().body("action", hasItem("updated"));
        // the old version cannot overwrite the new settings
        as(LAKESIDE_ADMIN).header("If-Match", etag)
                .body(Map.of("timeZone", "America/Denver", "closures", List.of(), "responsePolicy", policy(4)))
                .put("/api/v1/settings").then().statusCode(409);
        // sunrise is untouched
        as(SUNRISE_FRONT_DESK).get("/api/v1/settings").then().body("timeZone", equalTo("America/New_York"));
    }

    @Test
    void badPolicyValuesNameTheirField() {
        String etag = as(LAKESIDE_ADMIN).get("/api/v1/settings").then().extract().header("ETag");
        as(LAKESIDE_ADMIN).header("If-Match", etag)
                .body(Map.of("timeZone", "America/Chicago", "closures", List.of(), "responsePolicy", Map.of(
                        "defaultInternalTarget", Map.of("amount", 0, "unit", "business_days"),
                        "internalTargets", List.of(), "alertThresholds", List.of(150))))
                .put("/api/v1/settings").then().statusCode(400)
                .body("errors.field", hasItem("responsePolicy.defaultInternalTarget.amount"));
    }

    @Test
    void retentionRemovesOnlyClosedRequestsPastSixYearsAndRecordsIt() {
        String old = log(SUNRISE_FRONT_DESK, request(unique("Old")));
        String openOld = log(SUNRISE_FRONT_DESK, request(unique("OpenOld")));
        String recentClosed = log(SUNRISE_FRONT_DESK, request(unique("Recent")));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update ehi_request set status = 'fulfilled', closed_at = now() - interval '7 years'"
                    + " where id = :id").setParameter("id", UUID.fromString(old)).executeUpdate();
            em.createNativeQuery("update ehi_request set received_at = now() - interval '8 years' where id = :id")
                    .setParameter("id", UUID.fromString(openOld)).executeUpdate();
            em.createNativeQuery("update ehi_request set status = 'denied', closed_at = now() - interval '5 years'"
                    + " where id = :id").setParameter("id", UUID.fromString(recentClosed)).executeUpdate();
        });
        long runsBefore = count("select count(*) from retention_run where clinic_id = 'sunrise'");

        retention.run();

        get(SUNRISE_FRONT_DESK, old).then().statusCode(404);
        get(SUNRISE_FRONT_DESK, openOld).then().statusCode(200);
        get(SUNRISE_FRONT_DESK, recentClosed).then().statusCode(200);
        assertEquals(runsBefore + 1, count("select count(*) from retention_run where clinic_id = 'sunrise'"));
        assertEquals(0L, count("select count(*) from request_event where request_id = '" + old + "'"));
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
