package org.ehiaccess.intake.rest;

import jakarta.validation.constraints.NotNull;

import org.ehiaccess.intake.clock.ClockKind;

/** A clock a decision adds, e.g. the 171.204(b) infeasibility notice. */
public record ClockStart(@NotNull ClockKind kind) {
}
