package org.ehiaccess.decision.letter;

import static org.ehiaccess.decision.assessment.AssessmentResource.assessmentId;
import static org.ehiaccess.decision.assessment.AssessmentResource.requestId;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.platform.idempotency.IdempotencyKeys;
import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/** Generating a letter from one signed assessment version (the letters kept: {@link LetterResource}). */
@Path("/api/v1/requests/{requestId}/assessments/{assessmentId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentLetterResource {

    @Inject
    LetterService letters;

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
