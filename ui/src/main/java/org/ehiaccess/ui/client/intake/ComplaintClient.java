package org.ehiaccess.ui.client.intake;

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
 * Complaints as the pages use them. Reads, and logging (it carries an idempotency key), are retried;
 * an update carries its version (If-Match) and is not.
 */
@ApplicationScoped
// once for every call: retried unless the method says otherwise (a change carrying a version is not), and each
// method has its own circuit breaker
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { IntakeRefusedException.class, CircuitBreakerOpenException.class })
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = IntakeRefusedException.class)
public class ComplaintClient {

    @Inject
    @RestClient
    OtherIntakeApis.ComplaintsApi api;

    public List<ComplaintRecord> list(String status) {
        try {
            return api.list(status == null || status.isBlank() ? null : status);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** The complaint, or empty when this clinic has none with that id. */
    public Optional<ComplaintRecord> get(UUID id) {
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

    public ComplaintRecord log(String idempotencyKey, ComplaintBody body) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("logging a complaint needs an Idempotency-Key");
        }
        try {
            return api.create(idempotencyKey, body);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public ComplaintRecord update(UUID id, int version, ComplaintBody body) {
        try {
            return api.update(id, IntakeClient.etag(version), body);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    public List<AuditRecord> audit(UUID id) {
        try {
            return api.audit(id);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private static IntakeUnavailableException unreachable(ProcessingException e) {
        return new IntakeUnavailableException("intake-service could not be reached", e);
    }
}
