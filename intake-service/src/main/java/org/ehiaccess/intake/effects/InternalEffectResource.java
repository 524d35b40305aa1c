package org.ehiaccess.intake.effects;


import java.util.UUID;

import org.ehiaccess.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.platform.service.ServiceCall;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What another of our services changes in the request log on a person's behalf: decision-service's outbox relay sends
 * the timeline notes and clocks of signing, letters and reviews here with its own token (role {@code service}, no
 * clinic claim). Only such a token may name the clinic, in the body; a person's token is refused (403).
 */
@Path("/api/v1/internal/effects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Permissions.APPLY_EFFECTS)
public class InternalEffectResource {

    @Inject
    ServiceCall service;

    @Inject
    EffectService effects;

    /** Whether this call applied the effect (false: it had been applied before, nothing was done again). */
    public record Applied(UUID id, boolean applied) {
    }

    @POST
    @Operation(summary = "Apply a decision's effect on a request (services only): timeline notes, clocks started or met",
            description = "Role service only; the body names the clinic and the person. Applied once per id: a resend"
                    + " answers applied false and changes nothing. 404 when the request is not in that clinic's log.")
    public Applied apply(@Valid @NotNull Effect effect) {
        // the clinic and the person come from the body only here, and only for a service token
        service.actFor(effect.clinicId(), effect.actor());
        return new Applied(effect.id(), effects.apply(effect));
    }
}
