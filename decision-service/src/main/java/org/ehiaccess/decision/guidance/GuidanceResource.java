package org.ehiaccess.decision.guidance;

import static org.ehiaccess.decision.assessment.AssessmentResource.assessmentId;
import static org.ehiaccess.decision.assessment.AssessmentResource.requestId;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/** What follows from one assessment version: the review, the letters and the status it allows. */
@Path("/api/v1/requests/{requestId}/assessments/{assessmentId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GuidanceResource {

    @Inject
    GuidanceService guidance;

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
}
