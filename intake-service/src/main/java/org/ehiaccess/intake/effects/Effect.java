package org.ehiaccess.intake.effects;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.ehiaccess.intake.clock.ClockKind;

/**
 * One effect: {@code id} is its idempotency key (decision-service's outbox id), {@code actor} the person whose
 * change it is (the timeline names them), {@code event} what happened (e.g. assessment.signed).
 */
public record Effect(@NotNull UUID id, @NotBlank @Size(max = 100) String clinicId, @NotNull UUID requestId,
        @NotBlank @Size(max = 100) String actor, @NotBlank @Size(max = 100) String event,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull Step> steps) {

    /** What to do: {@code note} (text), {@code start_clock} or {@code meet_clock} (clock). */
    public enum StepType {
        note, start_clock, meet_clock
    }

    public record Step(@NotNull StepType type, @Size(max = 4000) String text, ClockKind clock) {
    }
}
