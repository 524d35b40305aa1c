package org.ehiaccess.decision.intake;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.ehiaccess.decision.config.DecisionConfig;
import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.problem.ProblemType;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The request log is intake-service's: a decision is made only on a request it holds in the caller's clinic. Asked
 * with the caller's own token, so intake-service's clinic isolation decides; another clinic's request is not found.
 * Logged without PHI (the request id and the HTTP status only).
 */
@ApplicationScoped
public class IntakeRequests {

    private static final Logger LOG = Logger.getLogger(IntakeRequests.class);

    @Inject
    IntakeClient intake;

    @Inject
    DecisionConfig config;

    /**
     * Returns when intake-service has the request in the caller's clinic; otherwise a 404 problem (not there, or
     * another clinic's), a 403 problem (the caller's role may not see it there) or a 503 problem (intake-service cannot
     * be reached or failed), and the caller saves nothing.
     */
    public void requireInCallersClinic(UUID requestId) {
        if (!config.intake().verifyRequests()) {
            return;
        }
        try {
            intake.getRequest(requestId);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw new ProblemException(Problem.of(ProblemType.NOT_FOUND, 404, "Not found", "Request " + requestId
                        + " was not found in your clinic's request log"));
            }
            if (status == 403) {
                throw new ProblemException(Problem.of(ProblemType.FORBIDDEN, 403, "Forbidden",
                        "Your role may not see request " + requestId + " in the request log"));
            }
            LOG.warnf("intake-service answered %d when asked for request %s", status, requestId);
            throw unavailable("intake-service answered " + status + " when asked for the request");
        } catch (CircuitBreakerOpenException e) {
            LOG.warnf("intake-service skipped when asked for request %s: circuit open", requestId);
            throw unavailable("intake-service has been unreachable; try again shortly");
        } catch (RuntimeException e) {
            LOG.warnf("intake-service unreachable when asked for request %s: %s", requestId,
                    e.getClass().getSimpleName());
            throw unavailable("intake-service could not be reached to confirm the request; try again shortly");
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(ProblemType.SERVICE_UNAVAILABLE, 503, "Service unavailable",
                "No assessment was created: " + detail + "."));
    }
}
