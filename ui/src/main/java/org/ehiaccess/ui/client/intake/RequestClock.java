package org.ehiaccess.ui.client.intake;

import java.time.Instant;
import java.time.LocalDate;

/** One deadline a request runs against: what it is, the rule, when it started, when it is due, where it stands. */
public record RequestClock(String kind, String label, String cfr, Instant startedAt, LocalDate dueOn, Instant dueAt,
        Instant metAt, DueState state) {

    /** The HIPAA right-of-access clock: the one a written extension notice extends. */
    public boolean hipaa() {
        return "hipaa_access".equals(kind);
    }
}
