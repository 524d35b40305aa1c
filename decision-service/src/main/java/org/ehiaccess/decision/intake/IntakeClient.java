package org.ehiaccess.decision.intake;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * intake-service behind retries and a circuit breaker. An answer from intake-service (4xx/5xx) is final: it is
 * neither retried nor counted against the breaker; only a failure to reach the service is. Used to confirm a request
 * before an assessment is made ({@link IntakeRequests}) and to read the clinic's calendar
 * ({@link org.ehiaccess.decision.clinic.ClinicCalendars}).
 */
@ApplicationScoped
public class IntakeClient {

    @Inject
    @RestClient
    IntakeApi api;

    /** Asks for the request: a 404 answer ({@link WebApplicationException}) means it is not in the caller's clinic. */
    @Retry(maxRetries = 2, delay = 200, delayUnit = ChronoUnit.MILLIS, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public void getRequest(UUID requestId) {
        api.get(requestId);
    }

    /** The caller's clinic's settings, read with the caller's token. */
    @Retry(maxRetries = 2, delay = 200, delayUnit = ChronoUnit.MILLIS, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public ClinicSettings getSettings() {
        return api.settings();
    }
}
