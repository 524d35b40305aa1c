package org.ehiaccess.decision.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * What a decision changes in intake-service: the request's timeline and its clocks. The decision is the record: it
 * is kept whatever happens here, and a failure is reported to the caller ({@link Outcome}) and logged without PHI
 * (the request id, the step and the HTTP status only; never a note's text).
 */
@ApplicationScoped
public class IntakeEffects {

    private static final Logger LOG = Logger.getLogger(IntakeEffects.class);

    @Inject
    IntakeClient intake;

    /** Whether intake-service took every change, and if not, what went wrong, for the person to act on. */
    public record Outcome(boolean updated, String message) {
        public static final Outcome NOTHING_TO_DO = new Outcome(true, null);
    }

    /** The steps for one decision event, run in order; every step is tried even if an earlier one failed. */
    public final class Steps {
        private final UUID requestId;
        private final String event;
        private final List<String> failures = new ArrayList<>();

        Steps(UUID requestId, String event) {
            this.requestId = requestId;
            this.event = event;
        }

        public Steps note(String text) {
            return run("timeline note", () -> intake.addNote(requestId, text));
        }

        /** Starts the 171.204(b) written-notice clock. */
        public Steps startInfeasibilityNotice() {
            return run("start the infeasibility notice clock", () -> intake.startClock(requestId, IntakeClient.INFEASIBILITY_NOTICE));
        }

        public Steps infeasibilityNoticeMet() {
            return run("mark the infeasibility notice clock met", () -> intake.meetClock(requestId, IntakeClient.INFEASIBILITY_NOTICE));
        }

        /** Starts the clock of the review of a reviewable denial (164.524(a)(4), (d)(4)). */
        public Steps startDenialReview() {
            return run("start the denial review clock", () -> intake.startClock(requestId, IntakeClient.DENIAL_REVIEW));
        }

        public Steps denialReviewMet() {
            return run("mark the denial review clock met", () -> intake.meetClock(requestId, IntakeClient.DENIAL_REVIEW));
        }

        public Outcome outcome() {
            if (failures.isEmpty()) {
                return new Outcome(true, null);
            }
            return new Outcome(false, "The decision was saved, but intake-service was not updated: "
                    + String.join("; ", failures) + ". Update the request's timeline and clocks by hand, or try again.");
        }

        private Steps run(String step, Runnable call) {
            try {
                call.run();
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                LOG.warnf("intake-service answered %d to '%s' for request %s (%s)", status, step, requestId, event);
                failures.add(step + " (intake-service answered " + status + explain(status) + ")");
            } catch (CircuitBreakerOpenException e) {
                LOG.warnf("intake-service skipped for '%s' for request %s (%s): circuit open", step, requestId, event);
                failures.add(step + " (intake-service has been unreachable; not tried)");
            } catch (RuntimeException e) {
                LOG.warnf("intake-service unreachable for '%s' for request %s (%s): %s", step, requestId, event,
                        e.getClass().getSimpleName());
                failures.add(step + " (intake-service could not be reached)");
            }
            return this;
        }
    }

    /** Starts the steps of one decision event (e.g. "signature", "letter sent") for a request. */
    public Steps forRequest(UUID requestId, String event) {
        return new Steps(requestId, event);
    }

    private static String explain(int status) {
        return switch (status) {
            case 401 -> ": the sign-in was not accepted";
            case 403 -> ": your role may not make this change there";
            case 404 -> ": no such request in your clinic's log";
            default -> "";
        };
    }
}
