package org.ehiaccess.ui.client;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Starts and meets the clocks a signed decision brings to the request (intake-service keeps every clock). Both are
 * idempotent there (a running clock is returned as it is; a met one stays met), so both are retried.
 */
@ApplicationScoped
public class RequestClocksClient {

    /** The 171.204(b) written notice of the reasons, 10 business days from receipt. */
    public static final String INFEASIBILITY_NOTICE = "infeasibility_notice";
    /** The review of a reviewable denial by a licensed professional who took no part in it. */
    public static final String DENIAL_REVIEW = "denial_review";

    @Inject
    @RestClient
    IntakeClockApi api;

    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { IntakeRefusedException.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = IntakeRefusedException.class)
    public void start(UUID requestId, String kind) {
        try {
            api.start(requestId, Map.of("kind", kind));
        } catch (ProcessingException e) {
            throw new IntakeUnavailableException("intake-service could not be reached", e);
        }
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { IntakeRefusedException.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = IntakeRefusedException.class)
    public void meet(UUID requestId, String kind) {
        try {
            api.meet(requestId, kind);
        } catch (ProcessingException e) {
            throw new IntakeUnavailableException("intake-service could not be reached", e);
        }
    }
}
