package org.ehiaccess.decision.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.decision.engine.DecisionEngine;
import org.ehiaccess.decision.guidance.WorksheetQuestions;
import org.ehiaccess.decision.rules.RuleCatalog;
import org.ehiaccess.decision.rules.Ruleset;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.NonBlocking;

/** The rule catalog, for the worksheets. A ruleset that is not enabled is shown with {@code enabled: false}. */
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    DecisionEngine engine;

    @POST
    @Path("questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.READ_CATALOG)
    @Operation(summary = "Which questions the worksheet asks for the answers so far",
            description = "Body {facts: {fact id: value}} (practice.type, practice.claimed_basis among them) and"
                    + " optionally {practice: {...}}. Answers each fact's and condition's asks_when, read with the"
                    + " catalog's parser: state asked, not_asked or waiting (for dependsOn), and hipaa: the 164.524"
                    + " questions the practice needs, in order. Keeps nothing.")
    public WorksheetQuestions.Answer questions(@QueryParam("ruleset") @DefaultValue(RuleCatalog.CURRENT) String rulesetId,
            JsonNode body) {
        Ruleset ruleset = engine.catalog().ruleset(rulesetId).orElseThrow(() -> ProblemException.invalid("ruleset",
                "must be one of " + engine.catalog().rulesets().stream().map(Ruleset::id).toList()));
        if (body == null || !body.isObject() || (body.has("facts") && !body.get("facts").isObject())) {
            throw ProblemException.invalid("facts", "must be an object of fact ids and their answers");
        }
        return WorksheetQuestions.of(ruleset, body);
    }

    private final Map<String, CatalogView> views = new ConcurrentHashMap<>();

    // pure computation, no I/O: run on the event loop, without a hop to a worker thread
    @NonBlocking
    @GET
    @PermissionsAllowed(Permissions.READ_CATALOG)
    @Operation(summary = "Exceptions, conditions and questions of a ruleset (default " + RuleCatalog.CURRENT + ")")
    public CatalogView catalog(@QueryParam("ruleset") @DefaultValue(RuleCatalog.CURRENT) String rulesetId) {
        Ruleset ruleset = engine.catalog().ruleset(rulesetId).orElseThrow(() -> ProblemException.invalid("ruleset",
                "must be one of " + engine.catalog().rulesets().stream().map(Ruleset::id).toList()));
        return views.computeIfAbsent(ruleset.id(),
                id -> CatalogView.of(engine.catalog().version(), ruleset, engine.enabled(id)));
    }
}
