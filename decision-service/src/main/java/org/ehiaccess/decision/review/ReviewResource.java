package org.ehiaccess.decision.review;

import static org.ehiaccess.decision.assessment.AssessmentResource.assessmentId;
import static org.ehiaccess.decision.assessment.AssessmentResource.requestId;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.decision.assessment.DecisionNotes;
import org.ehiaccess.decision.intake.IntakeEffects;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/** The review of a reviewable denial: asked for by the individual, decided by a clinician who took no part. */
@Path("/api/v1/requests/{requestId}/assessments/{assessmentId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Inject
    IntakeEffects intake;

    @GET
    @PermissionsAllowed(Permissions.READ_ASSESSMENTS)
    @Path("review")
    @Operation(summary = "The review of this decision (404 when none was requested)")
    public ReviewView review(@PathParam("requestId") String requestId, @PathParam("assessmentId") String id) {
        AssessmentReview review = reviews.find(requestId(requestId), assessmentId(id));
        if (review == null) {
            throw ProblemException.notFound("A review of assessment " + id);
        }
        return ReviewView.of(review, null);
    }

    @POST
    @PermissionsAllowed(Permissions.REQUEST_REVIEW)
    @Path("review-request")
    @Operation(summary = "Record that the individual asked for a review of a reviewable denial (164.524(a)(4))",
            description = "Body {requestedOn (date, default today), channel (optional), note (optional, for the"
                    + " request's timeline, at most 2000 characters)}. Only for a signed decision"
                    + " on a reviewable ground (HIPAA 164.524(a)(3) ground, or 171.201 on an individualized"
                    + " determination); 409 otherwise or when already requested. Starts intake-service's denial_review"
                    + " clock and adds a timeline note (queued with the review, retried until applied); intakeUpdated false"
                    + " while it waits.")
    public Response requestReview(@PathParam("requestId") String requestId, @PathParam("assessmentId") String id,
            ReviewService.ReviewRequest body) {
        AssessmentReview review = intake.inTransaction(() -> {
            AssessmentReview requested = reviews.request(requestId(requestId), assessmentId(id), body);
            IntakeEffects.Steps steps = intake.forRequest(requested.requestId, "review.requested",
                    requested.assessmentId).startDenialReview().note(DecisionNotes.reviewRequested(requested));
            if (body != null && body.note() != null && !body.note().isBlank()) {
                steps.note("Review of the denial requested: " + body.note().strip());
            }
            steps.enqueue();
            return requested;
        });
        return Response.status(201).entity(ReviewView.of(review, intake.deliverNow(review.requestId))).build();
    }

    @POST
    @PermissionsAllowed(Permissions.DECIDE_REVIEW)
    @Path("review")
    @Operation(summary = "Decide the review: upheld or reversed, with reasons (164.524(a)(4), (d)(4); 171.201(e))",
            description = "Clinicians only. The reviewer must not have taken part in the decision (its author, editors,"
                    + " signer or the determiner it names): 403. 409 when not reviewable, not requested or already"
                    + " decided. Marks intake-service's denial_review clock met and adds a timeline note.")
    public ReviewView decideReview(@PathParam("requestId") String requestId, @PathParam("assessmentId") String id,
            ReviewService.ReviewDecision body) {
        AssessmentReview review = intake.inTransaction(() -> {
            AssessmentReview decided = reviews.decide(requestId(requestId), assessmentId(id), body);
            intake.forRequest(decided.requestId, "review.decided", decided.assessmentId).denialReviewMet()
                    .note(DecisionNotes.reviewDecided(decided)).enqueue();
            return decided;
        });
        return ReviewView.of(review, intake.deliverNow(review.requestId));
    }
}
