package org.ehiaccess.ui.client;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * The clocks a decision brings to a request in intake-service: the 171.204(b) written notice and the review of a
 * reviewable denial (164.524(a)(4)), started and met. Package-private: pages use {@link RequestClocksClient}.
 */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(PropagateAccessToken.class)
@Path("/api/v1/requests/{id}/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface IntakeClockApi {

    @POST
    JsonNode start(@PathParam("id") UUID id, Map<String, Object> body);

    @POST
    @Path("{kind}/met")
    JsonNode meet(@PathParam("id") UUID id, @PathParam("kind") String kind);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return IntakeApi.toException(response);
    }
}
