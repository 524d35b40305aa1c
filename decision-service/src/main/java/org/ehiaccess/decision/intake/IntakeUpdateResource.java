package org.ehiaccess.decision.intake;

import static org.ehiaccess.decision.assessment.AssessmentResource.requestId;

import org.ehiaccess.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Whether intake-service has applied what the request's decisions, letters and reviews changed there. */
@Path("/api/v1/requests/{requestId}/intake-updates")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Permissions.READ_ASSESSMENTS)
public class IntakeUpdateResource {

    @Inject
    IntakeEffects intake;

    @GET
    @Operation(summary = "The state of the request's intake updates: applied, pending or failing (with the reason)",
            description = "Signing, letters sent and reviews queue timeline notes and clock changes for intake-service"
                    + " with the change itself; they are retried (1 minute, doubling, at most an hour apart) until"
                    + " applied, in order. state applied: nothing waits; pending: not sent yet; failing: the last"
                    + " attempt failed (reason, nextAttemptAt). message is the sentence the decision page shows."
                    + " updates lists each one (event, who, when, attempts, appliedAt).")
    public IntakeEffects.UpdateState state(@PathParam("requestId") String requestId) {
        return intake.state(requestId(requestId));
    }
}
