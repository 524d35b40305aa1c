package org.ehiaccess.decision.guidance;

import java.util.Optional;

import org.ehiaccess.decision.assessment.DecisionRecord;
import org.ehiaccess.decision.letter.LetterKind;
import org.ehiaccess.decision.review.AssessmentReview;

/**
 * Which letter fits a signed decision: the one rule the letter service enforces and the guidance lists. A denial
 * (164.524(d)(2)) needs a decision that supports withholding; a decision no exception covers, or one that needs more
 * facts, gets no denial. A review that reversed the denial leaves nothing to deny. The written notice of a review's
 * outcome (164.524(d)(4)) follows a decided review.
 */
public final class LetterFit {

    private LetterFit() {
    }

    /** Why {@code kind} does not fit the signed decision, or empty when it fits. */
    public static Optional<String> whyNot(LetterKind kind, DecisionRecord decision, AssessmentReview review) {
        String verdict = decision.verdict();
        return switch (kind) {
            case denial, partial_fulfilment -> {
                if ("not_covered".equals(verdict)) {
                    yield Optional.of("The signed decision says no exception covers this practice, so it cannot be the"
                            + " basis of a denial: fulfill the request, or record the facts that support a basis in a"
                            + " new version.");
                }
                if (!DecisionRecord.DECIDED_FOR_DENIAL.contains(verdict)) {
                    yield Optional.of("The signed decision needs more facts (" + verdict + "). A denial must state its"
                            + " basis (164.524(d)(2)(i)): complete the facts in a new version first.");
                }
                if (!DecisionRecord.DENYING_PRACTICES.contains(decision.practiceType())) {
                    yield Optional.of("The decision's practice is " + decision.practiceType()
                            + ", which withholds nothing; a denial letter does not fit it.");
                }
                if (review != null && "reversed".equals(review.outcome)) {
                    yield Optional.of("The review reversed this denial: the information is to be provided, and the"
                            + " individual gets the written notice of the review's outcome (164.524(d)(4)).");
                }
                yield Optional.empty();
            }
            case infeasibility -> decision.reliesOnInfeasibility() ? Optional.empty()
                    : Optional.of("The signed decision does not rely on 171.204 (Infeasibility); an infeasibility"
                            + " notice does not fit it.");
            case review_outcome -> review != null && review.decided() ? Optional.empty()
                    : Optional.of("No review of this decision has been decided; the written notice of a review's"
                            + " outcome (164.524(d)(4)) follows the reviewer's decision.");
            // an extension (164.524(b)(2)(ii)) or a no-records notice (164.524(d)(3)) can follow any signed decision
            case extension, no_records -> Optional.empty();
        };
    }
}
