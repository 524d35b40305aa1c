package org.ehiaccess.decision.evaluation;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.decision.engine.Evaluation;
import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.NonBlocking;

/** Evaluates a case against the rule catalog and keeps nothing. */
@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    @Inject
    EvaluationService evaluations;

    // pure computation, no I/O: run on the event loop, without a hop to a worker thread
    @NonBlocking
    @POST
    @PermissionsAllowed(Permissions.EVALUATE)
    @Operation(summary = "Evaluate a practice against Part 171 and HIPAA 164.524",
            description = "Body: {\"practice\": {\"type\", \"claimed_basis\", \"motive\"}, \"facts\": {fact id: value}}. "
                    + "Answers the verdict object of the decision contract. Bad input answers 400 naming every bad field.")
    public Evaluation evaluate(JsonNode body) {
        return evaluations.evaluate(body);
    }
}
