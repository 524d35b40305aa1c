package org.ehiaccess.decision.rules.logic;

import java.util.Collection;
import java.util.List;

/**
 * A part of a rule that cites its own paragraph and says its requirement in plain words. Failures below a cited
 * paragraph are reported as one failure of that paragraph, so the clinic reads "171.203(b): not tailored to a
 * specific risk" rather than a fact name.
 */
public final class Cited implements Expr {

    private final Expr rule;
    private final String cfr;
    private final String requirement;

    /** Either may be null: a requirement alone words the failures below it without merging them. */
    public Cited(Expr rule, String cfr, String requirement) {
        this.rule = rule;
        this.cfr = cfr;
        this.requirement = requirement;
    }

    @Override
    public Outcome evaluate(EvaluationContext context) {
        Outcome outcome = rule.evaluate(context);
        if (!outcome.isFalse()) {
            return outcome;
        }
        List<Failure> worded = outcome.failures().stream()
                .map(failure -> failure.withRequirementIfAbsent(requirement))
                .toList();
        if (cfr == null) {
            return Outcome.failed(worded);
        }
        return Outcome.failed(Failure.merge(cfr, requirement, worded));
    }

    @Override
    public String describe() {
        return rule.describe();
    }

    @Override
    public void collectFacts(Collection<String> into) {
        rule.collectFacts(into);
    }
}
