package org.ehiaccess.intake.decision;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * decision-service behind retries and a circuit breaker (timeouts: {@code quarkus.rest-client.decision.*-timeout}).
 * An answer from decision-service (4xx/5xx) is final: neither retried nor counted against the breaker; only a
 * failure to reach it is. Any failure becomes a 503 for the caller: nothing is changed without the answer.
 */
@ApplicationScoped
public class DecisionClient {

    private static final Logger LOG = Logger.getLogger(DecisionClient.class);

    @Inject
    Calls calls;

    /** Whether the request's signed decision supports {@code status}; 503 when decision-service cannot answer. */
    public DecisionSupport support(UUID requestId, String status) {
        try {
            return calls.support(requestId, status);
        } catch (WebApplicationException e) {
            int answered = e.getResponse().getStatus();
            LOG.warnf("decision-service answered %d on decision support for request %s", answered, requestId);
            if (answered == 403) {
                throw new ProblemException(Problem.of(ProblemType.FORBIDDEN, 403, "Forbidden",
                        "Your role may not read this request's decision, which a " + status + " status needs."));
            }
            throw unavailable();
        } catch (RuntimeException e) {
            LOG.warnf("decision-service unreachable on decision support for request %s: %s", requestId, e.toString());
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(ProblemType.SERVICE_UNAVAILABLE, 503, "Service Unavailable",
                "decision-service could not say whether a signed decision supports this status; nothing was"
                        + " changed. Try again in a moment."));
    }

    /** The fault-tolerant calls themselves (a separate bean, so that the interceptors apply). */
    @ApplicationScoped
    public static class Calls {

        @Inject
        @RestClient
        DecisionApi api;

        @Retry(maxRetries = 2, delay = 200, delayUnit = ChronoUnit.MILLIS, abortOn = WebApplicationException.class)
        @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS,
                skipOn = WebApplicationException.class)
        public DecisionSupport support(UUID requestId, String status) {
            return api.support(requestId, status);
        }
    }
}
