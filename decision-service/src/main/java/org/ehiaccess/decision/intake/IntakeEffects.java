package org.ehiaccess.decision.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.platform.outbox.Outbox;
import org.ehiaccess.platform.outbox.OutboxMessage;
import org.ehiaccess.platform.outbox.OutboxRelay;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a decision changes in intake-service: the request's timeline and its clocks. decision-service is the only sender
 * (the ui sends none of it). The steps of one decision event are written to the outbox in the transaction of the
 * change ({@link #inTransaction}, {@link Steps#enqueue()}), so they exist exactly when the change does; right after the
 * commit one delivery is tried ({@link #deliverNow}), and {@link IntakeRelayJob} retries until intake-service has
 * applied them, in order per request, each once (the outbox id is its idempotency key there).
 */
@ApplicationScoped
public class IntakeEffects {

    private static final Logger LOG = Logger.getLogger(IntakeEffects.class);

    public static final String DESTINATION = "intake";
    static final String INFEASIBILITY_NOTICE = "infeasibility_notice";
    static final String DENIAL_REVIEW = "denial_review";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    /** Whether intake-service has taken every change, and if not, why, in words for the person. */
    public record Outcome(boolean updated, String message) {
        public static final Outcome NOTHING_TO_DO = new Outcome(true, null);
    }

    /**
     * The request's intake updates as the decision page shows them. {@code state}: applied (nothing waits), pending
     * (waiting to be sent, or behind an earlier one), failing (the last attempt failed: {@code reason}).
     */
    public record UpdateState(String state, String reason, String message, int waiting, Instant nextAttemptAt,
            List<Update> updates) {
    }

    /** One update (one decision event) and what became of it. */
    // its OpenAPI name, fixed: the generated one depends on the order in which the classes are scanned
    @Schema(name = "Update1")
    public record Update(UUID id, String event, String subject, String actor, Instant createdAt, int attempts,
            Instant lastAttemptAt, String lastError, Instant nextAttemptAt, Instant appliedAt) {
    }

    /** The steps for one decision event, applied together and in order by intake-service. */
    public final class Steps {
        private final UUID requestId;
        private final String event;
        private final UUID subject;
        private final List<IntakeEffectsApi.Step> steps = new ArrayList<>();

        Steps(UUID requestId, String event, UUID subject) {
            this.requestId = requestId;
            this.event = event;
            this.subject = subject;
        }

        public Steps note(String text) {
            steps.add(new IntakeEffectsApi.Step("note", text, null));
            return this;
        }

        /** Starts the 171.204(b) written-notice clock. */
        public Steps startInfeasibilityNotice() {
            steps.add(new IntakeEffectsApi.Step("start_clock", null, INFEASIBILITY_NOTICE));
            return this;
        }

        public Steps infeasibilityNoticeMet() {
            steps.add(new IntakeEffectsApi.Step("meet_clock", null, INFEASIBILITY_NOTICE));
            return this;
        }

        /** Starts the clock of the review of a reviewable denial (164.524(a)(4), (d)(4)). */
        public Steps startDenialReview() {
            steps.add(new IntakeEffectsApi.Step("start_clock", null, DENIAL_REVIEW));
            return this;
        }

        public Steps denialReviewMet() {
            steps.add(new IntakeEffectsApi.Step("meet_clock", null, DENIAL_REVIEW));
            return this;
        }

        /** Writes the steps to the outbox; only inside the transaction of the change they follow from. */
        public void enqueue() {
            if (steps.isEmpty()) {
                return;
            }
            outbox.enqueue(DESTINATION, event, requestId.toString(), subject == null ? null : subject.toString(),
                    new IntakeDestination.Payload(requestId, event, List.copyOf(steps)));
        }
    }

    /** Starts the steps of one decision event (e.g. "assessment.signed") about {@code subject} for a request. */
    public Steps forRequest(UUID requestId, String event, UUID subject) {
        return new Steps(requestId, event, subject);
    }

    /** Runs the change and the enqueueing of its steps in one transaction: both happen, or neither. */
    @Transactional
    public <T> T inTransaction(Supplier<T> change) {
        return change.get();
    }

    /**
     * After the change committed: one attempt now at the request's waiting updates, then their state. A failure here
     * is not the caller's: the change is saved and the relay retries.
     */
    public Outcome deliverNow(UUID requestId) {
        try {
            relay.deliverNow(DESTINATION, requestId.toString());
        } catch (RuntimeException e) {
            LOG.warnf("Delivering the intake updates of request %s failed: %s", requestId, e.getClass().getSimpleName());
        }
        UpdateState state = state(requestId);
        return "applied".equals(state.state()) ? new Outcome(true, null) : new Outcome(false, state.message());
    }

    /** The state of the request's intake updates. */
    public UpdateState state(UUID requestId) {
        List<OutboxMessage> messages = outbox.messages(DESTINATION, requestId.toString());
        List<Update> updates = messages.stream().map(m -> new Update(m.id(), m.kind(), m.subject(), m.actor(),
                m.createdAt(), m.attempts(), m.lastAttemptAt(), m.lastError(), m.delivered() ? null : m.nextAttemptAt(),
                m.deliveredAt())).toList();
        List<OutboxMessage> waiting = messages.stream().filter(m -> !m.delivered()).toList();
        if (waiting.isEmpty()) {
            return new UpdateState("applied", null, null, 0, null, updates);
        }
        OutboxMessage head = waiting.get(0);
        boolean failing = head.lastError() != null;
        String reason = failing ? head.lastError() : "it has not been sent yet";
        return new UpdateState(failing ? "failing" : "pending", reason,
                "The request log is not updated yet: " + reason + "; it will be retried automatically.",
                waiting.size(), head.nextAttemptAt(), updates);
    }
}
