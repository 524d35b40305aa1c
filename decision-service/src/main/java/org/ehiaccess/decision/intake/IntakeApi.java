package org.ehiaccess.decision.intake;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.platform.service.ForwardAuthorization;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of intake-service's API a decision reads as the signed-in person: whether the request exists in the
 * caller's clinic, and the clinic's settings (time zone and closure days). Called with the person's own token ({@link ForwardAuthorization}), so intake-service's clinic
 * isolation decides. Changes go through the outbox instead ({@link IntakeEffectsApi}). Only {@link IntakeClient} uses it.
 */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(ForwardAuthorization.class)
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface IntakeApi {

    /** The request; only whether intake-service finds it in the caller's clinic matters here. */
    @GET
    @Path("requests/{id}")
    void get(@PathParam("id") UUID requestId);

    /** The caller's clinic's settings; only the time zone and closures are read. */
    @GET
    @Path("settings")
    ClinicSettings settings();
}
