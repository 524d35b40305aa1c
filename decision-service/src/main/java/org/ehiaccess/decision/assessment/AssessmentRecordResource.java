package org.ehiaccess.decision.assessment;

import static org.ehiaccess.decision.assessment.AssessmentResource.assessmentId;
import static org.ehiaccess.decision.assessment.AssessmentResource.requestId;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.decision.guidance.DecisionGuidance;
import org.ehiaccess.decision.guidance.GuidanceService;
import org.ehiaccess.decision.intake.IntakeEffects;
import org.ehiaccess.decision.letter.Letter;
import org.ehiaccess.decision.letter.LetterService;
import org.ehiaccess.decision.letter.LetterView;
import org.ehiaccess.decision.reporting.DecisionEvents;
import org.ehiaccess.decision.review.AssessmentReview;
import org.ehiaccess.decision.review.ReviewService;
import org.ehiaccess.decision.review.ReviewView;
import org.ehiaccess.decision.summary.ExceptionAnalysisSummary;
import org.ehiaccess.decision.summary.SummaryBuilder;
import org.ehiaccess.platform.idempotency.IdempotencyKeys;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.Template;
import io.quarkus.security.PermissionsAllowed;

/**
 * What follows from one assessment version: its exception analysis summary, the review of a reviewable denial, and
 * the letters generated from it once signed.
 */
@Path("/api/v1/requests/{requestId}/assessments/{assessmentId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentRecordResource {

    @Inject
    AssessmentService assessments;

    @Inject
    SummaryBuilder summaries;

    @Inject
    Template summary;

    @Inject
    ReviewService reviews;

    @Inject
    LetterService letters;

    @Inject
    IntakeEffects intake;

    @Inject
    DecisionEvents reporting;

    @Inject
    GuidanceService guidance;

    @GET
    @PermissionsAllowed(Permissions.READ_ASSESSMENTS)
    @Path("summary")
    @Operation(summary = "The exception analysis summary, ready to render and print",
            description = "Facts with their questions, each condition met/unmet/open with CFR and reason, the verdict"
                    + " in plain words, obligations with due dates, documentation, who signed and when, the ruleset and"
                    + " its effective date, the review and the letters.")
    public ExceptionAnalysisSummary summary(@PathParam("requestId") String requestId,
            @PathParam("assessmentId") String id) {
        return summaries.build(assessments.get(requestId(requestId), assessmentId(id)));
    }

    @GET
    @PermissionsAllowed(Permissions.READ_ASSESSMENTS)
    @Path("summary.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The exception analysis summary as a print-friendly HTML page")
    public String summaryHtml(@PathParam("requestId") String requestId, @PathParam("assessmentId") String id) {
        return summary.data("s", summaries.build(assessments.get(requestId(requestId), assessmentId(id)))).render();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_ASSESSMENTS)
    @Path("guidance")
    @Operation(summary = "What follows from this decision: reviewable or not, the letters that fit, the suggested"
            + " status and letter, who may review",
            description = "Decided here once, so that no page re-decides it. reviewable: a signed denial the verdict"
                    + " supports, on a 164.524(a)(3) ground or a 171.201 individualized determination. letterKinds:"
                    + " the letters that fit (never a denial for not_covered or needs_more_facts, nor after a reversal;"
                    + " the 164.524(d)(4) notice once a review is decided); otherLetterKinds: the rest, each with why."
                    + " suggestedStatus follows a reversed review. reviewer: who may decide the review and whether"
                    + " the caller may (whyNot).")
    public DecisionGuidance guidance(@PathParam("requestId") String requestId, @PathParam("assessmentId") String id) {
        return guidance.of(requestId(requestId), assessmentId(id));
    }

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
            reporting.reviewDecided(decided);
            return decided;
        });
        return ReviewView.of(review, intake.deliverNow(review.requestId));
    }

    @POST
    @PermissionsAllowed(Permissions.CREATE_LETTER)
    @Path("letters")
    @Operation(summary = "Generate a letter from this signed decision and the clinic's template",
            description = "Body {kind: denial|partial_fulfilment|infeasibility|extension|no_records|review_outcome, recipientName,"
                    + " recipientAddress, note?, extensionReasons (extension), actionBy (extension, default receipt +"
                    + " 60 days), recordsHeldBy (no_records)}. 409 when the assessment is not signed, when the kind"
                    + " does not fit the decision (a denial needs a covered, required_by_law or out_of_scope verdict;"
                    + " an infeasibility notice a decision relying on 171.204), or when the letter settings are not"
                    + " filled in. The HTML and PDF are stored as generated with their SHA-256. Idempotency-Key honoured.")
    public Response createLetter(@PathParam("requestId") String requestId, @PathParam("assessmentId") String id,
            LetterService.NewLetter body, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        UUID request = requestId(requestId);
        Letter letter = letters.create(request, assessmentId(id), body, idempotencyKey).letter();
        return Response.created(URI.create("/api/v1/requests/" + request + "/letters/" + letter.id))
                .entity(LetterView.of(letter)).build();
    }
}
