package org.ehiaccess.decision.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ehiaccess.decision.rules.RuleCatalog;
import org.ehiaccess.platform.time.BusinessCalendar;
import org.ehiaccess.decision.rules.logic.Outcome;

/** Builds cases for the unit tests straight from fact ID / value pairs. */
final class Cases {

    private Cases() {
    }

    /** The facts of a case, validated; {@code practice.type} defaults to deny. */
    static CaseFacts facts(Map<String, Object> answers) {
        return facts(answers, BusinessCalendar.federal());
    }

    static CaseFacts facts(Map<String, Object> answers, BusinessCalendar calendar) {
        Map<String, Object> all = new HashMap<>(answers);
        all.putIfAbsent("practice.type", "deny");
        FactValidator.Result result = TestEngine.ENGINE.validator().validate(null, all);
        assertTrue(result.valid(), () -> "invalid test case: " + result.errors());
        return new CaseFacts(TestEngine.CATALOG.ruleset(RuleCatalog.CURRENT).orElseThrow(), result.input().facts(),
                TestEngine.TODAY, calendar);
    }

    static Outcome condition(String conditionId, Map<String, Object> answers) {
        return facts(answers).condition(conditionId);
    }

    /** Alternating id, value pairs. */
    static Map<String, Object> with(Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put((String) pairs[i], pairs[i + 1] instanceof LocalDate d ? d.toString() : pairs[i + 1]);
        }
        return facts;
    }

    /** Both maps, the second winning. */
    static Map<String, Object> plus(Map<String, Object> base, Map<String, Object> more) {
        Map<String, Object> facts = new LinkedHashMap<>(base);
        facts.putAll(more);
        return facts;
    }

    /** {@code base} plus pairs, later pairs winning; a null value removes the fact. */
    static Map<String, Object> plus(Map<String, Object> base, Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                facts.remove((String) pairs[i]);
            } else {
                facts.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return facts;
    }
}
