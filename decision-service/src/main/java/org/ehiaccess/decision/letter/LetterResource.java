package org.ehiaccess.decision.letter;

import static org.ehiaccess.decision.assessment.AssessmentResource.requestId;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.decision.intake.IntakeEffects;
import org.ehiaccess.decision.reporting.DecisionEvents;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/** The letters kept with a request: their records, their HTML and PDF as generated, and marking one sent. */
@Path("/api/v1/requests/{requestId}/letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LetterResource {

    @Inject
    LetterService letters;

    @Inject
    IntakeEffects intake;

    @Inject
    DecisionEvents reporting;

    @GET
    @PermissionsAllowed(Permissions.READ_LETTERS)
    @Operation(summary = "The request's letters, oldest first")
    public List<LetterView> list(@PathParam("requestId") String requestId) {
        return Letter.ofRequest(requestId(requestId)).stream().map(LetterView::of).toList();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_LETTERS)
    @Path("{id}")
    @Operation(summary = "One letter's record (kind, subject, hashes, sent)")
    public LetterView get(@PathParam("requestId") String requestId, @PathParam("id") String id) {
        return LetterView.of(letters.get(requestId(requestId), letterId(id)));
    }

    @GET
    @PermissionsAllowed(Permissions.READ_LETTERS)
    @Path("{id}/html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The letter's HTML exactly as generated (its SHA-256 is htmlSha256)")
    public Response html(@PathParam("requestId") String requestId, @PathParam("id") String id) {
        return Response.ok(letters.html(requestId(requestId), letterId(id)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_LETTERS)
    @Path("{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The letter's PDF exactly as generated (its SHA-256 is sha256)")
    public Response pdf(@PathParam("requestId") String requestId, @PathParam("id") String id) {
        UUID letterId = letterId(id);
        return Response.ok(letters.pdf(requestId(requestId), letterId), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"letter-" + letterId + ".pdf\"")
                .build();
    }

    @POST
    @PermissionsAllowed(Permissions.SEND_LETTER)
    @Path("{id}/sent")
    @Operation(summary = "Mark the letter sent, once: {channel: mail|email|portal|fax|in_person, sentOn}",
            description = "sentOn must not be in the future nor before the letter was generated; a second time answers"
                    + " 409. intake-service gets a timeline note; an infeasibility notice also marks its"
                    + " infeasibility_notice clock met (171.204(b)). Queued with the change and retried until applied;"
                    + " intakeUpdated false (intakeMessage: why) while it waits.")
    public LetterView sent(@PathParam("requestId") String requestId, @PathParam("id") String id,
            LetterService.Sent body) {
        Letter letter = intake.inTransaction(() -> {
            Letter sent = letters.markSent(requestId(requestId), letterId(id), body);
            IntakeEffects.Steps steps = intake.forRequest(sent.requestId, "letter.sent", sent.assessmentId);
            if (LetterKind.infeasibility.name().equals(sent.kind)) {
                steps.infeasibilityNoticeMet();
            }
            steps.note(LetterService.sentNote(sent)).enqueue();
            reporting.letterSent(sent);
            return sent;
        });
        return LetterView.of(letter, intake.deliverNow(letter.requestId));
    }

    private static UUID letterId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Letter " + text);
        }
    }
}
