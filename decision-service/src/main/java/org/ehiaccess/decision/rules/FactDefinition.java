package org.ehiaccess.decision.rules;

import java.util.List;

import org.ehiaccess.decision.rules.logic.Expr;

/**
 * One fact of the vocabulary ({@code facts} in the rule files): what the worksheet asks, or how the engine derives it.
 *
 * @param defaultValue the typed default, or null (eval.as_of_date defaults to the clinic's today, see {@code defaultText})
 * @param asksWhen     when the worksheet asks the question, or null for always
 * @param derivedFrom  for a derived fact, the facts it is computed from
 */
public record FactDefinition(String id, FactType type, List<String> values, String cfr, String question,
        String asksWhenText, Expr asksWhen, boolean derived, List<String> derivedFrom, String rule,
        Object defaultValue, String defaultText, String note) {

    public String namespace() {
        return id.substring(0, id.indexOf('.'));
    }
}
