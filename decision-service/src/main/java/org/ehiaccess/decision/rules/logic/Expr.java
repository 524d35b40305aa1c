package org.ehiaccess.decision.rules.logic;

import java.util.Collection;

/**
 * A rule over facts, read from the catalog: one paragraph of the law, or a part of one.
 * Implementations evaluate with three-valued logic and explain themselves.
 */
public interface Expr {

    Outcome evaluate(EvaluationContext context);

    /** The rule as text, in the notation of the rule files (for the catalog endpoint). */
    String describe();

    /** Adds every fact the rule reads. */
    void collectFacts(Collection<String> into);
}
