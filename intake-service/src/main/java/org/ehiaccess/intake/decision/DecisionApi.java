package org.ehiaccess.intake.decision;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.platform.service.ForwardAuthorization;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of decision-service's API that intake-service asks: whether the request's signed decision supports a
 * status. Called with the signed-in person's own token ({@link ForwardAuthorization}). Only {@link DecisionClient}
 * uses it.
 */
@RegisterRestClient(configKey = "decision")
@RegisterProvider(ForwardAuthorization.class)
@Path("/api/v1/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
interface DecisionApi {

    @GET
    @Path("decision-support")
    DecisionSupport support(@PathParam("id") UUID requestId, @QueryParam("status") String status);
}
