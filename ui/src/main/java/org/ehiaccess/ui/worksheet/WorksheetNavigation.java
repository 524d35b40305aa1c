package org.ehiaccess.ui.worksheet;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.ui.client.decision.DecisionCatalog;
import org.ehiaccess.ui.client.decision.DecisionClient;
import org.ehiaccess.ui.client.decision.DecisionVerdict;
import org.ehiaccess.ui.client.intake.RequestRecord;
import org.ehiaccess.ui.web.Htmx;

/**
 * Where the worksheet goes after an answer: the same step while it asks new questions, else the next step not done;
 * a plain browser follows a 303 there, htmx swaps the next step in and pushes its address.
 */
@RequestScoped
public class WorksheetNavigation {

    @Inject
    DecisionClient decision;

    @Inject
    WorksheetViews views;

    /** The next step: the same one if answers given there opened new questions, else the next one not done. */
    String nextAfter(RequestRecord request, WorksheetViews.State state, Draft draft, String stepId, Set<String> asked) {
        DecisionCatalog catalog = decision.catalog();
        DecisionVerdict verdict = null;
        if (draft.hasType()) {
            try {
                verdict = decision.evaluate(draft.body());
            } catch (RuntimeException e) {
                // the plan falls back on the claimed exception's conditions; the page will say what went wrong
            }
        }
        WorksheetPlan plan = WorksheetPlan.of(catalog, draft, verdict, views.questions(draft), Map.of(), false);
        Optional<WorksheetPlan.Step> same = plan.step(stepId);
        if (same.isPresent() && same.get().questions().stream().anyMatch(q -> !asked.contains(q.fact()) && !q.answered())) {
            return stepId;
        }
        if (WorksheetPlan.REQUEST.equals(stepId)) {
            return plan.current(null).id();
        }
        return plan.after(stepId).id();
    }

    /** After an answer kept as it is given, or to start a new version: htmx or a plain browser loads the step. */
    Response toStep(HttpHeaders headers, RequestRecord request, String stepId) {
        return Htmx.redirect(headers, URI.create(href(request, stepId)));
    }

    /** After "Continue": a browser follows a 303; htmx gets the next step in place and the address is pushed. */
    Response toStep(HttpHeaders headers, RequestRecord request, String stepId, WorksheetViews.State state, Draft draft) {
        String href = href(request, stepId);
        if (Htmx.wantsFragment(headers)) {
            WorksheetView view = views.view(request, state, draft, stepId, Map.of(), List.of(), false, null, null).focused();
            return Response.ok(WorksheetPages.Templates.worksheet$main(view)).header("HX-Push-Url", href).build();
        }
        return Response.seeOther(URI.create(href)).build();
    }

    static String href(RequestRecord request, String stepId) {
        return "/requests/" + request.id() + "/worksheet" + (stepId == null ? "" : "?step=" + stepId);
    }
}
