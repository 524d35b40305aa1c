package org.ehiaccess.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ehiaccess.decision.rules.FactDefinition;
import org.ehiaccess.decision.rules.Ruleset;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random but valid cases (seeded, so a failure reproduces): the engine never throws, never labels a
 * practice, and its answer is internally consistent.
 */
class RandomCasesTest {

    private static final Ruleset RULES = TestEngine.CATALOG.current();
    private static final List<FactDefinition> FACTS = List.copyOf(RULES.facts().values());

    @Test
    void everyValidCaseGetsAConsistentAnswer() {
        Random random = new Random(171_204L);
        for (int i = 0; i < 4000; i++) {
            Map<String, Object> facts = randomFacts(random);
            String context = "case " + i + ": " + facts;
            Evaluation result = TestEngine.evaluate(null, facts);
            switch (result.verdict()) {
                case COVERED:
                    assertFalse(result.exceptionIds().isEmpty(), context);
                    assertTrue(result.missingFacts().isEmpty(), context);
                    break;
                case NEEDS_MORE_FACTS:
                    // no fact to ask only when a paragraph's earlier text is needed and not held (says so plainly)
                    assertTrue(!result.missingFacts().isEmpty() || (result.warnings().stream()
                            .anyMatch(w -> w.contains("does not hold the text in force"))
                            && result.summary().contains("cannot decide")), context);
                    assertTrue(result.exceptionIds().isEmpty(), context);
                    break;
                case NOT_COVERED:
                    assertTrue(result.missingFacts().isEmpty(), context);
                    assertTrue(result.exceptionIds().isEmpty(), context);
                    assertTrue(result.summary().contains("no exception covers this practice"), context);
                    break;
                default:
                    assertTrue(result.exceptionIds().isEmpty(), context);
            }
            assertTrue(RULES.exceptions().keySet().containsAll(result.exceptionIds()), context);
            assertTrue(RULES.facts().keySet().containsAll(result.missingFacts()), context);
            // an answered fact is asked again only for a notice still pending (171.204(b) or 164.524(b)(2))
            result.missingFacts().forEach(id -> assertTrue(!facts.containsKey(id)
                    || (id.equals("infeasibility.written_notice_sent") && Boolean.FALSE.equals(facts.get(id))),
                    "asks for answered " + id + ": " + context));
            assertEquals("CURRENT_2024_12", result.ruleset());
        }
    }

    @Test
    void anyJsonValueForAnyFactIsEitherReadOrReportedNeverThrown() {
        Random random = new Random(164_524L);
        List<Object> junk = List.of("", "yes", 1, -1, 2.5, true, List.of(), List.of(1), List.of("x"), Map.of("a", 1),
                "2026-13-01", "2026-03-02", Long.MAX_VALUE, new java.math.BigDecimal("3.0"));
        for (int i = 0; i < 3000; i++) {
            FactDefinition fact = FACTS.get(random.nextInt(FACTS.size()));
            Object value = junk.get(random.nextInt(junk.size()));
            FactValidator.Result result = TestEngine.ENGINE.validator().validate(Map.of("type", "deny"), Map.of(fact.id(), value));
            if (result.valid()) {
                TestEngine.ENGINE.evaluate(result.input(), org.ehiaccess.platform.time.BusinessCalendar.federal());
            } else {
                assertEquals("facts." + fact.id(), result.errors().get(0).field());
            }
        }
    }

    private static Map<String, Object> randomFacts(Random random) {
        Map<String, Object> facts = new HashMap<>();
        for (FactDefinition fact : FACTS) {
            if (fact.id().equals("ruleset.version") || random.nextInt(3) != 0) {
                continue;
            }
            facts.put(fact.id(), randomValue(fact, random));
        }
        facts.put("practice.type", pick(RULES.fact("practice.type").values(), random));
        if (random.nextBoolean()) {
            facts.put("practice.claimed_basis", "none");
        }
        return facts;
    }

    private static Object randomValue(FactDefinition fact, Random random) {
        switch (fact.type()) {
            case BOOL:
                return random.nextBoolean();
            case ENUM:
                return pick(fact.values(), random);
            case ENUM_SET:
                List<String> values = new ArrayList<>();
                fact.values().forEach(v -> {
                    if (random.nextInt(4) == 0) {
                        values.add(v);
                    }
                });
                return values;
            case INT:
                return random.nextInt(80);
            case DATE:
                if (fact.id().equals("eval.as_of_date")) {
                    // either side of HTI-1 (2024-03-11) and HTI-3 (2024-12-17)
                    return LocalDate.of(2023, 6, 1).plusDays(random.nextInt(1300)).toString();
                }
                return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(400)).toString();
            default:
                return "text " + random.nextInt(10);
        }
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
