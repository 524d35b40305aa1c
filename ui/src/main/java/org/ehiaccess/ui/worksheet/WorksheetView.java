package org.ehiaccess.ui.worksheet;

import java.util.List;

import org.ehiaccess.ui.client.decision.DecisionAssessment;
import org.ehiaccess.ui.client.decision.DenialReasonMatrix;
import org.ehiaccess.ui.client.intake.RequestRecord;

/**
 * Everything the worksheet page shows: the request, the draft (or the signed latest version), the step, the steps
 * list, the verdict panel, and what went wrong with the last answer.
 */
public record WorksheetView(RequestRecord request, DecisionAssessment draft, DecisionAssessment signed,
        int versions, WorksheetPlan.Step step, List<StepLink> nav, VerdictPanel panel, boolean canEdit,
        String idempotencyKey, List<String> problems, boolean conflict, String fulfilAnswer, String partialAnswer,
        List<DenialReasonMatrix.Row> matrix, List<DenialReasonMatrix.Row> suggestions, List<ReviewGroup> review,
        List<FactLine> requestFacts, String previousHref, String savedNote, boolean focusStep) {

    /** One entry of the steps list: done, the current one, or still to come. */
    public record StepLink(String id, String number, String title, String href, boolean current, boolean done) {
    }

    /** A question and its answer, for the last look and the summary. */
    public record AnswerLine(String question, String answer, String cfr) {
    }

    /** The answers of one step, with the link that reopens it. */
    public record ReviewGroup(String id, String number, String title, String href, List<AnswerLine> answers) {
    }

    /** A fact of the request (from the request log) as the worksheet uses it. */
    public record FactLine(String label, String value) {
    }


    /** The same view, with the step's heading taking focus once swapped in (keyboard and screen reader users). */
    WorksheetView focused() {
        return new WorksheetView(request, draft, signed, versions, step, nav, panel, canEdit, idempotencyKey,
                problems, conflict, fulfilAnswer, partialAnswer, matrix, suggestions, review, requestFacts,
                previousHref, savedNote, true);
    }

    public String base() {
        return "/requests/" + request.id() + "/worksheet";
    }

    public boolean hasProblems() {
        return !problems.isEmpty() || conflict;
    }

    public boolean readOnly() {
        return !canEdit || (draft == null && signed != null);
    }

    public String etag() {
        return draft == null || draft.etag() == null ? "" : draft.etag();
    }

    public String assessmentId() {
        return draft == null ? "" : draft.id().toString();
    }
}
