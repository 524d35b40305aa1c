package org.ehiaccess.platform.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.ehiaccess.platform.outbox.DeliveryFailure;
import org.ehiaccess.platform.outbox.OutboxDestination;
import org.ehiaccess.platform.outbox.OutboxMessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Delivers the outbox's reporting events to reporting-service. The same row always makes the same event (id, clinic,
 * sequence from the row), so a re-delivery after a crash is recognized there as a duplicate and counted once.
 */
@ApplicationScoped
public class ReportingDestination implements OutboxDestination {

    @Inject
    @RestClient
    ReportingApi api;

    @Inject
    ObjectMapper json;

    @Override
    public String name() {
        return ReportingEvents.DESTINATION;
    }

    @Override
    public void deliver(OutboxMessage message) {
        ReportingEvents.Payload payload;
        try {
            payload = json.readValue(message.payload(), ReportingEvents.Payload.class);
        } catch (JsonProcessingException e) {
            throw new DeliveryFailure("the stored event is unreadable");
        }
        try {
            api.deliver(new ReportingApi.Event(message.id(), message.clinicId(), payload.requestId(),
                    message.sequence(), payload.type(), payload.occurredAt(), payload.data()));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new DeliveryFailure("reporting-service answered " + status + explain(status));
        } catch (ProcessingException e) {
            throw new DeliveryFailure("reporting-service could not be reached");
        } catch (RuntimeException e) {
            if (e.getClass().getName().contains("Oidc")) {
                throw new DeliveryFailure("the service could not get its own sign-in from the identity provider");
            }
            throw new DeliveryFailure("reporting-service could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String explain(int status) {
        return switch (status) {
            case 400 -> ": it did not accept the event";
            case 401 -> ": it did not accept the service's sign-in";
            case 403 -> ": the service's sign-in lacks the service role";
            case 422 -> ": the event id was used before with other content";
            case 503 -> ": it is unavailable";
            default -> "";
        };
    }
}
