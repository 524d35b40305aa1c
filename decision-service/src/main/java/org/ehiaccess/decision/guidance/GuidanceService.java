package org.ehiaccess.decision.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.decision.assessment.Assessment;
import org.ehiaccess.decision.assessment.DecisionRecord;
import org.ehiaccess.decision.letter.LetterKind;
import org.ehiaccess.decision.review.AssessmentReview;
import org.ehiaccess.decision.review.ReviewService;
import org.ehiaccess.decision.assessment.AssessmentService;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.security.Permissions;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

/** Reads one stored assessment (never re-evaluates it) and says what follows from it: {@link DecisionGuidance}. */
@ApplicationScoped
public class GuidanceService {

    static final String WHO_MAY_REVIEW = "A licensed health care professional (a clinician) who took no part in the"
            + " decision: not its author, an editor, its signer or the professional who made the determination"
            + " (164.524(a)(4)).";

    @Inject
    AssessmentService assessments;

    @Inject
    ClinicContext clinic;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Transactional
    public DecisionGuidance of(UUID requestId, UUID assessmentId) {
        Assessment assessment = assessments.get(requestId, assessmentId);
        DecisionRecord decision = DecisionRecord.of(assessment, json);
        AssessmentReview review = assessment.signed() ? AssessmentReview.ofAssessment(assessment.id) : null;
        String reviewStatus = review == null ? null : review.decided() ? review.outcome : "requested";
        boolean reviewable = decision.reviewable();

        List<DecisionGuidance.LetterChoice> fits = new ArrayList<>();
        List<DecisionGuidance.LetterRefusal> others = new ArrayList<>();
        for (LetterKind kind : order(decision, review)) {
            Optional<String> whyNot = assessment.signed() ? LetterFit.whyNot(kind, decision, review)
                    : Optional.of("Letters are written from a signed decision. Sign it first.");
            if (whyNot.isEmpty()) {
                fits.add(new DecisionGuidance.LetterChoice(kind.name(), kind.label, kind.cfr));
            } else {
                others.add(new DecisionGuidance.LetterRefusal(kind.name(), kind.label, whyNot.get()));
            }
        }
        String suggestedLetter = suggestedLetter(decision, review, fits);
        String[] status = suggestedStatus(decision, review);
        return new DecisionGuidance(assessment.signed(), assessment.verdict, decision.denies(), reviewable,
                reviewBasis(decision), reviewStatus, assessment.signed() && reviewable && review == null,
                List.copyOf(fits), List.copyOf(others), suggestedLetter, status[0], status[1],
                reviewer(assessment, decision, review));
    }

    /** The letters in the order a person looks for them: the decision's own letter first. */
    private static List<LetterKind> order(DecisionRecord decision, AssessmentReview review) {
        List<LetterKind> kinds = new ArrayList<>();
        if (review != null && review.decided()) {
            kinds.add(LetterKind.review_outcome);
        }
        if ("limit_scope".equals(decision.practiceType())) {
            kinds.add(LetterKind.partial_fulfilment);
            kinds.add(LetterKind.denial);
        } else {
            kinds.add(LetterKind.denial);
            kinds.add(LetterKind.partial_fulfilment);
        }
        for (LetterKind kind : List.of(LetterKind.infeasibility, LetterKind.extension, LetterKind.no_records,
                LetterKind.review_outcome)) {
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private static String suggestedLetter(DecisionRecord decision, AssessmentReview review,
            List<DecisionGuidance.LetterChoice> fits) {
        Set<String> fitting = Set.copyOf(fits.stream().map(DecisionGuidance.LetterChoice::kind).toList());
        String suggested;
        if (review != null && review.decided()) {
            // 164.524(d)(4): the individual is told the reviewer's decision in writing
            suggested = LetterKind.review_outcome.name();
        } else if (decision.denies()) {
            suggested = "limit_scope".equals(decision.practiceType()) ? LetterKind.partial_fulfilment.name()
                    : LetterKind.denial.name();
        } else if (decision.reliesOnInfeasibility()) {
            suggested = LetterKind.infeasibility.name();
        } else if (Boolean.TRUE.equals(bool(decision, "hipaa.extension_notice_sent"))
                || "needs_more_facts".equals(decision.verdict())) {
            // more time is needed: one 30-day extension (164.524(b)(2)(ii))
            suggested = LetterKind.extension.name();
        } else {
            // nothing is withheld: the information is provided, no letter is owed
            suggested = null;
        }
        return suggested != null && fitting.contains(suggested) ? suggested : null;
    }

    /** {status, why}: the request status the signed decision supports. */
    private static String[] suggestedStatus(DecisionRecord decision, AssessmentReview review) {
        if (review != null && "reversed".equals(review.outcome)) {
            return new String[] { "fulfilled", "The review reversed the denial: the information is to be provided"
                    + " (164.524(d)(4))." };
        }
        String type = decision.practiceType() == null ? "" : decision.practiceType();
        if (decision.denies()) {
            return "limit_scope".equals(type)
                    ? new String[] { "partially_fulfilled", "Part of the information is withheld on the decision's"
                            + " basis; the rest is provided (164.524(d)(1))." }
                    : new String[] { "denied", "The signed decision supports the denial." };
        }
        if ("not_covered".equals(decision.verdict()) && DecisionRecord.DENYING_PRACTICES.contains(type)) {
            return new String[] { "fulfilled", "No exception covers withholding this information: fulfill the"
                    + " request." };
        }
        if ("needs_more_facts".equals(decision.verdict())) {
            return new String[] { "in_review", "The decision needs more facts before the request can be closed." };
        }
        if ("fulfill_as_requested".equals(type) || "alternative_manner".equals(type)) {
            return new String[] { "fulfilled", "The information is provided." };
        }
        return new String[] { "in_review", "The request is still being worked." };
    }

    private static String reviewBasis(DecisionRecord decision) {
        if (decision.reviewable()) {
            return decision.reviewBasis();
        }
        if (!decision.denies()) {
            return "Not a denial the decision supports (verdict " + decision.verdict() + ", practice "
                    + decision.practiceType() + "), so there is nothing to review (164.524(a)(4)).";
        }
        return "The denial does not rest on a reviewable ground: only a 164.524(a)(3) ground, or a 171.201"
                + " individualized determination by a licensed health care professional (171.201(c)(1)), can be"
                + " reviewed (164.524(a)(4); 171.201(e)).";
    }

    private DecisionGuidance.Reviewer reviewer(Assessment assessment, DecisionRecord decision, AssessmentReview review) {
        String whyNot;
        if (!decision.reviewable()) {
            whyNot = "This decision is not a reviewable denial.";
        } else if (!assessment.signed()) {
            whyNot = "The decision is not signed yet.";
        } else if (review == null) {
            whyNot = "The individual has not asked for a review yet.";
        } else if (review.decided()) {
            whyNot = "The review was already decided by " + review.reviewer + " (" + review.outcome + ").";
        } else if (identity.getRoles().stream().noneMatch(role -> Permissions.allows(role, Permissions.DECIDE_REVIEW))) {
            whyNot = "Only a licensed clinician reviews a denial; you are not signed in as a clinician.";
        } else if (ReviewService.participants(assessment).contains(clinic.actor())) {
            whyNot = "You took part in this decision (you made, changed, signed it or made the determination), so"
                    + " another clinician reviews it.";
        } else {
            whyNot = null;
        }
        return new DecisionGuidance.Reviewer(WHO_MAY_REVIEW, whyNot == null, whyNot);
    }

    private static Boolean bool(DecisionRecord decision, String fact) {
        return decision.fact(fact).isBoolean() ? decision.fact(fact).asBoolean() : null;
    }
}
