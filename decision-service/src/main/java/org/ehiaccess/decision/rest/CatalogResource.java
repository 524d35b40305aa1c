package org.ehiaccess.decision.rest;

import static org.ehiaccess.platform.clinic.StaffRole.CLINICIAN;
import static org.ehiaccess.platform.clinic.StaffRole.CLINIC_ADMIN;
import static org.ehiaccess.platform.clinic.StaffRole.COMPLIANCE_LEAD;
import static org.ehiaccess.platform.clinic.StaffRole.FRONT_DESK;
import static org.ehiaccess.platform.clinic.StaffRole.PRIVACY_OFFICER;
import static org.ehiaccess.platform.clinic.StaffRole.SUPERVISOR;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.decision.engine.DecisionEngine;
import org.ehiaccess.decision.rules.RuleCatalog;
import org.ehiaccess.decision.rules.Ruleset;
import org.ehiaccess.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.NonBlocking;

/** The rule catalog, for the worksheets. A ruleset that is not enabled is shown with {@code enabled: false}. */
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ FRONT_DESK, CLINICIAN, PRIVACY_OFFICER, SUPERVISOR, COMPLIANCE_LEAD, CLINIC_ADMIN })
public class CatalogResource {

    @Inject
    DecisionEngine engine;

    private final Map<String, CatalogView> views = new ConcurrentHashMap<>();

    // pure computation, no I/O: run on the event loop, without a hop to a worker thread
    @NonBlocking
    @GET
    @Operation(summary = "Exceptions, conditions and questions of a ruleset (default " + RuleCatalog.CURRENT + ")")
    public CatalogView catalog(@QueryParam("ruleset") @DefaultValue(RuleCatalog.CURRENT) String rulesetId) {
        Ruleset ruleset = engine.catalog().ruleset(rulesetId).orElseThrow(() -> ProblemException.invalid("ruleset",
                "must be one of " + engine.catalog().rulesets().stream().map(Ruleset::id).toList()));
        return views.computeIfAbsent(ruleset.id(),
                id -> CatalogView.of(engine.catalog().version(), ruleset, engine.enabled(id)));
    }
}
