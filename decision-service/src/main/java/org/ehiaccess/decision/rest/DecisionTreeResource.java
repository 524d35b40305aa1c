package org.ehiaccess.decision.rest;

import static org.ehiaccess.platform.clinic.StaffRole.CLINICIAN;
import static org.ehiaccess.platform.clinic.StaffRole.CLINIC_ADMIN;
import static org.ehiaccess.platform.clinic.StaffRole.COMPLIANCE_LEAD;
import static org.ehiaccess.platform.clinic.StaffRole.FRONT_DESK;
import static org.ehiaccess.platform.clinic.StaffRole.PRIVACY_OFFICER;
import static org.ehiaccess.platform.clinic.StaffRole.SUPERVISOR;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.decision.tree.DecisionTree;
import org.ehiaccess.decision.tree.DecisionTrees;
import org.ehiaccess.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Guided question sequences for the worksheet, e.g. the preventing-harm decision tree for clinicians. */
@Path("/api/v1/decision-trees")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ FRONT_DESK, CLINICIAN, PRIVACY_OFFICER, SUPERVISOR, COMPLIANCE_LEAD, CLINIC_ADMIN })
public class DecisionTreeResource {

    @Inject
    DecisionTrees trees;

    @GET
    @Path("{id}")
    @Operation(summary = "A decision tree (preventing-harm): steps, options, the worksheet fact and value each answer"
            + " fills, and the outcome with its CFR paragraph and matching Denial Reason Matrix row")
    public DecisionTree get(@PathParam("id") String id) {
        return trees.get(id).orElseThrow(() -> ProblemException.notFound("Decision tree " + id));
    }
}
