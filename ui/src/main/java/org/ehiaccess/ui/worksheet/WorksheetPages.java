package org.ehiaccess.ui.worksheet;

import static org.ehiaccess.ui.security.StaffRole.CLINICIAN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.CLINIC_ADMIN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.COMPLIANCE_LEAD_ROLE;
import static org.ehiaccess.ui.security.StaffRole.FRONT_DESK_ROLE;
import static org.ehiaccess.ui.security.StaffRole.PRIVACY_OFFICER_ROLE;
import static org.ehiaccess.ui.security.StaffRole.SUPERVISOR_ROLE;

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
import org.ehiaccess.ui.client.decision.DecisionClient;
import org.ehiaccess.ui.client.decision.DecisionRefusedException;
import org.ehiaccess.ui.client.decision.DecisionUnavailableException;
import org.ehiaccess.ui.client.decision.DenialReasonMatrix;
import org.ehiaccess.ui.client.intake.IntakeClient;
import org.ehiaccess.ui.client.intake.RequestRecord;
import org.ehiaccess.ui.web.ClinicTime;
import org.ehiaccess.ui.web.Htmx;
import org.ehiaccess.ui.web.InPageProblem;
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
    WorksheetViews views;

    @Inject
    WorksheetNavigation navigation;

    @Context
    HttpHeaders headers;

    @GET
    public Response worksheet(@PathParam("id") String id, @QueryParam("step") String step) {
        Optional<RequestRecord> request = parse(id).flatMap(intake::request);
        if (request.isEmpty()) {
            return notFound();
        }
        WorksheetViews.State state = views.state(request.get().id());
        Draft draft = views.draftOf(state, request.get());
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
        WorksheetViews.State state = views.state(request.id());
        DecisionCatalog catalog = decision.catalog();
        String stepId = form.step == null ? WorksheetPlan.FULFIL : form.step;

        // the draft the form was made on must still be the one being worked
        if (state.draft() == null && state.signed() != null) {
            return again(request, state, views.draftOf(state, request), stepId, Map.of(),
                    List.of("Version " + state.signed().version() + " was signed meanwhile and is locked. "
                            + "Open the decision to change it: a change makes a new version."),
                    true, Response.Status.CONFLICT.getStatusCode(), form);
        }
        UUID formDraft = form.assessment();
        boolean sameDraft = formDraft == null ? state.draft() == null
                : state.draft() != null && state.draft().id().equals(formDraft);
        Draft draft = views.draftOf(state, request);
        if (!sameDraft) {
            return again(request, state, draft, stepId, Map.of(), List.of(), true,
                    Response.Status.CONFLICT.getStatusCode(), form);
        }

        StepForm.Applied applied = form.applyTo(draft, catalog, stepId);
        Map<String, String> errors = applied.errors();
        String nextStep = applied.nextStep();
        Set<String> asked = applied.asked();
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
                saved = keep(request, state, form, draft);
            } catch (DecisionRefusedException refused) {
                switch (refused.status()) {
                    case 400 -> {
                        return again(request, state, draft, stepId, Answers.fromProblem(refused.problem()),
                                refused.problem().errors().isEmpty() && refused.problem().detail() != null
                                        ? List.of(refused.problem().detail()) : List.of(),
                                false, UNPROCESSABLE, form);
                    }
                    case 409, 412, 428 -> {
                        return conflict(request, state, draft, stepId, refused, form);
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
        WorksheetViews.State after = new WorksheetViews.State(state.versions(), saved, null);

        if (!form.continues()) {
            // an answer as it is given: the verdict and the draft's keys follow; the step stays as the person has it
            if (Htmx.isHtmx(headers)) {
                WorksheetView view = views.view(request, after, draft, stepId, Map.of(), List.of(), false, null,
                        "Saved " + time.time(time.now()) + ".");
                return Response.ok(Templates.worksheet$autosaved(view)).header(Htmx.RESWAP, "none").build();
            }
            return navigation.toStep(headers, request, stepId);
        }
        String next = nextStep != null ? nextStep : navigation.nextAfter(request, after, draft, stepId, asked);
        return navigation.toStep(headers, request, next, after, draft);
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
        WorksheetViews.State state = views.state(request.id());
        Draft draft = views.draftOf(state, request);
        Optional<DenialReasonMatrix.Row> row = views.matrixRows().stream()
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
            saved = keep(request, state, form, draft);
        } catch (DecisionRefusedException refused) {
            if (refused.isConflict()) {
                return conflict(request, state, draft, WorksheetPlan.PRACTICE, refused, form);
            }
            if (refused.status() == 400 || refused.status() == 422) {
                return again(request, state, draft, WorksheetPlan.PRACTICE, Answers.fromProblem(refused.problem()),
                        List.of("This row could not be used as it is: " + refused.problem().title()), false,
                        UNPROCESSABLE, form);
            }
            throw refused;
        }
        WorksheetViews.State after = new WorksheetViews.State(state.versions(), saved, null);
        String next = navigation.nextAfter(request, after, draft, WorksheetPlan.PRACTICE, Set.of());
        return navigation.toStep(headers, request, next, after, draft);
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
        WorksheetViews.State state = views.state(request.id());
        if (state.draft() != null) {
            // a new version is already being worked: continue it
            return navigation.toStep(headers, request, null);
        }
        Optional<DecisionAssessment> source = parse(from).flatMap(a -> decision.assessment(request.id(), a))
                .or(() -> Optional.ofNullable(state.signed()));
        Draft draft = source.map(Draft::of).orElse(Draft.empty());
        draft.prefill(request, time.zone());
        // a new version is a new analysis: made today, unless the person says otherwise
        draft.set(Draft.AS_OF, null);
        if (!draft.hasType()) {
            return navigation.toStep(headers, request, null);
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        decision.createAssessment(request.id(), key, draft.body());
        return navigation.toStep(headers, request, WorksheetPlan.REVIEW);
    }

    /** Keeps the draft: the first answers create it (once per the form's key), later ones update it (If-Match). */
    private DecisionAssessment keep(RequestRecord request, WorksheetViews.State state, StepForm form, Draft draft) {
        return state.draft() == null ? decision.createAssessment(request.id(), form.key(), draft.body())
                : decision.updateAssessment(request.id(), state.draft().id(), form.etag, draft.body());
    }

    // --- rendering ----------------------------------------------------------------------------------------

    /** Someone changed (or signed) the draft meanwhile, or a rule about its state refused the change. */
    private Response conflict(RequestRecord request, WorksheetViews.State state, Draft draft, String stepId,
            DecisionRefusedException refused, StepForm form) {
        InPageProblem problem = InPageProblem.conflict(refused.problem());
        return again(request, state, draft, stepId, Map.of(), problem.messages(), problem.outOfDate(), problem.status(),
                form);
    }

    private Response again(RequestRecord request, WorksheetViews.State state, Draft draft, String stepId,
            Map<String, String> errors, List<String> problems, boolean conflict, int status, StepForm form) {
        TemplateInstance page = render(request, state, draft, stepId, errors, problems, conflict, form);
        return Response.status(status).entity(page).build();
    }

    private TemplateInstance render(RequestRecord request, WorksheetViews.State state, Draft draft, String stepId,
            Map<String, String> errors, List<String> problems, boolean conflict, StepForm form) {
        WorksheetView view = views.view(request, state, draft, stepId, errors, problems, conflict, form, null);
        return Htmx.wantsFragment(headers) ? Templates.worksheet$main(view) : Templates.worksheet(view);
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
