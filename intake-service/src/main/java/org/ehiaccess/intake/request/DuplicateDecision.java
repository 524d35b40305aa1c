package org.ehiaccess.intake.request;

import jakarta.validation.constraints.NotNull;


/** A person's answer to "is this a duplicate?": confirmed or dismissed. Nothing is merged either way. */
public record DuplicateDecision(@NotNull DuplicateFlag.Status decision) {
}
