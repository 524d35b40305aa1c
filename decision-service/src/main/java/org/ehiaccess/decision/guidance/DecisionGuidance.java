package org.ehiaccess.decision.guidance;

import java.util.List;

/**
 * What follows from one assessment version, decided here so that no other part re-decides it: whether it is a
 * reviewable denial and why, which letters fit it, the request status and letter it suggests, and who may review it.
 *
 * @param denies            the decision withholds something and its verdict supports that
 * @param reviewable        a reviewable denial (164.524(a)(3) ground, or a 171.201 individualized determination)
 * @param reviewBasis       the CFR reason it is, or is not, reviewable
 * @param reviewStatus      null, requested, upheld or reversed
 * @param reviewRequestable the individual's request for a review can be recorded now
 * @param letterKinds       the letters that fit, most fitting first; empty until signed
 * @param otherLetterKinds  the letters that do not fit, each with why
 * @param suggestedLetter   the letter to offer first, or null when none is needed
 * @param suggestedStatus   the request status the decision supports (intake-service's wire name)
 * @param statusReason      why that status
 * @param reviewer          who may decide the review, and whether the caller may
 */
public record DecisionGuidance(boolean signed, String verdict, boolean denies, boolean reviewable, String reviewBasis,
        String reviewStatus, boolean reviewRequestable, List<LetterChoice> letterKinds,
        List<LetterRefusal> otherLetterKinds, String suggestedLetter, String suggestedStatus, String statusReason,
        Reviewer reviewer) {

    /** A letter kind that fits, with its label and the paragraph that requires it. */
    public record LetterChoice(String kind, String label, String cfr) {
    }

    /** A letter kind that does not fit, and why. */
    public record LetterRefusal(String kind, String label, String reason) {
    }

    /**
     * Who may decide the review (164.524(a)(4)): {@code whoMayReview} in words; {@code eligible} whether the caller
     * may now; {@code whyNot} why not, in words, when they may not.
     */
    public record Reviewer(String whoMayReview, boolean eligible, String whyNot) {
    }
}
