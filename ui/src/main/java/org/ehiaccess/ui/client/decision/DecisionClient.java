package org.ehiaccess.ui.client.decision;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * decision-service as the worksheet, decision and settings pages use it. Reads, evaluations (they keep nothing) and
 * creations that carry an {@code Idempotency-Key} are retried; changes that carry a version ({@code If-Match}) are
 * not: had the first try landed, a retry would be refused as stale. A refusal (4xx) is an answer: never retried, never
 * counted against the service.
 */
@ApplicationScoped
// once for every call: retried unless the method says otherwise (a change carrying a version is not), and each
// method has its own circuit breaker
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { DecisionRefusedException.class, CircuitBreakerOpenException.class })
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = DecisionRefusedException.class)
public class DecisionClient {

    /** The catalog changes with a release of decision-service, not per request: kept a few minutes. */
    static final Duration CATALOG_TTL = Duration.ofMinutes(10);

    private record CachedCatalog(DecisionCatalog catalog, Instant readAt) {
    }

    private final Map<String, CachedCatalog> catalogs = new ConcurrentHashMap<>();

    @Inject
    @RestClient
    DecisionApi api;

    @Inject
    ObjectMapper json;

    /** The current ruleset's catalog (questions, conditions, exceptions). */
    public DecisionCatalog catalog() {
        String ruleset = "CURRENT_2024_12";
        CachedCatalog cached = catalogs.get(ruleset);
        if (cached != null && cached.readAt().plus(CATALOG_TTL).isAfter(Instant.now())) {
            return cached.catalog();
        }
        DecisionCatalog fresh = readCatalog(ruleset);
        catalogs.put(ruleset, new CachedCatalog(fresh, Instant.now()));
        // the words for values come with the catalog: every page labels with decision-service's words
        org.ehiaccess.ui.worksheet.Labels.use(fresh.labels());
        return fresh;
    }

    private DecisionCatalog readCatalog(String ruleset) {
        try {
            return api.catalog(ruleset);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Evaluates a case {@code {practice, facts}}; keeps nothing, so it is safe to retry. */
    public DecisionVerdict evaluate(Map<String, Object> body) {
        try {
            return api.evaluate(body);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Which questions to ask for these answers ({@code {facts: {...}}}); keeps nothing, so it is safe to retry. */
    public DecisionQuestions questions(Map<String, Object> answers) {
        try {
            return api.questions(Map.of("facts", answers));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Every version of the request's analysis, oldest first. */
    public List<DecisionAssessment> assessments(UUID requestId) {
        try {
            return api.assessments(requestId).stream().map(node -> DecisionAssessment.of(node, null, json)).toList();
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** One version with its ETag; empty when it does not exist (for this clinic and request). */
    public Optional<DecisionAssessment> assessment(UUID requestId, UUID id) {
        try {
            RestResponse<JsonNode> response = api.assessment(requestId, id);
            if (response.getEntity() instanceof com.fasterxml.jackson.databind.node.ObjectNode node
                    && node.hasNonNull("review_status")) {
                // the review is its own resource: read it and show it with the decision
                com.fasterxml.jackson.databind.node.ObjectNode review = api.reviewOf(requestId, id).deepCopy();
                if (review.has("decidedAt")) {
                    review.set("reviewedAt", review.get("decidedAt"));
                }
                node.set("review", review);
            }
            return Optional.of(read(response));
        } catch (DecisionRefusedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /**
     * What follows from one version (reviewable, the letters that fit, the suggested status and letter, whether the
     * signed-in person may review it), as decision-service decides it; this UI only shows it.
     */
    public DecisionGuidance guidance(UUID requestId, UUID id) {
        try {
            return api.guidance(requestId, id);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Keeps the case as the request's next version, once per {@code idempotencyKey}. */
    public DecisionAssessment createAssessment(UUID requestId, String idempotencyKey, Map<String, Object> body) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("creating an assessment needs an Idempotency-Key");
        }
        try {
            return read(api.createAssessment(requestId, idempotencyKey, body));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public DecisionAssessment updateAssessment(UUID requestId, UUID id, String etag, Map<String, Object> body) {
        try {
            return read(api.updateAssessment(requestId, id, etag, body));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public DecisionAssessment sign(UUID requestId, UUID id, String etag) {
        try {
            return read(api.sign(requestId, id, etag));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public void requestReview(UUID requestId, UUID id, String note) {
        try {
            checked(api.requestReview(requestId, id, note == null || note.isBlank() ? Map.of() : Map.of("note", note.strip())));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public void review(UUID requestId, UUID id, String outcome, String reasons) {
        try {
            checked(api.review(requestId, id, Map.of("outcome", outcome, "reasons", reasons)));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /**
     * Whether decision-service has brought the request log (intake-service) up to date with the request's decisions,
     * letters and reviews; empty when that cannot be read right now (the page then says nothing about it).
     */
    public Optional<IntakeUpdates> intakeUpdates(UUID requestId) {
        try {
            return Optional.ofNullable(api.intakeUpdates(requestId));
        } catch (DecisionRefusedException | ProcessingException e) {
            return Optional.empty();
        }
    }

    // --- letters -------------------------------------------------------------------------------------

    /** Generates a letter from a signed decision, once per {@code idempotencyKey}. */
    public LetterRecord createLetter(UUID requestId, UUID assessmentId, String idempotencyKey, Map<String, Object> body) {
        try {
            return api.createLetter(requestId, assessmentId, idempotencyKey, body);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    public List<LetterRecord> letters(UUID requestId) {
        try {
            return api.letters(requestId);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    public Optional<LetterRecord> letter(UUID requestId, UUID id) {
        try {
            return Optional.of(api.letter(requestId, id));
        } catch (DecisionRefusedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    public String letterHtml(UUID requestId, UUID id) {
        try {
            return api.letterHtml(requestId, id);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    public byte[] letterPdf(UUID requestId, UUID id) {
        try {
            return api.letterPdf(requestId, id);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public LetterRecord markSent(UUID requestId, UUID id, String channel, String sentOn) {
        try {
            return api.markSent(requestId, id, Map.of("channel", channel, "sentOn", sentOn));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    // --- Denial Reason Matrix, letter settings and templates -------------------------------------------

    /** The clinic's matrix with its ETag; empty when decision-service does not offer it (yet). */
    public Optional<DenialReasonMatrix> denialReasons() {
        try {
            RestResponse<DenialReasonMatrix> response = checked(api.denialReasons());
            return Optional.of(response.getEntity().withEtag(response.getHeaderString("ETag")));
        } catch (DecisionRefusedException e) {
            if (e.status() == 404 || e.status() == 405) {
                return Optional.empty();
            }
            throw e;
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public DenialReasonMatrix saveDenialReasons(String etag, List<DenialReasonMatrix.Row> rows) {
        try {
            RestResponse<DenialReasonMatrix> response = checked(api.saveDenialReasons(etag, new DenialReasonMatrix.Rows(rows)));
            return response.getEntity().withEtag(response.getHeaderString("ETag"));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public void resetDenialReasons() {
        try {
            checked(api.resetDenialReasons());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** The matrix rows that fit a practice; empty when the matrix is not offered. */
    @Retry(maxRetries = 1, delay = 200, abortOn = { DecisionRefusedException.class, CircuitBreakerOpenException.class })
    public List<DenialReasonMatrix.Row> suggestions(String practiceType, String claimedBasis, List<String> motives) {
        try {
            return api.suggestions(practiceType, claimedBasis, motives);
        } catch (DecisionRefusedException e) {
            if (e.status() == 404 || e.status() == 405 || e.status() == 400) {
                return List.of();
            }
            throw e;
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    public Optional<LetterSettings> letterSettings() {
        try {
            RestResponse<LetterSettings> response = checked(api.letterSettings());
            return Optional.of(response.getEntity().withEtag(response.getHeaderString("ETag")));
        } catch (DecisionRefusedException e) {
            if (e.status() == 404 || e.status() == 405) {
                return Optional.empty();
            }
            throw e;
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public LetterSettings saveLetterSettings(String etag, LetterSettings settings) {
        try {
            RestResponse<LetterSettings> response = checked(api.saveLetterSettings(etag, settings));
            return response.getEntity().withEtag(response.getHeaderString("ETag"));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Every kind's template; empty when the service does not offer templates (yet). */
    public Optional<List<LetterTemplate>> letterTemplates() {
        try {
            return Optional.of(api.letterTemplates());
        } catch (DecisionRefusedException e) {
            if (e.status() == 404 || e.status() == 405) {
                return Optional.empty();
            }
            throw e;
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    public Optional<LetterTemplate> letterTemplate(String kind) {
        try {
            RestResponse<LetterTemplate> response = checked(api.letterTemplate(kind));
            return Optional.of(response.getEntity().withEtag(response.getHeaderString("ETag")));
        } catch (DecisionRefusedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public LetterTemplate saveLetterTemplate(String kind, String etag, LetterTemplate template) {
        try {
            // the API takes {subject, body}; the kind is in the address
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("subject", template.subject());
            body.put("body", template.body());
            RestResponse<LetterTemplate> response = checked(api.saveLetterTemplate(kind, etag, body));
            return response.getEntity().withEtag(response.getHeaderString("ETag"));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private DecisionAssessment read(RestResponse<JsonNode> response) {
        checked(response);
        return DecisionAssessment.of(response.getEntity(), response.getHeaderString("ETag"), json);
    }

    /** A 4xx or 5xx as an exception, even where the client hands back the response. */
    private static <T> RestResponse<T> checked(RestResponse<T> response) {
        if (response.getStatus() >= 400) {
            throw DecisionApi.toException(response.toResponse());
        }
        return response;
    }

    private static DecisionUnavailableException unreachable(ProcessingException e) {
        return new DecisionUnavailableException("decision-service could not be reached", e);
    }
}
