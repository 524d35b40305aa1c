package org.ehiaccess.decision.assessment;

import java.util.List;
import java.util.Locale;

import org.ehiaccess.decision.engine.Verdict;
import org.ehiaccess.decision.review.AssessmentReview;
import org.ehiaccess.decision.rules.Candidate;
import org.ehiaccess.decision.rules.RuleCatalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The timeline notes a decision leaves in intake-service. They say what was decided and under which rules; they never
 * repeat the facts of the case (the decision record holds those).
 */
public final class DecisionNotes {

    private DecisionNotes() {
    }

    /** "Decision version 2 signed by sunrise-privacy: covered by an exception (171.204), ruleset CURRENT_2024_12." */
    public static String signed(DecisionRecord decision, RuleCatalog catalog) {
        Assessment a = decision.assessment();
        List<String> exceptions = decision.exceptionIds();
        String cited;
        if (!exceptions.isEmpty()) {
            cited = " (" + String.join(", ", exceptions) + ")";
        } else {
            Candidate claimed = catalog.ruleset(a.ruleset).orElse(catalog.current()).claimedBasis()
                    .get(decision.claimedBasis());
            cited = claimed == null ? "" : " (claimed: " + claimed.exceptionId() + ")";
        }
        String note = "Decision version " + a.versionNumber + " signed by " + a.signedBy + ": " + verdictWords(a.verdict)
                + cited + ", ruleset " + a.ruleset + ".";
        JsonNode notice = decision.obligation("infeasibility_written_notice");
        int days = catalog.ruleset(a.ruleset).orElse(catalog.current()).deadline("infeasibility_written_notice")
                .businessDays();
        String status = notice.path("status").asText("");
        String due = notice.path("due_date").asText("");
        if ("pending".equals(status)) {
            note += " The written reasons are due " + (due.isEmpty() ? "within " + days + " business days of receipt" : "by " + due)
                    + " (171.204(b)).";
        } else if ("missed".equals(status)) {
            note += " The written reasons were not sent within " + days + " business days of receipt (171.204(b)).";
        }
        return note;
    }

    public static String reviewRequested(AssessmentReview review) {
        return "Review of the denial (decision version " + review.assessmentVersion + ") requested on "
                + review.requestedOn + (review.requestChannel == null ? "" : " by " + review.requestChannel.replace('_', ' '))
                + ". A licensed health care professional who took no part in the decision must review it"
                + " (164.524(a)(4), (d)(4)).";
    }

    public static String reviewDecided(AssessmentReview review) {
        String outcome = "reversed".equals(review.outcome)
                ? "reversed: give the access the reviewer decided on and tell the individual in writing (164.524(d)(4))"
                : "upheld: tell the individual the result in writing (164.524(d)(4))";
        return "Review of the denial (decision version " + review.assessmentVersion + ") decided by " + review.reviewer
                + ": " + outcome + ".";
    }

    static String verdictWords(String verdict) {
        try {
            return Verdict.valueOf(verdict.toUpperCase(Locale.ROOT)).wording();
        } catch (IllegalArgumentException e) {
            return verdict;
        }
    }
}
