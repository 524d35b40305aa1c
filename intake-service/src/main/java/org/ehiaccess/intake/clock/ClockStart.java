package org.ehiaccess.intake.clock;

import jakarta.validation.constraints.NotNull;


/** A clock a decision adds, e.g. the 171.204(b) infeasibility notice. */
public record ClockStart(@NotNull ClockKind kind) {
}
