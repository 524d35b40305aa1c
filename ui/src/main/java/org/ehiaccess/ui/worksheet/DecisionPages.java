package org.ehiaccess.ui.worksheet;

import static org.ehiaccess.ui.security.StaffRole.CLINICIAN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.CLINIC_ADMIN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.COMPLIANCE_LEAD_ROLE;
import static org.ehiaccess.ui.security.StaffRole.FRONT_DESK_ROLE;
import static org.ehiaccess.ui.security.StaffRole.PRIVACY_OFFICER_ROLE;
import static org.ehiaccess.ui.security.StaffRole.SUPERVISOR_ROLE;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.ehiaccess.ui.client.decision.DecisionClient;
import org.ehiaccess.ui.client.decision.DecisionGuidance;
import org.ehiaccess.ui.client.decision.DecisionRefusedException;
import org.ehiaccess.ui.client.decision.DecisionUnavailableException;
import org.ehiaccess.ui.client.intake.IntakeClient;
import org.ehiaccess.ui.client.intake.IntakeRefusedException;
import org.ehiaccess.ui.client.intake.IntakeUnavailableException;
import org.ehiaccess.ui.client.decision.LetterKind;
import org.ehiaccess.ui.client.decision.LetterRecord;
import org.ehiaccess.ui.client.intake.RequestChangeBodies;
import org.ehiaccess.ui.web.Htmx;
import org.ehiaccess.ui.web.InPageProblem;
import org.ehiaccess.ui.client.RefusedException;
import org.ehiaccess.ui.worksheet.DecisionView.LetterForm;
import org.ehiaccess.ui.worksheet.DecisionView.ReviewForm;
import org.ehiaccess.ui.worksheet.DecisionViews.Loaded;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One version of a request's decision: the exception analysis summary (facts, conditions met and unmet with their
 * reasons, obligations, who signed and under which ruleset) that prints cleanly; signing (a privacy officer or a
 * clinician); a change as a new version; the independent review of a reviewable denial by a clinician who took no
 * part in it, with its own clock; the request's status and clocks after the decision; and the letters.
 */
@Path("/requests/{id}/decisions/{assessmentId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, COMPLIANCE_LEAD_ROLE,
        CLINIC_ADMIN_ROLE })
public class DecisionPages {

    private static final Logger LOG = Logger.getLogger(DecisionPages.class);

    static final Map<String, String> DONE = Map.of(
            "signed", "The decision was signed. It is locked: a change makes a new version.",
            "status", "The request's status was changed.",
            "review-requested", "The review was requested. Its clock runs on the request.",
            "reviewed", "The review was recorded.",
            "letter", "The letter was generated and kept with the request.",
            "sent", "The letter was marked as sent.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance decision(DecisionView view);

        static native TemplateInstance decision$content(DecisionView view);

        static native TemplateInstance notFound();
    }

    @Inject
    IntakeClient intake;

    @Inject
    DecisionClient decision;

    @Inject
    DecisionViews views;

    @Context
    HttpHeaders headers;

    @GET
    public Response page(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId,
            @QueryParam("done") String done) {
        Optional<Loaded> loaded = views.load(id, assessmentId);
        if (loaded.isEmpty()) {
            return notFound();
        }
        return Response.ok(render(views.view(loaded.get(), DONE.get(done == null ? "" : done), List.of(), false, null, null,
                null))).build();
    }

    @POST
    @Path("signature")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, CLINICIAN_ROLE })
    public Response sign(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId,
            @RestForm String etag, @RestForm String confirm) {
        Optional<Loaded> found = views.load(id, assessmentId);
        if (found.isEmpty()) {
            return notFound();
        }
        Loaded l = found.get();
        if (!"yes".equals(confirm)) {
            return again(l, List.of("Confirm that you have checked the facts and every condition before signing."),
                    false, "sign", 422, null, null);
        }
        try {
            // decision-service brings the request log along (note, 171.204(b) clock): the ui sends none of it
            decision.sign(l.request().id(), l.assessment().id(), blankToNull(etag));
        } catch (DecisionRefusedException refused) {
            return refused(l, refused, "sign", null, null);
        } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
            return unavailable(l, unavailable, "sign", null);
        }
        return done(l, "signed");
    }

    /** After a signed decision: the request's status follows (denied, partially fulfilled, ...). */
    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, CLINICIAN_ROLE, SUPERVISOR_ROLE })
    public Response changeStatus(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId,
            @RestForm String status, @RestForm String mannerUsed, @RestForm String version, @RestForm String note) {
        Optional<Loaded> found = views.load(id, assessmentId);
        if (found.isEmpty()) {
            return notFound();
        }
        Loaded l = found.get();
        int rendered;
        try {
            rendered = Integer.parseInt(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            return again(l, List.of("This form did not say which version of the request it was made on. Reload the page."),
                    false, "status", 422, null, null);
        }
        if (status == null || status.isBlank()) {
            return again(l, List.of("Choose the request's new status."), false, "status", 422, null, null);
        }
        boolean fulfilled = "fulfilled".equals(status) || "partially_fulfilled".equals(status);
        if (fulfilled && (mannerUsed == null || mannerUsed.isBlank())) {
            return again(l, List.of("Say how the information was provided."), false, "status", 422, null, null);
        }
        String text = note == null || note.isBlank()
                ? "Decision version " + l.assessment().version() + ": " + Labels.verdict(l.assessment().verdict())
                : note.strip();
        try {
            intake.changeStatus(l.request().id(), rendered, new RequestChangeBodies.StatusChange(status, null,
                    fulfilled ? mannerUsed : null, null, text));
        } catch (IntakeRefusedException refused) {
            if (!refused.isConflict() && refused.status() != 400) {
                throw refused;
            }
            return refused(l, refused, "status", null, null);
        } catch (IntakeUnavailableException | FaultToleranceException unavailable) {
            return unavailable(l, unavailable, "status", null);
        }
        return done(l, "status");
    }

    @POST
    @Path("review-request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, CLINICIAN_ROLE })
    public Response requestReview(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId,
            @RestForm String note) {
        Optional<Loaded> found = views.load(id, assessmentId);
        if (found.isEmpty()) {
            return notFound();
        }
        Loaded l = found.get();
        try {
            // decision-service starts the review's clock (164.524(a)(4)) and puts the note on the request's timeline
            decision.requestReview(l.request().id(), l.assessment().id(), note);
        } catch (DecisionRefusedException refused) {
            return refused(l, refused, "review-request", null, null);
        } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
            return unavailable(l, unavailable, "review-request", null);
        }
        return done(l, "review-requested");
    }

    @POST
    @Path("review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ CLINICIAN_ROLE })
    public Response review(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId,
            @RestForm String outcome, @RestForm String reasons) {
        Optional<Loaded> found = views.load(id, assessmentId);
        if (found.isEmpty()) {
            return notFound();
        }
        Loaded l = found.get();
        List<String> problems = new ArrayList<>();
        if (!"upheld".equals(outcome) && !"reversed".equals(outcome)) {
            problems.add("Choose whether the denial is upheld or reversed.");
        }
        if (reasons == null || reasons.isBlank()) {
            problems.add("Give the reasons for the outcome: the individual is told them in writing.");
        }
        ReviewForm typed = new ReviewForm(outcome, reasons);
        if (!problems.isEmpty()) {
            return again(l, problems, false, "review", 422, null, typed);
        }
        try {
            // decision-service marks the review's clock met on the request
            decision.review(l.request().id(), l.assessment().id(), outcome, reasons.strip());
        } catch (DecisionRefusedException refused) {
            return refused(l, refused, "review", null, typed);
        } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
            return unavailable(l, unavailable, "review", typed);
        }
        return done(l, "reviewed");
    }

    @POST
    @Path("letters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, CLINICIAN_ROLE, SUPERVISOR_ROLE })
    public Response generateLetter(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId,
            @RestForm String kind, @RestForm String recipientName, @RestForm String recipientAddress,
            @RestForm String idempotencyKey) {
        Optional<Loaded> found = views.load(id, assessmentId);
        if (found.isEmpty()) {
            return notFound();
        }
        Loaded l = found.get();
        LetterForm typed = new LetterForm(kind, recipientName, recipientAddress);
        List<String> problems = new ArrayList<>();
        if (java.util.Arrays.stream(LetterKind.values()).noneMatch(k -> k.wire().equals(kind))) {
            problems.add("Choose which letter to write.");
        } else if (l.assessment().signed()) {
            // decision-service says which letters fit this decision; this page offers only those
            DecisionGuidance guidance = views.guidance(l);
            if (guidance != null && !guidance.fits(kind)) {
                problems.add(guidance.otherLetterKinds().stream().filter(k -> k.kind().equals(kind)).findFirst()
                        .map(DecisionGuidance.LetterRefusal::reason)
                        .orElse("This letter does not fit the decision. Choose one of the letters offered."));
            }
        }
        if (recipientName == null || recipientName.isBlank()) {
            problems.add("Enter the recipient's name.");
        }
        if (!l.assessment().signed()) {
            problems.add("Letters are written from a signed decision. Sign it first.");
        }
        if (!problems.isEmpty()) {
            return again(l, problems, false, "letter", 422, typed, null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("recipientName", recipientName.strip());
        body.put("recipientAddress", recipientAddress == null ? "" : recipientAddress.strip());
        LetterRecord letter;
        try {
            String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
            letter = decision.createLetter(l.request().id(), l.assessment().id(), key, body);
        } catch (DecisionRefusedException refused) {
            if (refused.status() == 404 || refused.status() == 405) {
                InPageProblem notOffered = InPageProblem
                        .notOffered("Letters cannot be generated here yet: the decision service does not offer them.");
                return again(l, notOffered.messages(), false, "letter", notOffered.status(), typed, null);
            }
            return refused(l, refused, "letter", typed, null);
        } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
            return unavailable(l, unavailable, "letter", null);
        }
        return Htmx.redirect(headers, URI.create("/requests/" + l.request().id() + "/letters/" + letter.id() + "?done=letter"));
    }

    // --- answers --------------------------------------------------------------------------------------

    private Response again(Loaded l, List<String> problems, boolean conflict, String failed, int status, LetterForm typed,
            ReviewForm review) {
        return Response.status(status).entity(render(views.view(l, null, problems, conflict, failed, typed, review)))
                .build();
    }

    private TemplateInstance render(DecisionView view) {
        return Htmx.wantsFragment(headers) ? Templates.decision$content(view) : Templates.decision(view);
    }

    /** A service's refusal as a message on the page, with what was typed kept; a conflict shows the version as it is now. */
    private Response refused(Loaded l, RefusedException refused, String failed, LetterForm typed, ReviewForm review) {
        InPageProblem problem = InPageProblem.of(refused);
        Loaded shown = refused.isConflict()
                ? views.load(l.request().id().toString(), l.assessment().id().toString()).orElse(l) : l;
        return again(shown, problem.messages(), problem.outOfDate(), failed, problem.status(), typed, review);
    }

    private Response unavailable(Loaded l, RuntimeException unavailable, String failed, ReviewForm review) {
        LOG.warnf("A decision change failed: %s", unavailable.toString());
        return again(l, List.of("We could not reach the service, so this may not have been saved. "
                + "Check the page below before trying again."), false, failed, 503, null, review);
    }

    private Response done(Loaded l, String what) {
        return Htmx.redirect(headers,
                URI.create("/requests/" + l.request().id() + "/decisions/" + l.assessment().id() + "?done=" + what));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound()).build();
    }
}
