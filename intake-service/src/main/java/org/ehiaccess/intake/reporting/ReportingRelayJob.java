package org.ehiaccess.intake.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.platform.outbox.OutboxRelay;

import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox (the events for reporting-service) and retries what failed, each message backing off 1 minute,
 * doubling, at most 1 hour. Safe on several replicas (the relay claims rows with SKIP LOCKED). {@code outbox.relay-every}
 * (2s in application.properties); tests run the relay themselves.
 */
@ApplicationScoped
public class ReportingRelayJob {

    @Inject
    OutboxRelay relay;

    @Scheduled(identity = "outbox-relay", every = "${outbox.relay-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relayDue();
    }
}
