package org.ehiaccess.decision.assessment;

import static org.ehiaccess.decision.assessment.AssessmentResource.requestId;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.PermissionsAllowed;

/** Whether the request's signed decision supports a status; intake-service asks before it accepts a denial. */
@Path("/api/v1/requests/{requestId}/decision-support")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionSupportResource {

    @Inject
    ObjectMapper json;

    @GET
    @Transactional
    @PermissionsAllowed(Permissions.READ_ASSESSMENTS)
    @Operation(summary = "Whether the signed decision supports setting the request to denied or partially_fulfilled",
            description = "supported: the latest signed version's verdict is covered or required_by_law, or out_of_scope"
                    + " with a HIPAA denial ground; reason says why, or what is missing. denialLetterSent: a denial"
                    + " or partial fulfillment letter was marked sent.")
    public StatusSupport support(@PathParam("requestId") String requestId, @QueryParam("status") String status) {
        if (status == null || !StatusSupport.STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "must be one of " + StatusSupport.STATUSES.stream().sorted().toList());
        }
        return StatusSupport.of(requestId(requestId), status, json);
    }
}
