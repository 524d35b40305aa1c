package org.ehiaccess.ui.worksheet;

import static org.ehiaccess.ui.security.StaffRole.CLINICIAN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.CLINIC_ADMIN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.COMPLIANCE_LEAD_ROLE;
import static org.ehiaccess.ui.security.StaffRole.FRONT_DESK_ROLE;
import static org.ehiaccess.ui.security.StaffRole.PRIVACY_OFFICER_ROLE;
import static org.ehiaccess.ui.security.StaffRole.SUPERVISOR_ROLE;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.ehiaccess.ui.client.decision.DecisionAssessment;
import org.ehiaccess.ui.client.decision.DecisionCatalog;
import org.ehiaccess.ui.client.decision.DecisionQuestions;
import org.ehiaccess.ui.client.decision.DecisionClient;
import org.ehiaccess.ui.client.decision.DecisionRefusedException;
import org.ehiaccess.ui.client.decision.DecisionUnavailableException;
import org.ehiaccess.ui.client.decision.DecisionVerdict;
import org.ehiaccess.ui.client.decision.DenialReasonMatrix;
import org.ehiaccess.ui.client.intake.IntakeClient;
import org.ehiaccess.ui.client.intake.RequestRecord;
import org.ehiaccess.ui.web.ClinicTime;
import org.ehiaccess.ui.web.Htmx;
import org.ehiaccess.ui.security.SignedInUser;
import org.ehiaccess.ui.security.StaffRole;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The Request Resolution Worksheet of one request: one step at a time, the verdict beside it. Every answer is saved
 * at once as the request's unsigned assessment (POST the first time, then PUT with If-Match), so a reload or a
 * closed tab loses nothing and nothing of it stays in the browser. Every step is a plain form (POST, then 303 to the
 * next step); with htmx, an answer updates the verdict as it is given, and "Continue" swaps in the next step.
 */
@Path("/requests/{id}/worksheet")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, COMPLIANCE_LEAD_ROLE,
        CLINIC_ADMIN_ROLE })
public class WorksheetPages {

    private static final Logger LOG = Logger.getLogger(WorksheetPages.class);

    static final int UNPROCESSABLE = 422;

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

    /**
     * Everything the worksheet page shows: the request, the draft (or the signed latest version), the step, the steps
     * list, the verdict panel, and what went wrong with the last answer.
     */
    public record WorksheetView(RequestRecord request, DecisionAssessment draft, DecisionAssessment signed,
            int versions, WorksheetPlan.Step step, List<StepLink> nav, VerdictPanel panel, boolean canEdit,
            String idempotencyKey, List<String> problems, boolean conflict, String fulfilAnswer, String partialAnswer,
            List<DenialReasonMatrix.Row> matrix, List<DenialReasonMatrix.Row> suggestions, List<ReviewGroup> review,
            List<FactLine> requestFacts, String previousHref, String savedNote, boolean focusStep) {

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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance worksheet(WorksheetView view);

        static native TemplateInstance worksheet$main(WorksheetView view);

        static native TemplateInstance worksheet$autosaved(WorksheetView view);

        static native TemplateInstance notFound();
    }

    @Inject
    IntakeClient intake;

    @Inject
    DecisionClient decision;

    @Inject
    ClinicTime time;

    @Inject
    SignedInUser user;

    @Context
    HttpHeaders headers;

    /** The versions of a request's analysis: the draft being worked (unsigned latest), or the signed latest. */
    record State(List<DecisionAssessment> versions, DecisionAssessment draft, DecisionAssessment signed) {
    }

    @GET
    public Response worksheet(@PathParam("id") String id, @QueryParam("step") String step) {
        Optional<RequestRecord> request = parse(id).flatMap(intake::request);
        if (request.isEmpty()) {
            return notFound();
        }
        State state = state(request.get().id());
        Draft draft = draftOf(state, request.get());
        TemplateInstance page = render(request.get(), state, draft, step, Map.of(), List.of(), false, null);
        return Response.ok(page).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, CLINICIAN_ROLE, SUPERVISOR_ROLE })
    public Response save(@PathParam("id") String id, @BeanParam StepForm form) {
        Optional<RequestRecord> found = parse(id).flatMap(intake::request);
        if (found.isEmpty()) {
            return notFound();
        }
        RequestRecord request = found.get();
        State state = state(request.id());
        DecisionCatalog catalog = decision.catalog();
        String stepId = form.step == null ? WorksheetPlan.FULFIL : form.step;

        // the draft the form was made on must still be the one being worked
        if (state.draft() == null && state.signed() != null) {
            return again(request, state, draftOf(state, request), stepId, Map.of(),
                    List.of("Version " + state.signed().version() + " was signed meanwhile and is locked. "
                            + "Open the decision to change it: a change makes a new version."),
                    true, Response.Status.CONFLICT.getStatusCode(), form);
        }
        UUID formDraft = form.assessment();
        boolean sameDraft = formDraft == null ? state.draft() == null
                : state.draft() != null && state.draft().id().equals(formDraft);
        Draft draft = draftOf(state, request);
        if (!sameDraft) {
            return again(request, state, draft, stepId, Map.of(), List.of(), true,
                    Response.Status.CONFLICT.getStatusCode(), form);
        }

        Map<String, String> errors = new LinkedHashMap<>();
        String nextStep = null;
        Set<String> asked = new HashSet<>();
        switch (stepId) {
            case WorksheetPlan.FULFIL -> {
                if ("yes".equals(form.fulfil)) {
                    draft.setType("fulfill_as_requested");
                    draft.setBasis("none");
                    draft.setMotives(List.of());
                } else if ("no".equals(form.fulfil)) {
                    nextStep = WorksheetPlan.PARTIAL;
                } else {
                    errors.put("fulfil", "Choose Yes or No.");
                }
            }
            case WorksheetPlan.PARTIAL -> {
                if ("another_manner".equals(form.partial)) {
                    draft.setType("alternative_manner");
                    if (draft.basis() == null || "none".equals(draft.basis())) {
                        draft.setBasis("manner");
                    }
                    nextStep = WorksheetPlan.PRACTICE;
                } else if ("part".equals(form.partial)) {
                    draft.setType("limit_scope");
                    // what is withheld needs its basis: step (3)
                    nextStep = WorksheetPlan.PRACTICE;
                } else if ("no".equals(form.partial)) {
                    nextStep = WorksheetPlan.PRACTICE;
                    if ("fulfill_as_requested".equals(draft.type())) {
                        draft.setType(null);
                    }
                } else {
                    errors.put("partial", "Choose one of the three answers.");
                }
            }
            default -> {
                FormValues values = FormValues.current();
                asked.addAll(values.all("asked"));
                errors.putAll(Answers.apply(values, catalog, draft));
                if (WorksheetPlan.PRACTICE.equals(stepId) && !draft.hasType() && form.continues()) {
                    errors.put(Draft.TYPE, "Choose what the clinic will do.");
                }
            }
        }
        if (!errors.isEmpty()) {
            return again(request, state, draft, stepId, errors, List.of(), false, UNPROCESSABLE, form);
        }
        if (!draft.hasType() && !WorksheetPlan.FULFIL.equals(stepId) && !WorksheetPlan.PARTIAL.equals(stepId)
                && !WorksheetPlan.PRACTICE.equals(stepId)) {
            // nothing can be kept before the worksheet knows what the clinic does
            return again(request, state, draft, stepId, Map.of(),
                    List.of("Answer step 1 first: these answers are kept with the worksheet once it knows what the"
                            + " clinic will do with the request."), false, UNPROCESSABLE, form);
        }

        DecisionAssessment saved = state.draft();
        if (draft.hasType()) {
            try {
                saved = state.draft() == null
                        ? decision.createAssessment(request.id(), form.key(), draft.body())
                        : decision.updateAssessment(request.id(), state.draft().id(), form.etag, draft.body());
            } catch (DecisionRefusedException refused) {
                switch (refused.status()) {
                    case 400 -> {
                        return again(request, state, draft, stepId, Answers.fromProblem(refused.problem()),
                                refused.problem().errors().isEmpty() && refused.problem().detail() != null
                                        ? List.of(refused.problem().detail()) : List.of(),
                                false, UNPROCESSABLE, form);
                    }
                    case 409, 412, 428 -> {
                        return again(request, state, draft, stepId, Map.of(), conflictDetail(refused),
                                refused.problem().isOutOfDate(),
                                Response.Status.CONFLICT.getStatusCode(), form);
                    }
                    case 422 -> {
                        form.idempotencyKey = null;
                        return again(request, state, draft, stepId, Map.of(),
                                List.of("This page was already used to start the worksheet with other answers. "
                                        + "Reload it to see the answers saved."),
                                true, Response.Status.CONFLICT.getStatusCode(), form);
                    }
                    default -> throw refused;
                }
            } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
                LOG.warnf("Saving a worksheet failed: %s", unavailable.toString());
                return again(request, state, draft, stepId, Map.of(),
                        List.of("We could not reach the decision service, so this answer may not have been saved. "
                                + "Check the answers below, then send them again."),
                        false, Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), form);
            }
        }
        State after = new State(state.versions(), saved, null);

        if (!form.continues()) {
            // an answer as it is given: the verdict and the draft's keys follow; the step stays as the person has it
            if (Htmx.isHtmx(headers)) {
                WorksheetView view = view(request, after, draft, stepId, Map.of(), List.of(), false, null,
                        "Saved " + time.time(time.now()) + ".");
                return Response.ok(Templates.worksheet$autosaved(view)).header(Htmx.RESWAP, "none").build();
            }
            return toStep(request, stepId);
        }
        String next = nextStep != null ? nextStep : nextAfter(request, after, draft, stepId, asked);
        return toStep(request, next, after, draft);
    }

    /** The Denial Reason Matrix's row as a starting point: its practice type and claimed basis. */
    @POST
    @Path("matrix")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, CLINICIAN_ROLE, SUPERVISOR_ROLE })
    public Response startFromMatrix(@PathParam("id") String id, @BeanParam StepForm form) {
        Optional<RequestRecord> found = parse(id).flatMap(intake::request);
        if (found.isEmpty()) {
            return notFound();
        }
        RequestRecord request = found.get();
        State state = state(request.id());
        Draft draft = draftOf(state, request);
        Optional<DenialReasonMatrix.Row> row = matrixRows().stream()
                .filter(r -> r.key() != null && r.key().equals(form.row)).findFirst();
        if (row.isEmpty()) {
            return again(request, state, draft, WorksheetPlan.PRACTICE, Map.of(),
                    List.of("Choose one of the rows of the Denial Reason Matrix."), false, UNPROCESSABLE, form);
        }
        if (state.draft() == null && state.signed() != null) {
            return again(request, state, draft, WorksheetPlan.PRACTICE, Map.of(),
                    List.of("The latest version is signed. Open the decision to change it."), true,
                    Response.Status.CONFLICT.getStatusCode(), form);
        }
        DenialReasonMatrix.Row r = row.get();
        if (r.practiceType() != null && !r.practiceType().isBlank()) {
            draft.setType(r.practiceType());
        } else if (!draft.hasType()) {
            draft.setType("deny");
        }
        if (r.claimedBasis() != null && !r.claimedBasis().isBlank()) {
            draft.setBasis(r.claimedBasis());
        }
        DecisionAssessment saved;
        try {
            saved = state.draft() == null
                    ? decision.createAssessment(request.id(), form.key(), draft.body())
                    : decision.updateAssessment(request.id(), state.draft().id(), form.etag, draft.body());
        } catch (DecisionRefusedException refused) {
            if (refused.status() == 409 || refused.status() == 412 || refused.status() == 428) {
                return again(request, state, draft, WorksheetPlan.PRACTICE, Map.of(), conflictDetail(refused),
                        refused.problem().isOutOfDate(),
                        Response.Status.CONFLICT.getStatusCode(), form);
            }
            if (refused.status() == 400 || refused.status() == 422) {
                return again(request, state, draft, WorksheetPlan.PRACTICE, Answers.fromProblem(refused.problem()),
                        List.of("This row could not be used as it is: " + refused.problem().title()), false,
                        UNPROCESSABLE, form);
            }
            throw refused;
        }
        State after = new State(state.versions(), saved, null);
        String next = nextAfter(request, after, draft, WorksheetPlan.PRACTICE, Set.of());
        return toStep(request, next, after, draft);
    }

    /** A change to a signed decision: a new version with the same facts, worked in the worksheet. */
    @POST
    @Path("new-version")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, CLINICIAN_ROLE, SUPERVISOR_ROLE })
    public Response newVersion(@PathParam("id") String id, @RestForm String from, @RestForm String idempotencyKey) {
        Optional<RequestRecord> found = parse(id).flatMap(intake::request);
        if (found.isEmpty()) {
            return notFound();
        }
        RequestRecord request = found.get();
        State state = state(request.id());
        if (state.draft() != null) {
            // a new version is already being worked: continue it
            return toStep(request, null);
        }
        Optional<DecisionAssessment> source = parse(from).flatMap(a -> decision.assessment(request.id(), a))
                .or(() -> Optional.ofNullable(state.signed()));
        Draft draft = source.map(Draft::of).orElse(Draft.empty());
        draft.prefill(request, time.zone());
        // a new version is a new analysis: made today, unless the person says otherwise
        draft.set(Draft.AS_OF, null);
        if (!draft.hasType()) {
            return toStep(request, null);
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        decision.createAssessment(request.id(), key, draft.body());
        return toStep(request, WorksheetPlan.REVIEW);
    }

    // --- rendering ----------------------------------------------------------------------------------------

    private Response again(RequestRecord request, State state, Draft draft, String stepId, Map<String, String> errors,
            List<String> problems, boolean conflict, int status, StepForm form) {
        TemplateInstance page = render(request, state, draft, stepId, errors, problems, conflict, form);
        return Response.status(status).entity(page).build();
    }

    private TemplateInstance render(RequestRecord request, State state, Draft draft, String stepId,
            Map<String, String> errors, List<String> problems, boolean conflict, StepForm form) {
        WorksheetView view = view(request, state, draft, stepId, errors, problems, conflict, form, null);
        return Htmx.wantsFragment(headers) ? Templates.worksheet$main(view) : Templates.worksheet(view);
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
                previous = href(request, plan.steps().get(i - 1).id());
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
            links.add(new StepLink(s.id(), s.number(), shortTitle(s), href(request, s.id()), isCurrent, s.done()));
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
            groups.add(new ReviewGroup(s.id(), s.number(), s.title(), href(request, s.id()), List.copyOf(answers)));
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
    private DecisionQuestions questions(Draft draft) {
        try {
            return decision.questions(draft.answers());
        } catch (DecisionRefusedException | DecisionUnavailableException | FaultToleranceException e) {
            LOG.warnf("Asking which questions apply failed: %s", e.toString());
            return DecisionQuestions.UNKNOWN;
        }
    }

    // --- navigation -----------------------------------------------------------------------------------

    /** The next step: the same one if answers given there opened new questions, else the next one not done. */
    private String nextAfter(RequestRecord request, State state, Draft draft, String stepId, Set<String> asked) {
        DecisionCatalog catalog = decision.catalog();
        DecisionVerdict verdict = null;
        if (draft.hasType()) {
            try {
                verdict = decision.evaluate(draft.body());
            } catch (RuntimeException e) {
                // the plan falls back on the claimed exception's conditions; the page will say what went wrong
            }
        }
        WorksheetPlan plan = WorksheetPlan.of(catalog, draft, verdict, questions(draft), Map.of(), false);
        Optional<WorksheetPlan.Step> same = plan.step(stepId);
        if (same.isPresent() && same.get().questions().stream().anyMatch(q -> !asked.contains(q.fact()) && !q.answered())) {
            return stepId;
        }
        if (WorksheetPlan.REQUEST.equals(stepId)) {
            return plan.current(null).id();
        }
        return plan.after(stepId).id();
    }

    private Response toStep(RequestRecord request, String stepId) {
        URI target = URI.create(href(request, stepId));
        if (Htmx.isHtmx(headers)) {
            return Response.noContent().header(Htmx.REDIRECT, target.toString()).build();
        }
        return Response.seeOther(target).build();
    }

    /** After "Continue": a browser follows a 303; htmx gets the next step in place and the address is pushed. */
    private Response toStep(RequestRecord request, String stepId, State state, Draft draft) {
        String href = href(request, stepId);
        if (Htmx.wantsFragment(headers)) {
            WorksheetView view = view(request, state, draft, stepId, Map.of(), List.of(), false, null, null).focused();
            return Response.ok(Templates.worksheet$main(view)).header("HX-Push-Url", href).build();
        }
        return Response.seeOther(URI.create(href)).build();
    }

    static String href(RequestRecord request, String stepId) {
        return "/requests/" + request.id() + "/worksheet" + (stepId == null ? "" : "?step=" + stepId);
    }

    // --- reading --------------------------------------------------------------------------------------

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

    private Draft draftOf(State state, RequestRecord request) {
        Draft draft = Draft.of(state.draft() != null ? state.draft() : state.signed());
        draft.prefill(request, time.zone());
        return draft;
    }

    private List<DenialReasonMatrix.Row> matrixRows() {
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

    private static List<String> conflictDetail(DecisionRefusedException refused) {
        if (!refused.problem().isOutOfDate()) {
            return List.of(refused.problem().message());
        }
        return List.of();
    }

    static Response notFound() {
        // the same answer for a mistyped link and for another clinic's request
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound()).build();
    }

    static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty()
                    : Optional.of(UUID.fromString(id)).filter(u -> u.toString().equalsIgnoreCase(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
