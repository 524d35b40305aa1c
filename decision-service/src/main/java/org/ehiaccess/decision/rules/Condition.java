package org.ehiaccess.decision.rules;

import java.time.LocalDate;
import java.util.List;

import org.ehiaccess.decision.rules.logic.Expr;

/**
 * One condition of an exception (e.g. {@code IN-b} in rules/171.204-infeasibility.yaml), tied to its CFR paragraph.
 *
 * @param exceptionId the exception it belongs to, or null for the gates before any exception (SC-1, RL-1, ...)
 * @param mark        V, S or U: how well the paragraph's wording is verified (legend: top of catalog.yaml)
 * @param effective   the date the current text of the paragraph took effect
 * @param requirement the paragraph's requirement in plain words, used to explain a failure
 * @param facts       the facts the rule reads, in rule order
 * @param hti5        the HTI-5 proposal touching this paragraph, or null
 * @param earlier     what applied before {@code effective}, or null when the catalog does not hold it
 */
public record Condition(String id, String exceptionId, String cfr, String mark, LocalDate effective, String title,
        String requirement, String asksWhenText, Expr asksWhen, Expr rule, List<String> facts,
        List<String> documentation, String hti5, Earlier earlier) {

    public boolean unverified() {
        return "U".equals(mark);
    }

    /**
     * The paragraph before its current text took effect: either it did not exist ({@code rule} null: it cannot be
     * met on an earlier date), or its earlier text, in force from {@code effective}.
     */
    public record Earlier(LocalDate effective, Expr rule, String requirement) {

        public static final Earlier NOT_IN_FORCE = new Earlier(null, null, null);

        public boolean existed() {
            return rule != null;
        }
    }
}
