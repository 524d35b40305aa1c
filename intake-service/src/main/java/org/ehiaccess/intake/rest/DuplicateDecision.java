package org.ehiaccess.intake.rest;

import jakarta.validation.constraints.NotNull;

import org.ehiaccess.intake.duplicate.DuplicateFlag;

/** A person's answer to "is this a duplicate?": confirmed or dismissed. Nothing is merged either way. */
public record DuplicateDecision(@NotNull DuplicateFlag.Status decision) {
}
