package org.ehiaccess.intake.request;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;


/**
 * Moves a request along its lifecycle. {@code waitingFor} is required when waiting on the requester;
 * {@code mannerUsed} when fulfilling; {@code fulfilledAt} defaults to now.
 */
public record StatusChange(@NotNull RequestStatus status, @Size(max = 500) String waitingFor, Manner mannerUsed,
        Instant fulfilledAt, @Size(max = 2000) String note) {
}
