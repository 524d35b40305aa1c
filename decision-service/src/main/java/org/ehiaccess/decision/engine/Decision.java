package org.ehiaccess.decision.engine;

import java.util.List;
import java.util.Set;

import org.ehiaccess.decision.rules.Candidate;

/**
 * The Part 171 half of an evaluation, before it is worded (steps 1-7 of {@link DecisionEngine}).
 *
 * @param claimed   the exception the clinic relies on, or null (none, or required_by_law)
 * @param judged    every exception judged, claimed first
 * @param covering  the exceptions that cover the practice (empty unless covered)
 * @param rescued   true when the claimed basis failed but another exception covers the practice
 */
record Decision(Verdict verdict, Candidate claimed, List<Judgement> judged, List<Judgement> covering,
        List<String> satisfied, List<Judgement.Unmet> unmet, List<Judgement.Unmet> otherUnmet, Set<String> missing,
        boolean rescued, List<String> disqualifyingMotives) {

    List<String> exceptionIds() {
        return covering.stream().map(Judgement::exceptionId).distinct().toList();
    }
}
