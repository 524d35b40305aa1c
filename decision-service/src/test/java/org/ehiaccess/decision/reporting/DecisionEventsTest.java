package org.ehiaccess.decision.reporting;

import static org.ehiaccess.decision.support.TestClinic.assessments;
import static org.ehiaccess.decision.support.TestClinic.letter;
import static org.ehiaccess.decision.support.TestClinic.letters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * An assessment created and signed, a letter generated and sent and a review decided each write one event for
 * reporting-service to the outbox with the change: ids and codes of its contract, never the facts, the recipient, the
 * letter or the review's reasons. (reporting-service is not running here: the events wait in the outbox.)
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DecisionEventsTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Test
    void eachDecisionChangeLeavesOneEventOfIdsAndCodes() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>(TestClinic.preventingHarmCase());
        body.put("determined_by", clinic.id + "-psychiatrist");
        String assessment = clinic.assess(clinic.privacy(), request, body);
        assertEquals(List.of("assessment.created"), kinds(request));
        // correcting an unsigned assessment is not an event reporting-service counts
        clinic.as(clinic.clinician()).body(body).put(assessments(request) + "/" + assessment).then().statusCode(200);
        clinic.as(clinic.privacy()).post(assessments(request) + "/" + assessment + "/signature").then().statusCode(200);
        String letterId = clinic.as(clinic.privacy()).body(letter("denial"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
        clinic.as(clinic.privacy()).body(Map.of("channel", "mail", "sentOn", TODAY.toString()))
                .post(letters(request) + "/" + letterId + "/sent").then().statusCode(200);
        String base = assessments(request) + "/" + assessment;
        clinic.as(clinic.frontDesk()).body(Map.of("requestedOn", TODAY.toString())).post(base + "/review-request")
                .then().statusCode(201);
        String reasons = "The risk is unchanged; the treating psychiatrist's concern stands.";
        String review = clinic.as(clinic.secondClinician()).body(Map.of("outcome", "upheld", "reasons", reasons))
                .post(base + "/review").then().statusCode(200).extract().path("id");

        List<JsonNode> events = payloads(request);
        assertEquals(List.of("assessment.created", "assessment.signed", "letter.generated", "letter.sent",
                "review.decided"), kinds(request));
        assertEquals(Map.of("assessmentId", assessment), data(events.get(0)));
        // a reviewable HIPAA ground (164.524(a)(3)) routes to Preventing Harm (171.201)
        assertEquals(Map.of("assessmentId", assessment, "verdict", "covered", "practiceType", "limit_scope",
                "legalBasis", "hipaa_reviewable_preventing_harm", "exceptionCode", "171.201",
                "hipaaGround", "a3_life_or_physical_safety"), data(events.get(1)));
        assertEquals(Map.of("letterId", letterId, "letterKind", "denial", "assessmentId", assessment),
                data(events.get(2)));
        assertEquals(Map.of("letterId", letterId, "letterKind", "denial", "sentVia", "mail"), data(events.get(3)));
        assertEquals(Map.of("reviewOutcome", "upheld", "reviewId", review, "assessmentId", assessment),
                data(events.get(4)));
        for (JsonNode event : events) {
            assertEquals(request, event.get("requestId").asText());
            String text = event.toString();
            for (String secret : List.of("Alex Rivera", "Main Street", "psychiatrist", reasons)) {
                assertFalse(text.contains(secret), secret + " leaked into " + text);
            }
        }
    }

    private Map<?, ?> data(JsonNode event) {
        return json.convertValue(event.get("data"), Map.class);
    }

    private List<String> kinds(String request) {
        return payloads(request).stream().map(p -> p.get("type").asText()).toList();
    }

    private List<JsonNode> payloads(String request) {
        @SuppressWarnings("unchecked")
        List<String> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select payload::text from outbox where destination = 'reporting' and ordering_key = :request
                order by seq""").setParameter("request", request).getResultList());
        return rows.stream().map(r -> {
            try {
                return json.readTree(r);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
