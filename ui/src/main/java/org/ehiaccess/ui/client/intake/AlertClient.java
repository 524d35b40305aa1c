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
 * The supervisor's alert inbox and alert mail. Marking read and choosing mail are idempotent, so
 * they are retried like reads.
 */
@ApplicationScoped
// once for every call: retried unless the method says otherwise (a change carrying a version is not), and each
// method has its own circuit breaker
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { IntakeRefusedException.class, CircuitBreakerOpenException.class })
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = IntakeRefusedException.class)
public class AlertClient {

    @Inject
    @RestClient
    OtherIntakeApis.AlertsApi api;

    public List<AlertRecord> alerts() {
        try {
            return api.list(false);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Short: the header asks every 30 seconds, and a count that arrives late is worse than none. */
    @Retry(maxRetries = 1, delay = 100, abortOn = { IntakeRefusedException.class, CircuitBreakerOpenException.class })
    public long unreadCount() {
        try {
            return api.unreadCount().unread();
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Marks the alert read for the signed-in supervisor; returns their unread count. */
    public long markRead(UUID id) {
        try {
            return api.markRead(id).unread();
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** How the signed-in supervisor gets alert mail; empty when they get none. */
    public Optional<AlertMail> mail() {
        try {
            return Optional.of(api.delivery());
        } catch (IntakeRefusedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    public AlertMail chooseMail(AlertMail.Choice choice) {
        try {
            return api.setDelivery(choice);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    public void stopMail() {
        try {
            api.stopDelivery();
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private static IntakeUnavailableException unreachable(ProcessingException e) {
        return new IntakeUnavailableException("intake-service could not be reached", e);
    }
}
