package org.ehiaccess.decision.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ehiaccess.decision.rules.logic.TimelyNotice;

/**
 * One version of the law, complete: the fact vocabulary, the conditions and exceptions, the candidates per
 * practice type and the deadlines (catalog.yaml and its files). Every evaluation records the ruleset it used.
 *
 * @param enabledByDefault false for a ruleset whose text is not verified (HTI5_FINAL): refused unless configured on
 * @param claimedBasis     practice.claimed_basis value -> the exception (or branch) it names
 * @param candidates       practice.type -> the exceptions that can cover it
 * @param practiceImplies  practice.type -> facts it implies when the worksheet has not answered them
 * @param rightOfAccessRequesters the requester types who exercise the 164.524 right of access
 * @param writtenNotice    the 171.204(b) notice rule (IN-b), shared with the obligation of the same name
 */
public record Ruleset(String id, String title, LocalDate effective, boolean enabledByDefault, String warning,
        Map<String, FactDefinition> facts, Map<String, Condition> conditions,
        Map<String, ExceptionDefinition> exceptions, Map<String, Candidate> claimedBasis,
        Map<String, List<Candidate>> candidates, Map<String, Map<String, Object>> practiceImplies,
        Map<String, Deadline> deadlines, List<HipaaCheck> hipaaChecks, Set<String> branchSelectors,
        Set<String> disqualifyingMotives, Set<String> rightOfAccessRequesters, TimelyNotice writtenNotice) {

    public FactDefinition fact(String id) {
        return facts.get(id);
    }

    public Condition condition(String id) {
        Condition condition = conditions.get(id);
        if (condition == null) {
            throw new IllegalArgumentException("No condition " + id + " in ruleset " + this.id);
        }
        return condition;
    }

    public Deadline deadline(String id) {
        Deadline deadline = deadlines.get(id);
        if (deadline == null) {
            throw new IllegalArgumentException("No deadline " + id + " in ruleset " + this.id);
        }
        return deadline;
    }

    public List<Candidate> candidatesFor(String practiceType) {
        return candidates.getOrDefault(practiceType, List.of());
    }
}
