package org.ehiaccess.decision.engine;

import java.util.Map;

/**
 * A validated case: the facts, typed, keyed by fact ID (the practice's type, claimed basis and motives included as
 * {@code practice.type}, {@code practice.claimed_basis}, {@code practice.motive}), and the ruleset to apply.
 */
public record CaseInput(String rulesetId, Map<String, Object> facts) {

    public CaseInput {
        facts = Map.copyOf(facts);
    }
}
