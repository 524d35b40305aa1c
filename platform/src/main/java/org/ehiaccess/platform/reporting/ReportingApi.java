package org.ehiaccess.platform.reporting;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * reporting-service's event endpoint, called by the outbox relay with the sending service's own token (OIDC client
 * credentials, role {@code service}): no person is signed in when a retry goes out. {@code quarkus.rest-client.reporting.url}.
 */
@RegisterRestClient(configKey = "reporting")
@OidcClientFilter
@Path("/api/v1/events")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface ReportingApi {

    /** One event of reporting-service's contract. {@code requestId} is null for complaint events. */
    record Event(UUID eventId, String clinicId, UUID requestId, long sequence, String type, String occurredAt,
            Map<String, String> data) {
    }

    @POST
    void deliver(Event event);
}
