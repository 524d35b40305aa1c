package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.ProblemDetails;

/**
 * The intake API answered, and refused (4xx): bad input, not found, not allowed, a reused
 * idempotency key. Retrying the same call would get the same answer, so nothing retries it.
 */
public class IntakeRefusedException extends RuntimeException {

    private final ProblemDetails problem;

    public IntakeRefusedException(ProblemDetails problem) {
        super("intake-service refused the call: " + problem.status() + " " + problem.title());
        this.problem = problem;
    }

    public ProblemDetails problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
