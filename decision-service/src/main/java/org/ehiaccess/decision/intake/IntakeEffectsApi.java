package org.ehiaccess.decision.intake;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * intake-service's internal endpoint for the effects of a decision, called by the outbox relay with decision-service's
 * own token (OIDC client credentials, role {@code service}): no person is signed in when a retry goes out. The body
 * names the clinic and the person whose change it carries; intake-service applies each effect id once.
 */
@RegisterRestClient(configKey = "intake")
@OidcClientFilter
@Path("/api/v1/internal/effects")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface IntakeEffectsApi {

    /** One step: a timeline note, or starting or meeting a clock. */
    record Step(String type, String text, String clock) {
    }

    record Effect(UUID id, String clinicId, UUID requestId, String actor, String event, List<Step> steps) {
    }

    @POST
    void apply(Effect effect);
}
