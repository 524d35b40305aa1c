package org.ehiaccess.ui.client.decision;

import org.ehiaccess.ui.client.ProblemDetails;
import org.ehiaccess.ui.client.RefusedException;

/**
 * decision-service answered, and refused (4xx): bad facts, not found, not allowed, a signed (locked) assessment, a
 * stale version. Retrying the same call would get the same answer, so nothing retries it.
 */
public class DecisionRefusedException extends RefusedException {

    public DecisionRefusedException(ProblemDetails problem) {
        super("decision-service", problem);
    }
}
