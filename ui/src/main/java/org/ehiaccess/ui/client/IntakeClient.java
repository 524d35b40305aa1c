package org.ehiaccess.ui.client;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The request log as the pages use it. Reads are retried; so is logging a request, because it always
 * carries an {@code Idempotency-Key}: a retried POST gets the first result and never makes a
 * duplicate. A refusal (4xx) is an answer and is never retried, nor counted against the service.
 */
@ApplicationScoped
public class IntakeClient {

    @Inject
    @RestClient
    IntakeApi api;

    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { IntakeRefusedException.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = IntakeRefusedException.class)
    public List<RequestRecord> latestRequests(int limit) {
        try {
            return api.latest(limit);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** One request of the signed-in clinic; empty when it does not exist for this clinic. */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { IntakeRefusedException.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = IntakeRefusedException.class)
    public Optional<RequestRecord> request(UUID id) {
        try {
            return Optional.of(api.get(id));
        } catch (IntakeRefusedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /**
     * Logs a request once per {@code idempotencyKey}; safe to retry, and safe for the person to send
     * again after a failure.
     */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, abortOn = { IntakeRefusedException.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = IntakeRefusedException.class)
    public RequestRecord logRequest(String idempotencyKey, NewRequestBody request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            // without a key a retry could log the request twice
            throw new IllegalArgumentException("logging a request needs an Idempotency-Key");
        }
        try {
            return api.create(idempotencyKey, request);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private static IntakeUnavailableException unreachable(ProcessingException e) {
        return new IntakeUnavailableException("intake-service could not be reached", e);
    }
}
