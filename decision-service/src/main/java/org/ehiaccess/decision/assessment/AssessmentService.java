package org.ehiaccess.decision.assessment;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.decision.audit.AuditTrail;
import org.ehiaccess.decision.engine.CaseInput;
import org.ehiaccess.decision.engine.DecisionEngine;
import org.ehiaccess.decision.engine.Evaluation;
import org.ehiaccess.decision.evaluation.EvaluationService;
import org.ehiaccess.decision.reporting.DecisionEvents;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.idempotency.IdempotencyKeys;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.version.Versions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keeps each request's assessments: evaluated and stored with the ruleset, who and when; signed and locked by a
 * privacy officer or clinician; changed after signing only by a new version (the old one stays as it was).
 */
@ApplicationScoped
public class AssessmentService {

    static final String IDEMPOTENCY_SCOPE = "assessment";
    /** Optional field beside practice and facts: who made the individualized determination (171.201(c)(1)). */
    public static final String DETERMINED_BY = "determined_by";
    private static final String AS_OF = "eval.as_of_date";

    @Inject
    EvaluationService evaluations;

    @Inject
    DecisionEngine engine;

    @Inject
    ClinicContext clinic;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail audit;

    @Inject
    DecisionEvents reporting;

    /** The assessment and whether this call created it (false: a retry with the same Idempotency-Key). */
    public record Saved(Assessment assessment, boolean created) {
    }

    /** Evaluates the case and stores it as the request's next version. */
    @Transactional
    public Saved create(UUID requestId, JsonNode given, String idempotencyKey) {
        String determinedBy = determinedBy(given);
        JsonNode body = withoutDeterminer(given);
        CaseInput input = evaluations.validate(body);
        IdempotencyKeys.Outcome outcome = idempotency.createOnce(idempotencyKey, IDEMPOTENCY_SCOPE,
                requestId + " " + canonical(given), () -> newVersion(requestId, body, input, determinedBy).id);
        return new Saved(Assessment.findById(outcome.id()), outcome.created());
    }

    private Assessment newVersion(UUID requestId, JsonNode body, CaseInput input, String determinedBy) {
        // one writer per request at a time, so that version numbers never collide
        Assessment.getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) as locked")
                .setParameter("key", clinic.clinicId() + "/" + requestId).getSingleResult();
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.requestId = requestId;
        assessment.versionNumber = Assessment.latestVersion(requestId) + 1;
        assessment.createdBy = clinic.actor();
        assessment.createdAt = Instant.now();
        assessment.determinedBy = determinedBy;
        record(assessment, body, input);
        assessment.persist();
        audit.record(AuditTrail.ASSESSMENT, assessment.id, "created", null, state(assessment));
        reporting.assessmentCreated(assessment);
        return assessment;
    }

    public Assessment get(UUID requestId, UUID id) {
        Assessment assessment = Assessment.findById(id);
        if (assessment == null || !assessment.requestId.equals(requestId)) {
            throw ProblemException.notFound("Assessment " + id);
        }
        return assessment;
    }

    /** Re-evaluates an unsigned assessment with corrected facts; a signed one is locked (409). */
    @Transactional
    public Assessment update(UUID requestId, UUID id, JsonNode given, OptionalLong expectedRowVersion) {
        Assessment assessment = get(requestId, id);
        requireUnsigned(assessment);
        requireVersion(assessment, expectedRowVersion);
        String determinedBy = determinedBy(given);
        JsonNode body = withoutDeterminer(given);
        CaseInput input = evaluations.validate(body);
        ObjectNode before = state(assessment);
        record(assessment, body, input);
        assessment.determinedBy = determinedBy;
        assessment.updatedBy = clinic.actor();
        assessment.updatedAt = Instant.now();
        audit.record(AuditTrail.ASSESSMENT, assessment.id, "updated", before, state(assessment));
        return assessment;
    }

    /** Signs and locks the assessment. */
    @Transactional
    public Assessment sign(UUID requestId, UUID id, String role, OptionalLong expectedRowVersion) {
        Assessment assessment = get(requestId, id);
        requireUnsigned(assessment);
        requireVersion(assessment, expectedRowVersion);
        ObjectNode before = state(assessment);
        assessment.signedBy = clinic.actor();
        assessment.signedRole = role;
        assessment.signedAt = Instant.now();
        audit.record(AuditTrail.ASSESSMENT, assessment.id, "signed", before, state(assessment));
        return assessment;
    }

    /** The optional determiner beside practice and facts: a user name of at most 100 characters. */
    private static String determinedBy(JsonNode body) {
        if (body == null || !body.isObject() || !body.has(DETERMINED_BY) || body.get(DETERMINED_BY).isNull()) {
            return null;
        }
        JsonNode value = body.get(DETERMINED_BY);
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 100) {
            throw ProblemException.invalid(DETERMINED_BY, "must be the user name of the licensed health care"
                    + " professional who made the determination (at most 100 characters), or null");
        }
        return value.asText().strip();
    }

    private static JsonNode withoutDeterminer(JsonNode body) {
        if (body instanceof ObjectNode object && object.has(DETERMINED_BY)) {
            ObjectNode copy = object.deepCopy();
            copy.remove(DETERMINED_BY);
            return copy;
        }
        return body;
    }

    /** Evaluates on a fixed date, so that the stored input reproduces the stored result. */
    private void record(Assessment assessment, JsonNode body, CaseInput input) {
        Map<String, Object> facts = new HashMap<>(input.facts());
        facts.putIfAbsent(AS_OF, engine.today());
        Evaluation evaluation = evaluations.evaluate(new CaseInput(input.rulesetId(), facts));
        ObjectNode stored = json.createObjectNode();
        stored.set("practice", body.get("practice"));
        ObjectNode storedFacts = body.get("facts") instanceof ObjectNode given ? given.deepCopy() : json.createObjectNode();
        if (!storedFacts.hasNonNull(AS_OF)) {
            storedFacts.put(AS_OF, facts.get(AS_OF).toString());
        }
        stored.set("facts", storedFacts);
        assessment.input = write(stored);
        assessment.result = write(evaluation);
        assessment.ruleset = evaluation.ruleset();
        assessment.verdict = evaluation.verdict().json();
    }

    /** The assessment's audit trail, oldest first. */
    public List<AuditTrail.Entry> trail(UUID requestId, UUID id) {
        get(requestId, id);
        return audit.of(AuditTrail.ASSESSMENT, id);
    }

    /** What the trail keeps of an assessment: its version, verdict, case, determiner and signature. */
    private ObjectNode state(Assessment assessment) {
        ObjectNode state = json.createObjectNode();
        state.put("version", assessment.versionNumber);
        state.put("ruleset", assessment.ruleset);
        state.put("verdict", assessment.verdict);
        try {
            state.set("input", json.readTree(assessment.input));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored assessment input is unreadable", e);
        }
        state.put("determined_by", assessment.determinedBy);
        state.put("signed_by", assessment.signedBy);
        return state;
    }

    private static void requireUnsigned(Assessment assessment) {
        if (assessment.signed()) {
            throw ProblemException.conflict("Assessment version " + assessment.versionNumber + " was signed by "
                    + assessment.signedBy + " and is locked. To change it, create a new version.");
        }
    }

    /** If-Match is optional here: a signed assessment is locked anyway, and a stale version is refused (409). */
    private static void requireVersion(Assessment assessment, OptionalLong expected) {
        expected.ifPresent(version -> Versions.check("assessment", version, assessment.rowVersion));
    }

    /** The body with its keys sorted, so that a retry fingerprints the same however the client orders them. */
    private String canonical(JsonNode body) {
        try {
            return json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(json.convertValue(body, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the assessment as JSON", e);
        }
    }
}
