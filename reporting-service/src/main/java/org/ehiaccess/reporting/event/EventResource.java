package org.ehiaccess.reporting.event;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ehiaccess.platform.security.Permissions;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.PermissionsAllowed;

/**
 * Where the outbox relays of intake-service and decision-service deliver domain events (their own tokens, role
 * {@code service}; each event names its clinic). A re-delivery answers 200 and counts nothing twice.
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    EventStore store;

    @POST
    @PermissionsAllowed(Permissions.RECORD_EVENTS)
    @Operation(summary = "Deliver one event or an array of up to 500 (services only)",
            description = "Each event is stored once by eventId; the answer says how many were new and how many had"
                    + " been received before. Any invalid field refuses the whole delivery (400 naming it); an eventId"
                    + " received before with other content is refused (422) and nothing is stored.")
    public EventStore.Stored deliver(JsonNode body) {
        return store.record(EventParser.parse(body));
    }
}
