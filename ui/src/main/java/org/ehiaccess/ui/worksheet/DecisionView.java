package org.ehiaccess.ui.worksheet;

import java.util.List;

import org.ehiaccess.ui.client.decision.DecisionAssessment;
import org.ehiaccess.ui.client.decision.DecisionGuidance;
import org.ehiaccess.ui.client.decision.LetterKind;
import org.ehiaccess.ui.client.decision.LetterRecord;
import org.ehiaccess.ui.client.intake.Manner;
import org.ehiaccess.ui.client.intake.RequestClock;
import org.ehiaccess.ui.client.intake.RequestRecord;

/**
 * Everything the decision page shows of one version: the summary (facts, verdict), the versions, the letters, what
 * this person may do next (sign, change, request or record the review, the request's status, a letter) and what was
 * typed into a refused form.
 */
public record DecisionView(RequestRecord request, DecisionAssessment assessment, List<DecisionAssessment> versions,
        VerdictPanel panel, List<FactGroup> facts, List<LetterRecord> letters, String lettersProblem,
        boolean canSign, boolean canChange, boolean canRequestReview, boolean canReview, boolean reviewable,
        String reviewNote, RequestClock reviewClock, List<StatusChoice> statusChoices, List<Manner> manners,
        String suggestedLetter, List<DecisionGuidance.LetterChoice> letterKinds,
        List<LetterKind.SendChannel> channels, String idempotencyKey, String done, List<String> problems,
        boolean conflict, String failed, LetterForm letterForm, boolean latest, String today, String signerRole,
        boolean canAct, List<VersionLine> versionLines, String intakeUpdate, DecisionGuidance guidance,
        ReviewForm reviewForm) {

    /** A group of answered facts for the summary. */
    public record FactGroup(String title, List<WorksheetView.AnswerLine> lines) {
    }

    /** A status the request can move to after the decision. */
    public record StatusChoice(String wire, String label, boolean suggested) {
    }

    /** One version in the list of versions. */
    public record VersionLine(int version, String href, String verdict, String signedBy, boolean current) {
    }

    /** What was typed into the letter form. */
    public record LetterForm(String kind, String recipientName, String recipientAddress) {
    }

    /** What was typed into the review form, kept on any refusal. */
    public record ReviewForm(String outcome, String reasons) {

        static final ReviewForm EMPTY = new ReviewForm(null, null);
    }


    public String base() {
        return "/requests/" + request.id() + "/decisions/" + assessment.id();
    }

    public boolean hasProblems() {
        return !problems.isEmpty() || conflict;
    }

    public boolean failed(String form) {
        return form.equals(failed);
    }
}
