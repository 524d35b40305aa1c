package org.ehiaccess.intake.rest;


import java.util.List;
import java.util.UUID;

import org.ehiaccess.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.intake.clock.ClockKind;
import org.ehiaccess.intake.service.EffectService;
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

    /** What to do: {@code note} (text), {@code start_clock} or {@code meet_clock} (clock). */
    public enum StepType {
        note, start_clock, meet_clock
    }

    public record Step(@NotNull StepType type, @Size(max = 4000) String text, ClockKind clock) {
    }

    /**
     * One effect: {@code id} is its idempotency key (decision-service's outbox id), {@code actor} the person whose
     * change it is (the timeline names them), {@code event} what happened (e.g. assessment.signed).
     */
    public record Effect(@NotNull UUID id, @NotBlank @Size(max = 100) String clinicId, @NotNull UUID requestId,
            @NotBlank @Size(max = 100) String actor, @NotBlank @Size(max = 100) String event,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull Step> steps) {
    }

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
