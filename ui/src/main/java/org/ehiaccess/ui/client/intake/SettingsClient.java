package org.ehiaccess.ui.client.intake;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The clinic's settings: read by every clinic role, changed by the clinic administrator (If-Match, not retried). */
@ApplicationScoped
// once for every call: retried unless the method says otherwise (a change carrying a version is not), and each
// method has its own circuit breaker
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { IntakeRefusedException.class, CircuitBreakerOpenException.class })
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = IntakeRefusedException.class)
public class SettingsClient {

    @Inject
    @RestClient
    OtherIntakeApis.SettingsApi api;

    public ClinicSettings settings() {
        try {
            return api.get();
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public ClinicSettings update(int version, ClinicSettings.Update update) {
        try {
            return api.update(IntakeClient.etag(version), update);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    public List<AuditRecord> audit() {
        try {
            return api.audit();
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private static IntakeUnavailableException unreachable(ProcessingException e) {
        return new IntakeUnavailableException("intake-service could not be reached", e);
    }
}
