package org.ehiaccess.decision.tree;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/** Guided question sequences for the worksheet, e.g. the preventing-harm decision tree for clinicians. */
@Path("/api/v1/decision-trees")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionTreeResource {

    @Inject
    DecisionTrees trees;

    @GET
    @PermissionsAllowed(Permissions.READ_CATALOG)
    @Path("{id}")
    @Operation(summary = "A decision tree (preventing-harm): steps, options, the worksheet fact and value each answer"
            + " fills, and the outcome with its CFR paragraph and matching Denial Reason Matrix row")
    public DecisionTree get(@PathParam("id") String id) {
        return trees.get(id).orElseThrow(() -> ProblemException.notFound("Decision tree " + id));
    }
}
