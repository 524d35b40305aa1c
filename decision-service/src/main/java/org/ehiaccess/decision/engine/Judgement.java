package org.ehiaccess.decision.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ehiaccess.decision.rules.Condition;
import org.ehiaccess.decision.rules.logic.Failure;
import org.ehiaccess.decision.rules.logic.Outcome;
import org.ehiaccess.decision.rules.logic.Tri;

/**
 * An exception (or a combination of its conditions) judged for one case.
 *
 * @param satisfied the conditions met (for a true judgement, those that make it true)
 * @param unmet     for a false judgement, the conditions that fail it
 * @param missing   for an unknown judgement, the facts that could still make it true
 */
record Judgement(String exceptionId, Tri value, List<String> satisfied, List<Unmet> unmet, Set<String> missing) {

    /** A condition that is not met, and why. */
    record Unmet(Condition condition, List<Failure> failures) {

        /** True when the condition failed only because the worksheet chose another branch (a branch selector). */
        boolean unchosenBranch() {
            return failures.stream().anyMatch(Failure::selectorMismatch);
        }
    }

    boolean isTrue() {
        return value == Tri.TRUE;
    }

    boolean isFalse() {
        return value == Tri.FALSE;
    }

    boolean isUnknown() {
        return value == Tri.UNKNOWN;
    }

    /** As an outcome of a rule that delegates to this exception (171.205(c)-(d), 171.301(b)(2)-(3)). */
    Outcome asOutcome() {
        if (isTrue()) {
            return Outcome.TRUE;
        }
        if (isUnknown()) {
            return Outcome.unknown(missing);
        }
        String ids = unmet.stream().map(u -> u.condition().id()).collect(Collectors.joining(", "));
        return Outcome.failed(Failure.explained(exceptionId + " is not met (unmet: " + ids + ")", Map.of()));
    }
}
