package org.ehiaccess.decision.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.platform.time.BusinessCalendar;
import org.ehiaccess.decision.rules.RuleCatalog;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One engine for the plain unit tests: the shipped catalog, a fixed "today", HTI5_FINAL off. */
public final class TestEngine {

    /** The day the reference material was prepared; the public scenarios are written relative to it. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    public static final RuleCatalog CATALOG = RuleCatalog.load();
    public static final DecisionEngine ENGINE = new DecisionEngine(CATALOG, () -> TODAY,
            RuleCatalog.CURRENT::equals, 72);
    public static final DecisionEngine WITH_HTI5 = new DecisionEngine(CATALOG, () -> TODAY, id -> true, 72);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEngine() {
    }

    public static Evaluation evaluate(Map<String, Object> practice, Map<String, Object> facts) {
        return evaluate(ENGINE, practice, facts);
    }

    public static Evaluation evaluate(DecisionEngine engine, Map<String, Object> practice, Map<String, Object> facts) {
        FactValidator.Result result = engine.validator().validate(practice, facts);
        assertTrue(result.valid(), () -> "invalid test case: " + result.errors());
        Evaluation evaluation = engine.evaluate(result.input(), BusinessCalendar.federal());
        assertTrue(!json(evaluation).toLowerCase().contains("information blocking"),
                "the engine must never label a practice: " + evaluation.summary());
        return evaluation;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A practice object: type, claimed basis, motives. */
    public static Map<String, Object> practice(String type, String claimedBasis, String... motives) {
        Map<String, Object> practice = new LinkedHashMap<>();
        practice.put("type", type);
        practice.put("claimed_basis", claimedBasis);
        practice.put("motive", List.of(motives));
        return practice;
    }

    /** Facts from alternating id, value pairs. */
    public static Map<String, Object> facts(Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put((String) pairs[i], pairs[i + 1]);
        }
        return facts;
    }
}
