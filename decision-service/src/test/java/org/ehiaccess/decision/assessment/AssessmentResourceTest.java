package org.ehiaccess.decision.assessment;

import static org.ehiaccess.decision.support.DecisionApi.LAKESIDE_PRIVACY;
import static org.ehiaccess.decision.support.DecisionApi.SUNRISE_ADMIN;
import static org.ehiaccess.decision.support.DecisionApi.SUNRISE_CLINICIAN;
import static org.ehiaccess.decision.support.DecisionApi.SUNRISE_FRONT_DESK;
import static org.ehiaccess.decision.support.DecisionApi.SUNRISE_PRIVACY;
import static org.ehiaccess.decision.support.DecisionApi.SUNRISE_SUPERVISOR;
import static org.ehiaccess.decision.support.DecisionApi.as;
import static org.ehiaccess.decision.support.DecisionApi.hurricaneCase;
import static org.ehiaccess.decision.support.DecisionApi.unpaidBalanceCase;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AssessmentResourceTest {

    private static String path(String requestId) {
        return "/api/v1/requests/" + requestId + "/assessments";
    }

    private static String create(String token, String requestId, Map<String, Object> body) {
        return as(token).body(body).post(path(requestId)).then().statusCode(201).extract().path("id");
    }

    @Test
    void createReadUpdateSignThenANewVersionKeepsTheSignedOne() {
        String request = UUID.randomUUID().toString();
        io.restassured.response.ValidatableResponse created = as(SUNRISE_PRIVACY).body(unpaidBalanceCase())
                .post(path(request)).then().statusCode(201);
        String first = created.extract().path("id");
        created.header("Location", endsWith(path(request) + "/" + first))
                .header("ETag", equalTo("\"0\""))
                .body("version", equalTo(1))
                .body("request_id", equalTo(request))
                .body("verdict", equalTo("not_covered"))
                .body("ruleset", equalTo("CURRENT_2024_12"))
                .body("result.verdict", equalTo("not_covered"))
                .body("facts.'eval.as_of_date'", notNullValue())
                .body("created_by", equalTo("sunrise-privacy"))
                .body("signed", equalTo(false));

        // corrected before signing, here by a clinician (who may answer an unsigned assessment's questions):
        // re-evaluated in place
        String etag = as(SUNRISE_PRIVACY).get(path(request) + "/" + first).then().statusCode(200)
                .extract().header("ETag");
        as(SUNRISE_CLINICIAN).header("If-Match", etag).body(hurricaneCase()).put(path(request) + "/" + first).then()
                .statusCode(200).body("verdict", equalTo("covered")).body("updated_by", equalTo("sunrise-clinician"));
        as(SUNRISE_PRIVACY).header("If-Match", etag).body(hurricaneCase()).put(path(request) + "/" + first).then()
                .statusCode(409);

        // the privacy officer decides: a clinician signs nothing
        as(SUNRISE_CLINICIAN).post(path(request) + "/" + first + "/signature").then().statusCode(403);
        as(SUNRISE_PRIVACY).post(path(request) + "/" + first + "/signature").then().statusCode(200)
                .body("signed", equalTo(true)).body("signed_by", equalTo("sunrise-privacy"))
                .body("signed_role", equalTo("privacy-officer")).body("signed_at", notNullValue());

        // locked: no update, no second signature
        as(SUNRISE_PRIVACY).body(unpaidBalanceCase()).put(path(request) + "/" + first).then().statusCode(409);
        as(SUNRISE_PRIVACY).post(path(request) + "/" + first + "/signature").then().statusCode(409);

        // the trail keeps every step, with the state before and after
        as(SUNRISE_FRONT_DESK).get(path(request) + "/" + first + "/events").then().statusCode(200)
                .body("kind", equalTo(List.of("created", "updated", "signed")))
                .body("actor", equalTo(List.of("sunrise-privacy", "sunrise-clinician", "sunrise-privacy")))
                .body("[0].before", nullValue())
                .body("[1].before.verdict", equalTo("not_covered"))
                .body("[1].after.verdict", equalTo("covered"))
                .body("[2].after.signed_by", equalTo("sunrise-privacy"));
        as(LAKESIDE_PRIVACY).get(path(request) + "/" + first + "/events").then().statusCode(404);

        // a change after signing is version 2; version 1 stays as signed
        String second = create(SUNRISE_PRIVACY, request, unpaidBalanceCase());
        as(SUNRISE_PRIVACY).get(path(request)).then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].id", equalTo(first)).body("[0].version", equalTo(1))
                .body("[0].verdict", equalTo("covered")).body("[0].signed", equalTo(true))
                .body("[1].id", equalTo(second)).body("[1].version", equalTo(2))
                .body("[1].verdict", equalTo("not_covered")).body("[1].signed_by", nullValue());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        String request = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        String first = as(SUNRISE_PRIVACY).header("Idempotency-Key", key).body(hurricaneCase()).post(path(request))
                .then().statusCode(201).extract().path("id");
        String retry = as(SUNRISE_PRIVACY).header("Idempotency-Key", key).body(hurricaneCase()).post(path(request))
                .then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertEquals(first, retry);
        as(SUNRISE_PRIVACY).get(path(request)).then().body("", hasSize(1));
        // the same key for another case is refused, not answered with the first record
        as(SUNRISE_PRIVACY).header("Idempotency-Key", key).body(unpaidBalanceCase()).post(path(request))
                .then().statusCode(422);
        as(SUNRISE_PRIVACY).get(path(request)).then().body("", hasSize(1));
    }

    @Test
    void rolesReadAllOnlyThePrivacyOfficerCreatesAndSigns() {
        String request = UUID.randomUUID().toString();
        as(SUNRISE_FRONT_DESK).body(hurricaneCase()).post(path(request)).then().statusCode(403);
        as(SUNRISE_CLINICIAN).body(hurricaneCase()).post(path(request)).then().statusCode(403);
        as(SUNRISE_SUPERVISOR).body(hurricaneCase()).post(path(request)).then().statusCode(403);
        String id = create(SUNRISE_PRIVACY, request, hurricaneCase());
        as(SUNRISE_FRONT_DESK).get(path(request) + "/" + id).then().statusCode(200);
        as(SUNRISE_ADMIN).get(path(request)).then().statusCode(200).body("", hasSize(1));
        as(SUNRISE_FRONT_DESK).post(path(request) + "/" + id + "/signature").then().statusCode(403);
        as(SUNRISE_ADMIN).post(path(request) + "/" + id + "/signature").then().statusCode(403);
        as(SUNRISE_SUPERVISOR).post(path(request) + "/" + id + "/signature").then().statusCode(403);
        as(SUNRISE_PRIVACY).post(path(request) + "/" + id + "/signature").then().statusCode(200)
                .body("signed_role", equalTo("privacy-officer"));
        io.restassured.RestAssured.given().get(path(request)).then().statusCode(401);
    }

    @Test
    void anotherClinicSeesNothing() {
        String request = UUID.randomUUID().toString();
        String id = create(SUNRISE_PRIVACY, request, hurricaneCase());
        as(LAKESIDE_PRIVACY).get(path(request) + "/" + id).then().statusCode(404);
        as(LAKESIDE_PRIVACY).get(path(request)).then().statusCode(200).body("", hasSize(0));
        as(LAKESIDE_PRIVACY).post(path(request) + "/" + id + "/signature").then().statusCode(404);
        as(LAKESIDE_PRIVACY).body(hurricaneCase()).put(path(request) + "/" + id).then().statusCode(404);
        // lakeside's own first assessment of the same request id is its version 1
        as(LAKESIDE_PRIVACY).body(hurricaneCase()).post(path(request)).then().statusCode(201).body("version", equalTo(1));
        as(SUNRISE_PRIVACY).get(path(request) + "/" + id).then().statusCode(200).body("signed", equalTo(false));
    }

    @Test
    void badInputCreatesNothingAndNamesEachField() {
        String request = UUID.randomUUID().toString();
        Map<String, Object> bad = Map.of("practice", Map.of("type", "deny"),
                "facts", Map.of("harm.harm_type", "sadness", "request.received_date", "yesterday"));
        as(SUNRISE_PRIVACY).body(bad).post(path(request)).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("facts.harm.harm_type", "facts.request.received_date"))
                .contentType("application/problem+json");
        as(SUNRISE_PRIVACY).get(path(request)).then().body("", hasSize(0));
        as(SUNRISE_PRIVACY).body(hurricaneCase()).post(path("not-a-uuid")).then().statusCode(400)
                .body("errors[0].field", equalTo("requestId"));
        as(SUNRISE_PRIVACY).get(path(request) + "/" + UUID.randomUUID()).then().statusCode(404);
    }
}
