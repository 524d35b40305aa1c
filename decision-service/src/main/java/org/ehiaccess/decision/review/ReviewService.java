package org.ehiaccess.decision.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ehiaccess.decision.assessment.Assessment;
import org.ehiaccess.decision.assessment.DecisionRecord;
import org.ehiaccess.decision.audit.AuditEntry;
import org.ehiaccess.decision.audit.AuditTrail;
import org.ehiaccess.decision.engine.DecisionEngine;
import org.ehiaccess.decision.assessment.AssessmentService;
import org.ehiaccess.decision.clinic.ClinicCalendars;
import org.ehiaccess.decision.clinic.ClinicLocks;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.Problem.FieldError;
import org.ehiaccess.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The review of a reviewable denial. Only a signed decision resting on a reviewable ground can be reviewed: a HIPAA
 * (a)(3) ground (164.524(a)(3), review under (a)(4)) or Preventing Harm on an individualized determination
 * (171.201(c)(1), (e)). The individual asks (any staff member records it); a licensed health care professional who
 * took no part in the decision reviews it (164.524(a)(4): not its author, editor, signer or determiner).
 */
@ApplicationScoped
public class ReviewService {

    public static final Set<String> OUTCOMES = Set.of("upheld", "reversed");
    public static final Set<String> CHANNELS = Set.of("mail", "email", "portal", "fax", "in_person", "phone");

    @Inject
    AssessmentService assessments;

    @Inject
    DecisionEngine engine;

    @Inject
    ClinicCalendars calendars;

    @Inject
    ClinicContext clinic;

    @Inject
    ClinicLocks locks;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    /** The body of POST .../review-request; {@code note} goes to the request's timeline only. */
    public record ReviewRequest(LocalDate requestedOn, String channel, String note) {
    }

    /** The body of POST .../review. */
    public record ReviewDecision(String outcome, String reasons) {
    }

    public AssessmentReview find(UUID requestId, UUID assessmentId) {
        assessments.get(requestId, assessmentId);
        return AssessmentReview.ofAssessment(assessmentId);
    }

    @Transactional
    public AssessmentReview request(UUID requestId, UUID assessmentId, ReviewRequest body) {
        LocalDate today = engine.today();
        LocalDate requestedOn = body == null || body.requestedOn() == null ? today : body.requestedOn();
        String channel = body == null ? null : body.channel();
        List<FieldError> errors = new ArrayList<>();
        if (requestedOn.isAfter(today)) {
            errors.add(new FieldError("requestedOn", "must not be in the future"));
        }
        if (channel != null && !CHANNELS.contains(channel)) {
            errors.add(new FieldError("channel", "must be one of " + CHANNELS.stream().sorted().toList() + " or null"));
        }
        if (body != null && body.note() != null && body.note().length() > 2000) {
            errors.add(new FieldError("note", "must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Assessment assessment = assessments.get(requestId, assessmentId);
        requireReviewable(assessment);
        locks.lock("review/" + assessmentId);
        AssessmentReview existing = AssessmentReview.ofAssessment(assessmentId);
        if (existing != null) {
            throw ProblemException.conflict("A review of decision version " + assessment.versionNumber
                    + " was already requested on " + existing.requestedOn + " (" + existing.requestedBy + ").");
        }
        if (assessment.signedAt != null && requestedOn.isBefore(calendars.localDate(assessment.signedAt))) {
            throw ProblemException.invalid("requestedOn", "must not be before the decision was signed");
        }
        AssessmentReview review = new AssessmentReview();
        review.id = UUID.randomUUID();
        review.requestId = requestId;
        review.assessmentId = assessmentId;
        review.assessmentVersion = assessment.versionNumber;
        review.requestedOn = requestedOn;
        review.requestChannel = channel;
        review.requestedBy = clinic.actor();
        review.requestedAt = Instant.now();
        review.persist();
        audit.record(AuditTrail.REVIEW, review.id, "requested", null,
                Map.of("assessmentVersion", review.assessmentVersion, "requestedOn", requestedOn.toString()));
        return review;
    }

    @Transactional
    public AssessmentReview decide(UUID requestId, UUID assessmentId, ReviewDecision body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.outcome() == null || !OUTCOMES.contains(body.outcome())) {
            errors.add(new FieldError("outcome", "must be upheld or reversed"));
        }
        if (body == null || body.reasons() == null || body.reasons().isBlank()) {
            errors.add(new FieldError("reasons", "must say why the reviewer upheld or reversed the denial"));
        } else if (body.reasons().length() > 4000) {
            errors.add(new FieldError("reasons", "must be at most 4000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Assessment assessment = assessments.get(requestId, assessmentId);
        requireReviewable(assessment);
        Set<String> participants = participants(assessment);
        String reviewer = clinic.actor();
        if (participants.contains(reviewer)) {
            throw new ProblemException(Problem.of(org.ehiaccess.platform.problem.ProblemType.REVIEWER_NOT_INDEPENDENT, 403, "Reviewer took part in the decision", "You took part in decision"
                    + " version " + assessment.versionNumber + " (" + String.join(", ", participants) + "). The review"
                    + " must be made by a licensed health care professional who did not take part in the original"
                    + " decision (45 CFR 164.524(a)(4))."));
        }
        AssessmentReview review = AssessmentReview.ofAssessment(assessmentId);
        if (review == null) {
            throw ProblemException.conflict("No review of decision version " + assessment.versionNumber
                    + " has been requested. Record the individual's request for review first.");
        }
        AssessmentReview.getEntityManager().lock(review, LockModeType.PESSIMISTIC_WRITE);
        AssessmentReview.getEntityManager().refresh(review);
        if (review.decided()) {
            throw ProblemException.conflict("The review was already decided by " + review.reviewer + " ("
                    + review.outcome + "). A decided review is kept as it is.");
        }
        review.outcome = body.outcome();
        review.reasons = body.reasons().strip();
        review.reviewer = reviewer;
        review.decidedAt = Instant.now();
        audit.record(AuditTrail.REVIEW, review.id, "decided", null,
                Map.of("outcome", review.outcome, "reviewer", reviewer, "reasons", review.reasons));
        return review;
    }

    /** Everyone who took part in the decision: its author, editors, signer and the determiner it names. */
    public static Set<String> participants(Assessment assessment) {
        Set<String> people = new LinkedHashSet<>();
        people.add(assessment.createdBy);
        if (assessment.updatedBy != null) {
            people.add(assessment.updatedBy);
        }
        if (assessment.signedBy != null) {
            people.add(assessment.signedBy);
        }
        if (assessment.determinedBy != null) {
            people.add(assessment.determinedBy);
        }
        people.addAll(AuditEntry.actors(AuditTrail.ASSESSMENT, assessment.id.toString()));
        return people;
    }

    private void requireReviewable(Assessment assessment) {
        if (!assessment.signed()) {
            throw ProblemException.conflict("Decision version " + assessment.versionNumber + " is not signed; only a"
                    + " signed denial can be reviewed.");
        }
        DecisionRecord decision = DecisionRecord.of(assessment, json);
        if (!decision.reviewable()) {
            throw ProblemException.conflict("Decision version " + assessment.versionNumber + " does not rest on a"
                    + " reviewable ground. Only a denial on a HIPAA 164.524(a)(3) ground, or under 171.201 on an"
                    + " individualized determination, can be reviewed (164.524(a)(4); 171.201(e)).");
        }
    }
}
