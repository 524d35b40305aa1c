package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.ProblemDetails;
import org.ehiaccess.ui.client.RefusedException;

/**
 * The intake API answered, and refused (4xx): bad input, not found, not allowed, a reused
 * idempotency key. Retrying the same call would get the same answer, so nothing retries it.
 */
public class IntakeRefusedException extends RefusedException {

    public IntakeRefusedException(ProblemDetails problem) {
        super("intake-service", problem);
    }
}
