package org.ehiaccess.ui.client.intake;

import java.time.temporal.ChronoUnit;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What the signed-in person may do, as the services' permission table says (intake-service answers for the token).
 * The ui offers only those actions and never keeps a copy of the table.
 */
@ApplicationScoped
// once for every call: retried unless the method says otherwise (a change carrying a version is not), and each
// method has its own circuit breaker
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { IntakeRefusedException.class, CircuitBreakerOpenException.class })
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = IntakeRefusedException.class)
public class PermissionsClient {

    @Inject
    @RestClient
    OtherIntakeApis.PermissionsApi api;

    /** The caller's operations; a refusal (e.g. 403 for the hosting operator) means none. */
    public Set<String> mine() {
        try {
            return Set.copyOf(api.mine().operations());
        } catch (IntakeRefusedException e) {
            return Set.of();
        } catch (ProcessingException e) {
            throw new IntakeUnavailableException("intake-service could not be reached", e);
        }
    }
}
