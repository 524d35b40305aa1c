package org.ehiaccess.decision.rules.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ehiaccess.platform.time.BusinessCalendar;
import org.junit.jupiter.api.Test;

/** Kleene's strong three-valued logic, the minimal missing facts, and the wording of failures. */
class ThreeValuedLogicTest {

    private static final Map<String, Object> FACTS = new HashMap<>();

    private static final EvaluationContext CONTEXT = new EvaluationContext() {
        @Override
        public Object value(String factId) {
            return FACTS.get(factId);
        }

        @Override
        public boolean anyAnswered(String namespace) {
            return FACTS.keySet().stream().anyMatch(id -> id.startsWith(namespace + "."));
        }

        @Override
        public Set<String> toAsk(String factId) {
            return Set.of(factId);
        }

        @Override
        public boolean notAsked(String factId) {
            return factId.startsWith("never.");
        }

        @Override
        public Outcome exception(String exceptionId) {
            return Outcome.TRUE;
        }

        @Override
        public LocalDate asOf() {
            return LocalDate.of(2026, 3, 12);
        }

        @Override
        public BusinessCalendar calendar() {
            return BusinessCalendar.federal();
        }
    };

    private static Expr t(String fact) {
        return new FactTest(fact, FactTest.Op.TRUE, null, false);
    }

    private static Outcome eval(Expr expr, Object... pairs) {
        FACTS.clear();
        for (int i = 0; i < pairs.length; i += 2) {
            FACTS.put((String) pairs[i], pairs[i + 1]);
        }
        return expr.evaluate(CONTEXT);
    }

    @Test
    void andIsFalseOnAnyFalseUnknownOnAnyUnknownElseTrue() {
        Expr and = new AllOf(List.of(t("a.x"), t("a.y")));
        assertEquals(Tri.TRUE, eval(and, "a.x", true, "a.y", true).value());
        assertEquals(Tri.FALSE, eval(and, "a.x", false).value(), "a definite false settles it while a.y is missing");
        Outcome unknown = eval(and, "a.x", true);
        assertEquals(Tri.UNKNOWN, unknown.value());
        assertEquals(Set.of("a.y"), unknown.missing());
        assertEquals(2, eval(and, "a.x", false, "a.y", false).failures().size(), "every failure is reported");
    }

    @Test
    void orIsTrueOnAnyTrueUnknownOnAnyUnknownElseFalseAndAsksOnlyOpenBranches() {
        Expr or = new AnyOf(List.of(new AllOf(List.of(t("a.x"), t("a.y"))), t("a.z")));
        assertEquals(Tri.TRUE, eval(or, "a.z", true).value());
        Outcome open = eval(or, "a.x", false);
        assertEquals(Tri.UNKNOWN, open.value());
        assertEquals(Set.of("a.z"), open.missing(), "a.y belongs to a branch that already failed");
        assertEquals(Tri.FALSE, eval(or, "a.x", false, "a.z", false).value());
    }

    @Test
    void implicationHoldsWhenTheSituationDoesNotArise() {
        Expr rule = new Implies(t("a.situation"), t("a.requirement"));
        assertEquals(Tri.TRUE, eval(rule, "a.situation", false).value());
        assertEquals(Tri.FALSE, eval(rule, "a.situation", true, "a.requirement", false).value());
        assertEquals(Tri.TRUE, eval(rule, "a.requirement", true).value());
        assertEquals(Set.of("a.situation"), eval(rule, "a.requirement", false).missing());
        assertEquals(Tri.TRUE, eval(new Implies(t("never.asked"), t("a.requirement"))).value(),
                "a situation the worksheet never asks about has not arisen");
    }

    @Test
    void optionalFactsFailOnlyWhenExplicitlyFalse() {
        Expr optional = new FactTest("a.sla", FactTest.Op.NOT_FALSE, null, false);
        assertEquals(Tri.TRUE, eval(optional).value());
        assertEquals(Tri.FALSE, eval(optional, "a.sla", false).value());
    }

    @Test
    void aCitedPartMergesItsFailuresIntoOneParagraph() {
        Expr cited = new Cited(new AllOf(List.of(t("a.x"), t("a.y"))), "171.203(d)", "Needs a written policy.");
        Outcome outcome = eval(cited, "a.x", false, "a.y", false);
        assertEquals(1, outcome.failures().size());
        Failure failure = outcome.failures().get(0);
        assertEquals("171.203(d)", failure.cfr());
        assertEquals("Needs a written policy.", failure.requirement());
        assertEquals(Set.of("a.x", "a.y"), failure.recorded().keySet());
    }

    @Test
    void aBranchTheWorksheetDidNotChooseIsLeftOutOfTheExplanation() {
        Expr branches = new AnyOf(List.of(
                new AllOf(List.of(new FactTest("a.sel", FactTest.Op.IS, "one", true), t("a.x"))),
                new AllOf(List.of(new FactTest("a.sel", FactTest.Op.IS, "two", true), t("a.y")))));
        Outcome outcome = eval(branches, "a.sel", "two", "a.y", false, "a.x", false);
        assertEquals(1, outcome.failures().size());
        assertEquals(Set.of("a.y"), outcome.failures().get(0).recorded().keySet());
        assertEquals(2, eval(branches, "a.sel", "none", "a.x", true, "a.y", true).failures().size(),
                "with the selector at none, every branch is reported");
    }
}
