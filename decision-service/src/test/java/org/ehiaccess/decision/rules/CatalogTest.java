package org.ehiaccess.decision.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The catalog data is consistent (rules/catalog.yaml and the files it lists) and is complete enough to render. */
class CatalogTest {

    static final RuleCatalog CATALOG = RuleCatalog.load();
    static final Ruleset CURRENT = CATALOG.current();

    @Test
    void everyConditionOfTheTableWithItsSectionAndParagraph() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("SC-1", "171.102");
        expected.put("RL-1", "171.103(a)(1)");
        expected.put("PH-a", "171.201(a)");
        expected.put("PH-b", "171.201(b)");
        expected.put("PH-c", "171.201(c)");
        expected.put("PH-d", "171.201(d)(1)-(4)");
        expected.put("PH-e", "171.201(e)");
        expected.put("PH-f", "171.201(f)");
        expected.put("PR-b", "171.202(b)(1)-(2)");
        expected.put("PR-d", "171.202(d)");
        expected.put("PR-e", "171.202(e)(1)-(3)");
        expected.put("SE-abc", "171.203(a)-(c)");
        expected.put("SE-d", "171.203(d)(1)-(4)");
        expected.put("SE-e", "171.203(e)(1)-(2)");
        expected.put("IN-a1", "171.204(a)(1)");
        expected.put("IN-a2", "171.204(a)(2)");
        expected.put("IN-a3", "171.204(a)(3)");
        expected.put("IN-a4", "171.204(a)(4)(i)-(iii)");
        expected.put("IN-a5", "171.204(a)(5)");
        expected.put("IN-b", "171.204(b)");
        expected.put("HP-a", "171.205(a)(1)-(2)");
        expected.put("HP-b", "171.205(b)");
        expected.put("HP-cd", "171.205(c)-(d)");
        expected.put("PCA-a", "171.206(a)");
        expected.put("PCA-bc", "171.206(b)-(c)");
        expected.put("MA-a", "171.301(a)(1)");
        expected.put("MA-b", "171.301(b)");
        expected.put("FE-excl", "171.302(b)(1)-(4)");
        expected.put("FE-a", "171.302(a)(1)-(2)");
        expected.put("LI", "171.303(a)-(c)");
        expected.put("TE", "171.403(a)-(d)");
        expected.forEach((id, cfr) -> assertEquals(cfr, CURRENT.condition(id).cfr(), id));
        assertTrue(CURRENT.condition("DISQUALIFYING_MOTIVE").cfr().startsWith("171.200 / 171.300"));
    }

    @Test
    void theExceptionsCombineAsTheContractSays() {
        Map<String, String> expected = Map.of(
                "171.201", "(PH-a AND PH-b AND PH-c AND PH-d AND PH-e AND PH-f)",
                "171.202", "(PR-b OR PR-d OR PR-e)",
                "171.203", "(SE-abc AND (SE-d OR SE-e))",
                "171.204", "((IN-a1 OR IN-a2 OR IN-a3 OR IN-a4 OR IN-a5) AND IN-b)",
                "171.205", "(HP-a OR HP-b OR HP-cd)",
                "171.206", "(PCA-a AND PCA-bc)",
                "171.301", "(MA-a OR MA-b)",
                "171.302", "(FE-excl AND FE-a)",
                "171.303", "LI",
                "171.403", "TE");
        assertEquals(expected.keySet(), CURRENT.exceptions().keySet());
        expected.forEach((id, combination) -> assertEquals(combination, CURRENT.exceptions().get(id).requires().describe(), id));
    }

    @Test
    void candidatesAndClaimedBasesFollowSection42() {
        assertEquals(List.of("171.201", "171.202", "171.204", "171.205", "171.203"),
                CURRENT.candidatesFor("delay").stream().map(Candidate::exceptionId).toList());
        assertEquals(Set.of("PR-e"), CURRENT.candidatesFor("delay").get(1).branches());
        assertEquals("(IN-a4 AND IN-b)", CURRENT.candidatesFor("alternative_manner").get(1).requires().describe());
        assertEquals("PR-b", CURRENT.claimedBasis().get("privacy_precondition").requires().describe());
        assertEquals(12, CURRENT.claimedBasis().size());
        assertEquals(Set.of("unpaid_balance", "convenience_or_staffing", "revenue_or_fee", "competitor_requester"),
                CURRENT.disqualifyingMotives());
        assertEquals(Set.of("harm.determination_basis", "privacy.subexception", "security.path",
                "infeasibility.condition", "performance.reason"), CURRENT.branchSelectors());
        for (String type : CURRENT.fact("practice.type").values()) {
            assertTrue(CURRENT.candidates().containsKey(type), "candidates for " + type);
        }
    }

    @Test
    void everyConditionCarriesItsMarkDateWordsAndQuestions() {
        for (Condition condition : CURRENT.conditions().values()) {
            assertTrue(Set.of("V", "S", "U").contains(condition.mark()), condition.id());
            assertNotNull(condition.effective(), condition.id());
            assertFalse(condition.requirement().isBlank(), condition.id());
            assertFalse(condition.facts().isEmpty(), condition.id());
        }
        assertEquals("U", CURRENT.condition("PCA-a").mark(), "171.206 conditions are unverified");
        assertEquals("V", CURRENT.condition("SE-abc").mark());
        for (FactDefinition fact : CURRENT.facts().values()) {
            assertTrue(fact.derived() || fact.question() != null, fact.id());
            assertTrue(fact.asksWhenText() == null || fact.asksWhen() != null, fact.id());
        }
        // 128 since the revision of 2026-12-04 added hipaa.minor_controls_withheld_phi (164.502(g)(3))
        assertEquals(128, CURRENT.facts().size(), "the whole fact vocabulary of the rule files");
    }

    @Test
    void hti5DropsThirdPartyModificationAndTefcaManner() {
        Ruleset hti5 = CATALOG.ruleset("HTI5_FINAL").orElseThrow();
        assertFalse(hti5.enabledByDefault());
        assertFalse(hti5.conditions().containsKey("IN-a3"));
        assertFalse(hti5.exceptions().containsKey("171.403"));
        assertFalse(hti5.conditions().containsKey("TE"));
        assertFalse(hti5.claimedBasis().containsKey("tefca_manner"));
        assertEquals(CURRENT.facts().keySet(), hti5.facts().keySet(), "the vocabulary does not change");
        assertTrue(CURRENT.enabledByDefault());
    }

    @Test
    void theCatalogDataNeverLabelsAPractice() throws IOException {
        List<String> files = List.of("catalog.yaml", "request-and-scope.yaml", "171.103-required-by-law.yaml",
                "171.201-preventing-harm.yaml", "171.202-privacy.yaml", "171.203-security.yaml",
                "171.204-infeasibility.yaml", "171.205-health-it-performance.yaml",
                "171.206-protecting-care-access.yaml", "171.301-manner.yaml", "171.302-fees.yaml",
                "171.303-licensing.yaml", "171.403-tefca-manner.yaml", "164.524-right-of-access.yaml");
        for (String file : files) {
            try (InputStream in = getClass().getResourceAsStream("/rules/" + file)) {
                assertNotNull(in, file);
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase();
                assertFalse(text.contains("information blocking"), file);
            }
        }
        Set<String> namespaces = CURRENT.facts().values().stream().map(FactDefinition::namespace).collect(Collectors.toSet());
        assertEquals(Set.of("eval", "ruleset", "actor", "request", "practice", "scope", "law", "harm", "privacy",
                "security", "infeasibility", "performance", "pca", "manner", "fees", "licensing", "tefca", "hipaa"), namespaces);
    }
}
