package org.ehiaccess.decision.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.platform.outbox.OutboxRelay;

import io.quarkus.scheduler.Scheduled;

/**
 * Retries the intake updates that could not be delivered when they were made. Safe on several replicas (the relay
 * claims rows with SKIP LOCKED). {@code outbox.relay-every} (default 30s; "off" in tests, which run the relay
 * themselves).
 */
@ApplicationScoped
public class IntakeRelayJob {

    @Inject
    OutboxRelay relay;

    @Scheduled(identity = "outbox-relay", every = "${outbox.relay-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relayDue();
    }
}
