package org.ehiaccess.ui.client.decision;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What follows from one decision version, as decision-service decides it ({@code GET .../assessments/{id}/guidance}):
 * whether it is a reviewable denial and why, the letters that fit it (and why the others do not), the request status
 * and letter it suggests, and who may review it. This UI shows these answers; it does not re-decide them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionGuidance(boolean signed, String verdict, boolean denies, boolean reviewable, String reviewBasis,
        String reviewStatus, boolean reviewRequestable, List<LetterChoice> letterKinds,
        List<LetterRefusal> otherLetterKinds, String suggestedLetter, String suggestedStatus, String statusReason,
        Reviewer reviewer) {

    public DecisionGuidance {
        letterKinds = letterKinds == null ? List.of() : List.copyOf(letterKinds);
        otherLetterKinds = otherLetterKinds == null ? List.of() : List.copyOf(otherLetterKinds);
        reviewer = reviewer == null ? new Reviewer(null, false, null) : reviewer;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LetterChoice(String kind, String label, String cfr) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LetterRefusal(String kind, String label, String reason) {
    }

    /** Who may decide the review; whether the signed-in person may, and why not. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reviewer(String whoMayReview, boolean eligible, String whyNot) {
    }

    public boolean fits(String kind) {
        return letterKinds.stream().anyMatch(k -> k.kind().equals(kind));
    }
}
