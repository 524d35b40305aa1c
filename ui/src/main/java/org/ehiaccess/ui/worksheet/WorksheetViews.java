package org.ehiaccess.ui.worksheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.ehiaccess.ui.client.decision.DecisionAssessment;
import org.ehiaccess.ui.client.decision.DecisionCatalog;
import org.ehiaccess.ui.client.decision.DecisionQuestions;
import org.ehiaccess.ui.client.decision.DecisionClient;
import org.ehiaccess.ui.client.decision.DecisionRefusedException;
import org.ehiaccess.ui.client.decision.DecisionUnavailableException;
import org.ehiaccess.ui.client.decision.DecisionVerdict;
import org.ehiaccess.ui.client.decision.DenialReasonMatrix;
import org.ehiaccess.ui.client.intake.RequestRecord;
import org.ehiaccess.ui.web.ClinicTime;
import org.ehiaccess.ui.security.SignedInUser;
import org.jboss.logging.Logger;

import org.ehiaccess.ui.worksheet.WorksheetView.AnswerLine;
import org.ehiaccess.ui.worksheet.WorksheetView.FactLine;
import org.ehiaccess.ui.worksheet.WorksheetView.ReviewGroup;
import org.ehiaccess.ui.worksheet.WorksheetView.StepLink;

/**
 * What the worksheet page shows, read from the services: the versions of the request's analysis (the draft being
 * worked or the signed latest), the draft with the request's facts filled in, and the whole view of one step (the
 * verdict beside it, the steps list, the Denial Reason Matrix's rows, the last look before deciding).
 */
@RequestScoped
public class WorksheetViews {

    private static final Logger LOG = Logger.getLogger(WorksheetViews.class);

    @Inject
    DecisionClient decision;

    @Inject
    ClinicTime time;

    @Inject
    SignedInUser user;

    /** The versions of a request's analysis: the draft being worked (unsigned latest), or the signed latest. */
    record State(List<DecisionAssessment> versions, DecisionAssessment draft, DecisionAssessment signed) {
    }

    State state(UUID requestId) {
        List<DecisionAssessment> versions = new ArrayList<>(decision.assessments(requestId));
        versions.sort(Comparator.comparingInt(DecisionAssessment::version));
        if (versions.isEmpty()) {
            return new State(List.of(), null, null);
        }
        DecisionAssessment latest = versions.get(versions.size() - 1);
        if (latest.signed()) {
            return new State(List.copyOf(versions), null, latest);
        }
        // the list has no ETags: read the draft itself
        DecisionAssessment draft = decision.assessment(requestId, latest.id()).orElse(latest);
        return new State(List.copyOf(versions), draft, null);
    }

    Draft draftOf(State state, RequestRecord request) {
        Draft draft = Draft.of(state.draft() != null ? state.draft() : state.signed());
        draft.prefill(request, time.zone());
        return draft;
    }

    List<DenialReasonMatrix.Row> matrixRows() {
        try {
            return decision.denialReasons().map(DenialReasonMatrix::rows).orElse(List.of());
        } catch (RuntimeException e) {
            // the matrix is a starting point; the worksheet works without it
            LOG.debugf("The Denial Reason Matrix could not be read: %s", e.toString());
            return List.of();
        }
    }

    private List<DenialReasonMatrix.Row> suggestions(Draft draft) {
        try {
            return decision.suggestions(draft.type(), draft.basis(), draft.motives());
        } catch (RuntimeException e) {
            LOG.debugf("Matrix suggestions could not be read: %s", e.toString());
            return List.of();
        }
    }

    WorksheetView view(RequestRecord request, State state, Draft draft, String stepId, Map<String, String> errors,
            List<String> problems, boolean conflict, StepForm form, String savedNote) {
        DecisionCatalog catalog = decision.catalog();
        DecisionVerdict verdict = null;
        VerdictPanel panel;
        Map<String, String> allErrors = new LinkedHashMap<>(errors);
        List<String> allProblems = new ArrayList<>(problems);
        if (!draft.hasType()) {
            panel = VerdictPanel.message("The verdict appears here once the worksheet knows what the clinic will do "
                    + "with the request.");
        } else {
            try {
                verdict = decision.evaluate(draft.body());
                panel = VerdictPanel.of(verdict, catalog, draft, questions(draft));
            } catch (DecisionRefusedException refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                Answers.fromProblem(refused.problem()).forEach(allErrors::putIfAbsent);
                panel = VerdictPanel.message("These answers cannot be evaluated yet: "
                        + String.join(" ", refused.problem().errors().stream().map(e -> e.field() + " " + e.message()).toList()));
            } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
                LOG.warnf("Evaluating a worksheet failed: %s", unavailable.toString());
                panel = VerdictPanel.message("The verdict cannot be shown right now: the decision service did not answer. "
                        + "Your answers are kept; the verdict follows when it answers again.");
            }
        }
        boolean showPractice = WorksheetPlan.PARTIAL.equals(stepId) || WorksheetPlan.PRACTICE.equals(stepId);
        WorksheetPlan plan = WorksheetPlan.of(catalog, draft, verdict, questions(draft), allErrors, showPractice);
        // the privacy officer starts a worksheet (or a signed one's new version); a clinician answers a started one
        boolean canEdit = user.can("assessment:create") || (user.can("assessment:update") && state.draft() != null);
        boolean readOnly = !canEdit || (state.draft() == null && state.signed() != null);
        // a reader, or a signed (locked) latest version: the answers, not the forms
        WorksheetPlan.Step step = readOnly ? plan.last() : plan.current(stepId);
        List<StepLink> nav = nav(request, plan, step);
        String previous = null;
        for (int i = 1; i < plan.steps().size(); i++) {
            if (plan.steps().get(i).id().equals(step.id())) {
                previous = WorksheetNavigation.href(request, plan.steps().get(i - 1).id());
            }
        }
        String fulfil = !draft.hasType() ? (WorksheetPlan.PARTIAL.equals(stepId) || WorksheetPlan.PRACTICE.equals(stepId) ? "no" : null)
                : "fulfill_as_requested".equals(draft.type()) ? "yes" : "no";
        String partial = !draft.hasType() || "fulfill_as_requested".equals(draft.type())
                ? (WorksheetPlan.PRACTICE.equals(stepId) ? "no" : null)
                : switch (draft.type()) {
                    case "alternative_manner" -> "another_manner";
                    case "limit_scope" -> "part";
                    default -> "no";
                };
        if (errors.containsKey("fulfil")) {
            allProblems.add(errors.get("fulfil"));
        }
        if (errors.containsKey("partial")) {
            allProblems.add(errors.get("partial"));
        }
        List<DenialReasonMatrix.Row> matrix = WorksheetPlan.PRACTICE.equals(step.id()) ? matrixRows() : List.of();
        List<DenialReasonMatrix.Row> suggestions = WorksheetPlan.PRACTICE.equals(step.id()) && draft.hasType()
                ? suggestions(draft) : List.of();
        List<ReviewGroup> review = WorksheetPlan.REVIEW.equals(step.id()) ? review(request, plan, draft) : List.of();
        String key = form != null && form.idempotencyKey != null && !form.idempotencyKey.isBlank() ? form.idempotencyKey
                : UUID.randomUUID().toString();
        return new WorksheetView(request, state.draft(), state.signed(), state.versions().size(), step, nav, panel,
                canEdit, key, List.copyOf(allProblems), conflict, fulfil, partial, matrix, suggestions, review,
                requestFacts(draft), previous, savedNote, false);
    }

    private List<StepLink> nav(RequestRecord request, WorksheetPlan plan, WorksheetPlan.Step current) {
        List<StepLink> links = new ArrayList<>();
        boolean reachedOpen = false;
        for (WorksheetPlan.Step s : plan.steps()) {
            boolean isCurrent = s.id().equals(current.id());
            // steps appear one at a time: those done, the current one, and the first one still open
            if (reachedOpen && !s.done() && !isCurrent) {
                continue;
            }
            links.add(new StepLink(s.id(), s.number(), shortTitle(s), WorksheetNavigation.href(request, s.id()), isCurrent, s.done()));
            if (!s.done() && !WorksheetPlan.REVIEW.equals(s.id())) {
                reachedOpen = true;
            }
        }
        return List.copyOf(links);
    }

    /** Branch selectors' steps in the steps list: their questions are too long for it. */
    static final Map<String, String> SELECTOR_TITLES = Map.of(
            "infeasibility.condition", "Which infeasibility condition",
            "privacy.subexception", "Which privacy sub-exception",
            "security.path", "Policy or case determination",
            "performance.reason", "Why it is unavailable",
            "harm.determination_basis", "Policy or case determination");

    /** The words of a step in the steps list. */
    static String shortTitle(WorksheetPlan.Step s) {
        return switch (s.id()) {
            case WorksheetPlan.FULFIL -> "Fulfil as asked?";
            case WorksheetPlan.PARTIAL -> "Partly, or another way?";
            case WorksheetPlan.PRACTICE -> "What and why";
            case WorksheetPlan.HIPAA -> "HIPAA right of access";
            case WorksheetPlan.REVIEW -> "Check and decide";
            default -> s.id().startsWith("s-") ? SELECTOR_TITLES.getOrDefault(s.id().substring(2), "Which applies")
                    : s.title();
        };
    }

    private List<ReviewGroup> review(RequestRecord request, WorksheetPlan plan, Draft draft) {
        List<ReviewGroup> groups = new ArrayList<>();
        for (WorksheetPlan.Step s : plan.steps()) {
            List<AnswerLine> answers = new ArrayList<>();
            switch (s.id()) {
                case WorksheetPlan.FULFIL -> answers.add(new AnswerLine("Can the clinic fulfil the request as asked?",
                        !draft.hasType() ? "Not answered yet" : "fulfill_as_requested".equals(draft.type()) ? "Yes" : "No",
                        "171.301(a)"));
                case WorksheetPlan.PARTIAL -> answers.add(new AnswerLine("Partly, or in another manner?",
                        !draft.hasType() ? "Not answered yet" : switch (draft.type()) {
                            case "alternative_manner" -> "Yes: all of it, in another manner";
                            case "limit_scope" -> "Partly: some information is withheld";
                            default -> "No";
                        }, "171.301(b)"));
                case WorksheetPlan.REVIEW -> {
                    continue;
                }
                default -> s.questions().forEach(q -> answers.add(new AnswerLine(q.text(), q.answerText(), q.cfr())));
            }
            groups.add(new ReviewGroup(s.id(), s.number(), s.title(), WorksheetNavigation.href(request, s.id()), List.copyOf(answers)));
        }
        return List.copyOf(groups);
    }

    private List<FactLine> requestFacts(Draft draft) {
        List<FactLine> lines = new ArrayList<>();
        add(lines, "Who is asking", draft, "request.requester_type");
        add(lines, "Received", draft, "request.received_date");
        add(lines, "Information requested", draft, "request.ehi_classes");
        add(lines, "How they want it", draft, "request.manner_requested");
        add(lines, "Purpose", draft, "request.purpose");
        if (draft.has(Draft.AS_OF)) {
            add(lines, "Date of this analysis", draft, Draft.AS_OF);
        }
        return List.copyOf(lines);
    }

    private void add(List<FactLine> lines, String label, Draft draft, String fact) {
        Object value = draft.get(fact);
        String text;
        if (value == null) {
            text = "Not recorded";
        } else if (fact.endsWith("_date")) {
            try {
                text = time.date(java.time.LocalDate.parse(value.toString()));
            } catch (java.time.format.DateTimeParseException e) {
                text = value.toString();
            }
        } else {
            text = WorksheetPlan.answerText(fact, value instanceof List<?> ? "enum[]" : "enum", value);
        }
        lines.add(new FactLine(label, text));
    }

    /**
     * Which questions to ask for the answers so far: decision-service reads the catalog's asks_when. When it cannot
     * answer, nothing is hidden (the page says the service did not answer through the verdict panel).
     */
    DecisionQuestions questions(Draft draft) {
        try {
            return decision.questions(draft.answers());
        } catch (DecisionRefusedException | DecisionUnavailableException | FaultToleranceException e) {
            LOG.warnf("Asking which questions apply failed: %s", e.toString());
            return DecisionQuestions.UNKNOWN;
        }
    }
}
