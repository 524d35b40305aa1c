package org.ehiaccess.intake.clock;

import java.time.Instant;
import java.time.LocalDate;

/** A clock as the policy and the law set it for one request, before it is saved. */
public record ClockPlan(ClockKind kind, String label, String cfr, Instant startedAt, LocalDate dueOn, Instant dueAt,
        Instant warnAt) {
}
