package org.ehiaccess.ui.client.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A deadline alert of the clinic, with the signed-in supervisor's read mark. */
public record AlertRecord(UUID id, UUID requestId, String clock, String clockLabel, int threshold, boolean overdue,
        LocalDate dueOn, Instant dueAt, Instant raisedAt, boolean read) {

    /** The HIPAA clock: the one a written extension notice extends. */
    public boolean hipaa() {
        return "hipaa_access".equals(clock);
    }
}
