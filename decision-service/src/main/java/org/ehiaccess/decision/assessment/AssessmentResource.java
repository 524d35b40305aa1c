package org.ehiaccess.decision.assessment;

import static org.ehiaccess.platform.clinic.StaffRole.CLINICIAN;
import static org.ehiaccess.platform.clinic.StaffRole.PRIVACY_OFFICER;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.decision.engine.DecisionEngine;
import org.ehiaccess.decision.intake.IntakeEffects;
import org.ehiaccess.decision.intake.IntakeRequests;
import org.ehiaccess.decision.letter.Letter;
import org.ehiaccess.decision.reporting.DecisionEvents;
import org.ehiaccess.platform.idempotency.IdempotencyKeys;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.platform.version.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The assessments kept for one EHI request (the request id comes from intake-service and is not checked here).
 * Every staff role reads them; privacy officers, clinicians and supervisors write them; only a privacy officer or
 * a clinician signs.
 */
@Path("/api/v1/requests/{requestId}/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    @Inject
    AssessmentService assessments;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    IntakeEffects intake;

    @Inject
    DecisionEvents reporting;

    @Inject
    IntakeRequests requests;

    @Inject
    DecisionEngine engine;

    @POST
    @PermissionsAllowed(Permissions.CREATE_ASSESSMENT)
    @Operation(summary = "Evaluate a case and keep it as the request's next assessment version",
            description = "Body as POST /api/v1/evaluations, plus optional determined_by: the user name of the licensed"
                    + " health care professional who made the individualized determination (171.201(c)(1)); they may"
                    + " not review the denial. A retry with the same Idempotency-Key returns the first result. The request"
                    + " must be in the caller's clinic in intake-service: 404 when it is not, 503 when intake-service"
                    + " cannot be reached; nothing is saved then.")
    public Response create(@PathParam("requestId") String requestId, JsonNode body,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        UUID request = requestId(requestId);
        requests.requireInCallersClinic(request);
        Assessment saved = assessments.create(request, body, idempotencyKey).assessment();
        return Response.created(URI.create("/api/v1/requests/" + request + "/assessments/" + saved.id))
                .header(Versions.ETAG, Versions.etag(saved.rowVersion))
                .entity(AssessmentView.of(saved, json)).build();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_ASSESSMENTS)
    @Operation(summary = "Every assessment version of the request, oldest first")
    public List<AssessmentView> list(@PathParam("requestId") String requestId) {
        return Assessment.ofRequest(requestId(requestId)).stream().map(a -> AssessmentView.of(a, json)).toList();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_ASSESSMENTS)
    @Path("{id}")
    @Operation(summary = "One assessment version")
    public Response get(@PathParam("requestId") String requestId, @PathParam("id") String id) {
        return withEtag(assessments.get(requestId(requestId), assessmentId(id)));
    }

    @PUT
    @PermissionsAllowed(Permissions.UPDATE_ASSESSMENT)
    @Path("{id}")
    @Operation(summary = "Correct the facts of an unsigned assessment (re-evaluated)",
            description = "A signed assessment is locked: 409. Send If-Match with the ETag to guard against a concurrent edit.")
    public Response update(@PathParam("requestId") String requestId, @PathParam("id") String id, JsonNode body,
            @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        return withEtag(assessments.update(requestId(requestId), assessmentId(id), body, Versions.optional(ifMatch)));
    }

    @POST
    @PermissionsAllowed(Permissions.SIGN_DECISION)
    @Path("{id}/signature")
    @Operation(summary = "Sign and lock the assessment", description = "Signing twice answers 409. In the same"
            + " transaction an intake update is queued: a timeline note (\"Decision version N signed by X: verdict"
            + " (exceptions), ruleset R\") and, when the decision relies on 171.204, the 10-business-day"
            + " infeasibility_notice clock. It is sent right away and retried until intake-service applied it (once):"
            + " intake_updated is false and intake_message says why while it waits (GET .../intake-updates).")
    public Response sign(@PathParam("requestId") String requestId, @PathParam("id") String id,
            @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        String role = identity.hasRole(PRIVACY_OFFICER) ? PRIVACY_OFFICER : CLINICIAN;
        // the signature and the intake update it brings are saved together; the update is delivered after the commit
        Assessment signed = intake.inTransaction(() -> {
            Assessment a = assessments.sign(requestId(requestId), assessmentId(id), role, Versions.optional(ifMatch));
            DecisionRecord decision = DecisionRecord.of(a, json);
            IntakeEffects.Steps steps = intake.forRequest(a.requestId, "assessment.signed", a.id)
                    .note(DecisionNotes.signed(decision, engine.catalog()));
            // a later version relying on 171.204 after the notice went out needs no new clock: the notice was sent
            if (decision.reliesOnInfeasibility() && !Letter.infeasibilityNoticeSent(a.requestId)) {
                steps.startInfeasibilityNotice();
            }
            steps.enqueue();
            reporting.assessmentSigned(decision);
            return a;
        });
        return Response.ok(AssessmentView.of(signed, json, intake.deliverNow(signed.requestId)))
                .header(Versions.ETAG, Versions.etag(signed.rowVersion)).build();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_ASSESSMENTS)
    @Path("{id}/events")
    @Operation(summary = "The assessment's append-only audit trail: who created, changed or signed it, before and after")
    public List<AssessmentEventView> trail(@PathParam("requestId") String requestId, @PathParam("id") String id) {
        return assessments.trail(requestId(requestId), assessmentId(id)).stream()
                .map(AssessmentEventView::of).toList();
    }

    private Response withEtag(Assessment assessment) {
        return Versions.ok(AssessmentView.of(assessment, json), assessment.rowVersion);
    }

    public static UUID requestId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("requestId", "must be the request's UUID from intake-service");
        }
    }

    static UUID assessmentId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Assessment " + text);
        }
    }
}
