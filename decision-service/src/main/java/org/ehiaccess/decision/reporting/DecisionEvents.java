package org.ehiaccess.decision.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.decision.assessment.Assessment;
import org.ehiaccess.decision.assessment.DecisionRecord;
import org.ehiaccess.decision.letter.Letter;
import org.ehiaccess.decision.review.AssessmentReview;
import org.ehiaccess.platform.reporting.ReportingEvents;

/**
 * decision-service's domain events for reporting-service, written to the outbox in the transaction of the change
 * (assessment created and signed, letter generated and sent, review decided) and sent by the same relay as the intake
 * updates. Ids and codes only: never the facts, the recipient, the letter or a review's reasons. A code outside
 * reporting-service's contract is left out rather than sent (it would be refused, and hold back the request's events).
 */
@ApplicationScoped
public class DecisionEvents {

    static final Set<String> PRACTICE_TYPES = Set.of("deny", "delay", "limit_scope", "condition_on_form_or_step",
            "charge_fee", "alternative_manner", "license_terms", "redirect_to_tefca", "make_unavailable",
            "fulfill_as_requested");
    static final Set<String> EXCEPTIONS = Set.of("171.201", "171.202", "171.203", "171.204", "171.205", "171.206",
            "171.301", "171.302", "171.303", "171.403");
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,60}");

    @Inject
    ReportingEvents events;

    public void assessmentCreated(Assessment created) {
        events.publish("assessment.created", created.requestId, created.createdAt,
                Map.of("assessmentId", created.id));
    }

    /** The signed decision: its verdict and the legal path it rests on (the Denial Reason Matrix's codes). */
    public void assessmentSigned(DecisionRecord decision) {
        Assessment signed = decision.assessment();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("assessmentId", signed.id);
        data.put("verdict", signed.verdict);
        if (PRACTICE_TYPES.contains(decision.practiceType())) {
            data.put("practiceType", decision.practiceType());
        }
        String basis = legalBasis(decision);
        if (basis != null) {
            data.put("legalBasis", basis);
        }
        if ("covered".equals(signed.verdict)) {
            decision.exceptionIds().stream().filter(EXCEPTIONS::contains).findFirst()
                    .ifPresent(exception -> data.put("exceptionCode", exception));
        }
        String ground = decision.hipaaDenialGround();
        if (ground != null && CODE.matcher(ground).matches()) {
            data.put("hipaaGround", ground);
        }
        events.publish("assessment.signed", signed.requestId, signed.signedAt, data);
    }

    /**
     * The Denial Reason Matrix's legal path of a signed decision: not EHI (171.102), required by law (171.103(a)(1)),
     * a HIPAA ground (unreviewable 164.524(a)(2), routed to 171.202(d); reviewable (a)(3), routed to 171.201), another
     * Part 171 exception, or none (fulfil). Null while more facts are needed.
     */
    static String legalBasis(DecisionRecord decision) {
        String ground = decision.hipaaDenialGround();
        return switch (decision.verdict()) {
            case "out_of_scope" -> "out_of_scope";
            case "required_by_law" -> "required_by_law";
            case "not_covered" -> "no_basis_fulfil";
            case "covered" -> ground != null && ground.startsWith("a2_") ? "hipaa_unreviewable"
                    : ground != null && ground.startsWith("a3_") ? "hipaa_reviewable_preventing_harm"
                    : "part171_exception";
            default -> null;
        };
    }

    public void letterGenerated(Letter letter) {
        events.publish("letter.generated", letter.requestId, letter.createdAt, Map.of("letterId", letter.id,
                "letterKind", letter.kind, "assessmentId", letter.assessmentId));
    }

    public void letterSent(Letter letter) {
        events.publish("letter.sent", letter.requestId, letter.sentAt, Map.of("letterId", letter.id,
                "letterKind", letter.kind, "sentVia", letter.sentChannel));
    }

    public void reviewDecided(AssessmentReview review) {
        events.publish("review.decided", review.requestId, review.decidedAt, Map.of("reviewOutcome", review.outcome,
                "reviewId", review.id, "assessmentId", review.assessmentId));
    }

}
