package org.ehiaccess.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Bad input is reported field by field, all at once; good input is typed; nothing is defaulted silently. */
class FactValidatorTest {

    private static FactValidator.Result validate(Object practice, Object facts) {
        return TestEngine.ENGINE.validator().validate(practice, facts);
    }

    private static Map<String, String> errors(FactValidator.Result result) {
        Map<String, String> errors = new HashMap<>();
        result.errors().forEach(e -> errors.put(e.field(), e.message()));
        return errors;
    }

    @Test
    void typesEachAnswer() {
        FactValidator.Result result = validate(Map.of("type", "deny", "motive", List.of("safety_risk")),
                Map.of("request.received_date", "2026-03-02", "harm.reasonable_belief", true,
                        "infeasibility.alt_manners_offered_count", new BigDecimal("2"), "law.citation", "42 CFR 2.13",
                        "request.ehi_classes", List.of("lab_result", "lab_result")));
        assertTrue(result.valid(), result.errors().toString());
        Map<String, Object> facts = result.input().facts();
        assertEquals(LocalDate.of(2026, 3, 2), facts.get("request.received_date"));
        assertEquals(2, facts.get("infeasibility.alt_manners_offered_count"));
        assertEquals(Set.of("lab_result"), facts.get("request.ehi_classes"));
        assertEquals(Set.of("safety_risk"), facts.get("practice.motive"));
        assertEquals("CURRENT_2024_12", result.input().rulesetId());
        assertTrue(!facts.containsKey("practice.claimed_basis"), "a default is the catalog's, not stored as an answer");
    }

    @Test
    void reportsEveryBadFieldNotJustTheFirst() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("harm.harm_type", "sadness");
        facts.put("harm.reasonable_belief", "true");
        facts.put("request.received_date", "2026-02-30");
        facts.put("eval.as_of_date", 20260302);
        facts.put("no.such_fact", 1);
        facts.put("practice.delay_days", -3);
        facts.put("performance.unavailable_hours", 2.5);
        facts.put("request.ehi_classes", "lab_result");
        facts.put("law.citation", 42);
        facts.put("harm.no_broader_than_necessary", null); // null is simply unknown
        Map<String, String> errors = errors(validate(Map.of("type", "stall", "claimed_basis", "hope",
                "motive", List.of("spite"), "reason", "x"), facts));
        assertEquals(Set.of("facts.harm.harm_type", "facts.harm.reasonable_belief", "facts.request.received_date",
                "facts.eval.as_of_date", "facts.no.such_fact", "facts.practice.delay_days",
                "facts.performance.unavailable_hours", "facts.request.ehi_classes", "facts.law.citation",
                "practice.type", "practice.claimed_basis", "practice.motive", "practice.reason"), errors.keySet());
        assertTrue(errors.get("facts.harm.harm_type").contains("life_or_physical_safety"), "names the allowed values");
        assertEquals("must be a date like 2026-03-02", errors.get("facts.request.received_date"));
        assertEquals("is not a known fact ID", errors.get("facts.no.such_fact"));
        assertTrue(errors.get("practice.motive").contains("spite"));
    }

    @Test
    void thePracticeTypeIsRequiredAndBodiesMustBeObjects() {
        assertEquals(Set.of("practice.type"), errors(validate(null, Map.of())).keySet());
        assertEquals(Set.of("practice", "facts", "practice.type"), errors(validate(List.of(), "x")).keySet());
    }

    @Test
    void practiceFieldsMayBeRepeatedAmongTheFactsOnlyIfTheyAgree() {
        assertTrue(validate(Map.of("type", "deny"), Map.of("practice.type", "deny")).valid());
        assertTrue(validate(null, Map.of("practice.type", "deny", "practice.motive", List.of("downtime"))).valid());
        assertEquals("contradicts the practice object",
                errors(validate(Map.of("type", "deny"), Map.of("practice.type", "delay"))).get("facts.practice.type"));
    }
}
