package org.ehiaccess.decision.rules.logic;

import java.util.Collection;

/**
 * A check that runs only when the worksheet recorded something in a namespace: inside MA-b the fee check runs
 * only if some {@code fees.*} fact is present, the licence check only if some {@code licensing.*} fact is; with
 * no fee or licence involved they hold (171.301(b)(2)-(3); rules/171.301-manner.yaml).
 */
public final class WhenAnswered implements Expr {

    private final String namespace;
    private final Expr rule;

    public WhenAnswered(String namespace, Expr rule) {
        this.namespace = namespace;
        this.rule = rule;
    }

    @Override
    public Outcome evaluate(EvaluationContext context) {
        return context.anyAnswered(namespace) ? rule.evaluate(context) : Outcome.TRUE;
    }

    @Override
    public String describe() {
        return "(if any " + namespace + ".* fact is recorded then " + rule.describe() + ")";
    }

    @Override
    public void collectFacts(Collection<String> into) {
        rule.collectFacts(into);
    }
}
