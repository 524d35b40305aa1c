package org.ehiaccess.decision.intake;

import java.util.List;
import java.util.UUID;

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

/** Delivers the outbox's intake messages to intake-service; a failure says why in plain words (never the note). */
@ApplicationScoped
public class IntakeDestination implements OutboxDestination {

    @Inject
    @RestClient
    IntakeEffectsApi api;

    @Inject
    ObjectMapper json;

    /** What the outbox row's payload holds. */
    record Payload(UUID requestId, String event, List<IntakeEffectsApi.Step> steps) {
    }

    @Override
    public String name() {
        return IntakeEffects.DESTINATION;
    }

    @Override
    public void deliver(OutboxMessage message) {
        Payload payload;
        try {
            payload = json.readValue(message.payload(), Payload.class);
        } catch (JsonProcessingException e) {
            throw new DeliveryFailure("the stored update is unreadable");
        }
        try {
            api.apply(new IntakeEffectsApi.Effect(message.id(), message.clinicId(), payload.requestId(),
                    message.actor(), payload.event(), payload.steps()));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new DeliveryFailure("intake-service answered " + status + explain(status));
        } catch (ProcessingException e) {
            throw new DeliveryFailure("intake-service could not be reached");
        } catch (RuntimeException e) {
            if (e.getClass().getName().contains("Oidc")) {
                throw new DeliveryFailure("decision-service could not get its own sign-in from the identity provider");
            }
            throw new DeliveryFailure("intake-service could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String explain(int status) {
        return switch (status) {
            case 400 -> ": it did not accept the update";
            case 401 -> ": it did not accept decision-service's sign-in";
            case 403 -> ": decision-service's sign-in lacks the service role";
            case 404 -> ": no such request in the clinic's log";
            case 503 -> ": it is unavailable";
            default -> "";
        };
    }
}
